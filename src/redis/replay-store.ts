// RedisReplayStore: the webhook receivers' seen-delivery-id store in Redis, shared by every replica. A claim is one
// `SET key 1 NX PX ttl`, so of any number of parallel copies of one delivery exactly one is processed.
import type { ReplayStore } from '../webhooks/replay-store.js';
import { RedisReplyError, flag, keyPart, lua, type ScriptRunner } from './adapter.js';
import { resolveStoreOptions, storeKeys, type RedisStoreOptions } from './options.js';

/** Options of RedisReplayStore: the shared Redis options (`redis`, `prefix`, `commandTimeoutMs`). */
export type RedisReplayStoreOptions = RedisStoreOptions;

const SCRIPTS = {
  claim: lua(`if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 end
return 0`),
  release: lua(`return redis.call('DEL', KEYS[1])`),
};

/** Longest claim kept (ms): a webhook replay window is at most a day, plus skew. */
const MAX_TTL_MS = 3 * 86_400_000;

/**
 * The seen-delivery-id store of webhook receivers, in Redis: pass it as `replayStore` to every replica.
 *
 * @example
 * const handler = createWebhookHandler({ secret, onEvent, replayStore: new RedisReplayStore({ redis }) });
 */
export class RedisReplayStore implements ReplayStore {
  readonly #runner: ScriptRunner;
  readonly #prefix: string;
  readonly #now: () => number;

  /** `now`: the clock used to turn `expiresAt` into a TTL (tests). */
  constructor(options: RedisReplayStoreOptions & { now?: () => number }) {
    const resolved = resolveStoreOptions('RedisReplayStore', options, storeKeys('now'));
    this.#runner = resolved.runner;
    this.#prefix = resolved.prefix;
    this.#now = options.now ?? Date.now;
  }

  /** True only for the first claimer while the claim lasts. Rejects with RedisUnavailableError when Redis fails. */
  async claim(deliveryId: string, expiresAt: number): Promise<boolean> {
    const ttl = Math.min(MAX_TTL_MS, Math.max(1, Math.ceil(expiresAt - this.#now())));
    const reply = await this.#runner.run(SCRIPTS.claim, [this.#key(deliveryId)], [ttl]);
    const claimed = flag(reply);
    if (claimed === undefined)
      throw new RedisReplyError(
        `RedisReplayStore: unexpected reply to a claim (${Array.isArray(reply) ? 'an array' : typeof reply})`,
      );
    return claimed === 1;
  }

  /** Deletes the claim (processing failed): the sender's retry is processed. */
  async release(deliveryId: string): Promise<void> {
    await this.#runner.run(SCRIPTS.release, [this.#key(deliveryId)], []);
  }

  #key(deliveryId: string): string {
    return `${this.#prefix}webhook-delivery:${keyPart(deliveryId)}`;
  }
}
