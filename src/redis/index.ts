// genesys-routing-sdk/redis: share one OAuth client's token, rate-limit quota and apply journal across processes.
// The Redis client (ioredis or node-redis v4+) is an optional peer dependency: the user passes an instance.
export { RedisTokenStore, type RedisTokenStoreOptions } from './token-store.js';
export { RedisQuota, type RedisQuotaOptions } from './quota.js';
export { RedisJournal, type RedisJournalOptions } from './journal.js';
export { RedisUnavailableError, type RedisClientLike, type IoRedisLike, type NodeRedisLike } from './adapter.js';
export type { RedisStoreOptions } from './options.js';
