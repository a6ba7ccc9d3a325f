// genesys-routing-sdk/redis: share one OAuth client's token, rate-limit quota and apply journal across processes,
// and webhook receivers' seen delivery ids across replicas.
// The Redis client (ioredis or node-redis v4+) is an optional peer dependency: the user passes an instance.
export { RedisTokenStore, type RedisTokenStoreOptions } from './token-store.js';
export { RedisQuota, type RedisQuotaOptions } from './quota.js';
export { RedisJournal, type RedisJournalOptions } from './journal.js';
export { RedisReplayStore, type RedisReplayStoreOptions } from './replay-store.js';
export { RedisKillSwitch, type RedisKillSwitchOptions } from './kill-switch.js';
export type { KillSwitch } from '../workflows/autopilot/kill-switch.js';
export {
  RedisUnavailableError,
  RedisReplyError,
  type RedisClientLike,
  type IoRedisLike,
  type NodeRedisLike,
} from './adapter.js';
export type { RedisStoreOptions } from './options.js';
export { GenesysError, type GenesysErrorOptions } from '../errors/index.js';
export type { TokenStore, StoredToken, TokenLockRelease } from '../transport/auth/token-store.js';
export type { SharedQuota, QuotaGate, QuotaContext, QuotaTicket } from '../transport/rate-limit/quota.js';
export type { RateLimitInfo, SharedStateEvent } from '../client/events.js';
export type {
  ApplyJournal,
  JournalRecord,
  JournalReadResult,
  JournalLease,
  AcquireLeaseOptions,
  JournalProblem,
} from '../workflows/journal/types.js';
export type { ReplayStore } from '../webhooks/replay-store.js';
