// RedisKillSwitch: the autopilot's kill switch as a Redis key, so an operator (or an alerting rule) stops every
// autopilot of an org, on any host, with one `SET`. The autopilot checks it before every write; a reply it cannot
// read, or Redis being down, counts as engaged (the autopilot then writes nothing).
import type { KillSwitch } from '../workflows/autopilot/kill-switch.js';
import { RedisReplyError, flag, lua, type ScriptRunner } from './adapter.js';
import { resolveStoreOptions, storeKeys, type RedisStoreOptions } from './options.js';

/** Options of {@link RedisKillSwitch}: the Redis connection and prefix, and the key that stops writes. */
export interface RedisKillSwitchOptions extends RedisStoreOptions {
  /** The key (after `prefix`) whose existence stops writes. Default `autopilot:stop`. */
  key?: string;
}

const SCRIPTS = {
  exists: lua(`return redis.call('EXISTS', KEYS[1])`),
  engage: lua(`redis.call('SET', KEYS[1], ARGV[1])
return 1`),
  release: lua(`return redis.call('DEL', KEYS[1])`),
};

/**
 * Engaged while the key exists (any value). `redis-cli SET genesys-routing:autopilot:stop "incident 4711"` stops
 * writes within one decision; `DEL` lets them resume.
 * @example
 * const pilot = startAutopilot(client, policy, { killSwitch: new RedisKillSwitch({ redis }) });
 */
export class RedisKillSwitch implements KillSwitch {
  /** Where the switch is, for logs: `redis:` and the full key. */
  readonly describe: string;
  readonly #runner: ScriptRunner;
  readonly #key: string;

  /** @throws ValidationError naming a bad option (e.g. an empty `key`). */
  constructor(options: RedisKillSwitchOptions) {
    const resolved = resolveStoreOptions('RedisKillSwitch', options, storeKeys('key'), (o) =>
      o.key === undefined || (typeof o.key === 'string' && o.key.length > 0 && o.key.length <= 200)
        ? []
        : [{ path: 'key', message: 'must be a non-empty string of at most 200 characters' }],
    );
    this.#runner = resolved.runner;
    this.#key = `${resolved.prefix}${options.key ?? 'autopilot:stop'}`;
    this.describe = `redis:${this.#key}`;
  }

  /** True while the key exists. Rejects (and the autopilot counts that as engaged) when Redis fails. */
  async engaged(): Promise<boolean> {
    const reply = flag(await this.#runner.run(SCRIPTS.exists, [this.#key], []));
    if (reply === undefined) throw new RedisReplyError('RedisKillSwitch: unexpected reply to EXISTS');
    return reply === 1;
  }

  /** Sets the key (its value says why, for whoever reads it). */
  async engage(reason = 'engaged'): Promise<void> {
    await this.#runner.run(SCRIPTS.engage, [this.#key], [reason]);
  }

  /** Deletes the key: writes may resume. */
  async release(): Promise<void> {
    await this.#runner.run(SCRIPTS.release, [this.#key], []);
  }
}
