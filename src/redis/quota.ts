// RedisQuota: every process using one OAuth client draws from one rate-limit budget kept in Redis, mirrored
// from the inin-ratelimit-* headers, so together they stay under the platform's limit; a 429 seen by any of
// them pauses all of them, then one probe goes. When Redis fails, each process falls back to its own
// in-process mirror (and the client emits `sharedState`), trying Redis again every few seconds.
import type { RateLimitInfo, SharedStateEvent } from '../events.js';
import { sleep } from '../internal/sleep.js';
import { InProcessQuotaGate } from '../transport/in-process-quota.js';
import type { QuotaContext, QuotaGate, QuotaTicket, SharedQuota } from '../transport/quota.js';
import { keyPart, type ScriptRunner } from './adapter.js';
import { intOption, resolveStoreOptions, type RedisStoreOptions } from './options.js';
import { BLOCK, SETTLE, TAKE } from './quota-scripts.js';

export interface RedisQuotaOptions extends RedisStoreOptions {
  /** How long a probe (the one request let through after a 429) may stay out before another is sent. Default 30,000 ms. */
  probeTimeoutMs?: number;
  /** After Redis failed, how long each process works alone before trying Redis again. Default 5,000 ms. */
  retryAfterMs?: number;
}

interface Settings {
  runner: ScriptRunner;
  prefix: string;
  probeTimeoutMs: number;
  retryAfterMs: number;
}

/** Idle quota state expires: a window is at most minutes long, so nothing older is worth keeping. */
const STATE_TTL_MS = 10 * 60_000;

export class RedisQuota implements SharedQuota {
  readonly #settings: Settings;

  constructor(options: RedisQuotaOptions) {
    let probeTimeoutMs = 0;
    let retryAfterMs = 0;
    const { runner, prefix } = resolveStoreOptions('RedisQuota', options, (o) => {
      const issues: { path: string; message: string }[] = [];
      probeTimeoutMs = intOption(o, 'probeTimeoutMs', 30_000, 100, 600_000, issues);
      retryAfterMs = intOption(o, 'retryAfterMs', 5_000, 0, 600_000, issues);
      return issues;
    });
    this.#settings = { runner, prefix, probeTimeoutMs, retryAfterMs };
  }

  gate(context: QuotaContext): QuotaGate {
    return new RedisQuotaGate(this.#settings, context);
  }
}

interface RedisTicket extends QuotaTicket {
  /** Granted by the in-process fallback (Redis was down). */
  readonly local: boolean;
  /** Redis time of the grant (ms). */
  readonly grantedAt: number;
}

class RedisQuotaGate implements QuotaGate {
  readonly #s: Settings;
  readonly #key: string;
  readonly #headroom: number | false | undefined;
  readonly #onSharedState: (event: SharedStateEvent) => void;
  /** Always fed with the headers (counts are per OAuth client, so they stay meaningful), used while Redis is down. */
  readonly #local: InProcessQuotaGate;
  #downUntil = 0;
  #down = false;
  /** Headers of a request's answer, sent to Redis with its release (one round trip per request). */
  readonly #answers = new WeakMap<QuotaTicket, (string | number)[]>();

  constructor(settings: Settings, context: QuotaContext) {
    this.#s = settings;
    this.#key = `${settings.prefix}quota:${keyPart(context.key)}`;
    this.#headroom = context.headroom;
    this.#onSharedState = context.onSharedState;
    this.#local = new InProcessQuotaGate(context.headroom);
  }

  async take(signal?: AbortSignal): Promise<RedisTicket> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const reply = this.#useRedis() ? await this.#run(TAKE, this.#takeArgs(true)) : undefined;
      if (!reply) {
        const ticket = await this.#local.take(signal);
        return { ...ticket, local: true, grantedAt: 0 } satisfies RedisTicket;
      }
      const [status, value, gen, now] = reply as [number, number, number, number];
      if (Number(status) === 0) return { window: Number(gen), probe: Number(value) === 1, local: false, grantedAt: Number(now) } satisfies RedisTicket;
      await sleep(Number(value), signal);
    }
  }

  release(ticket: QuotaTicket): void {
    if ((ticket as RedisTicket).local) {
      this.#local.release(ticket);
      return;
    }
    const t = ticket as RedisTicket;
    if (this.#useRedis()) void this.#run(SETTLE, [t.window, t.probe ? 1 : 0, STATE_TTL_MS, t.grantedAt, ...(this.#answers.get(t) ?? [])]);
  }

  observe(info: RateLimitInfo, maxPauseMs: number, ticket?: QuotaTicket): number {
    const pause = this.#local.observe(info, maxPauseMs);
    const resetMs = info.resetSeconds * 1000;
    if (this.#headroom === false || resetMs <= 0 || resetMs > maxPauseMs || !this.#useRedis()) return pause;
    const t = ticket as RedisTicket | undefined;
    // Without its ticket an answer cannot be placed in a window: it is not merged.
    if (!t || t.local) return pause;
    this.#answers.set(t, [info.allowed, info.count, resetMs]);
    return pause;
  }

  block(ms: number): void {
    this.#local.block(ms);
    if (this.#useRedis()) void this.#run(BLOCK, [Math.max(0, Math.ceil(ms)), STATE_TTL_MS]);
  }

  async waitForGate(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const reply = this.#useRedis() ? await this.#run(TAKE, this.#takeArgs(false)) : undefined;
      if (!reply) return this.#local.waitForGate(signal);
      const [status, value] = reply as [number, number];
      if (Number(status) === 0) return;
      await sleep(Number(value), signal);
    }
  }

  /** What this process knows without asking Redis (its local mirror). */
  get blockedForMs(): number {
    return this.#local.blockedForMs;
  }

  #takeArgs(take: boolean): (string | number)[] {
    return [typeof this.#headroom === 'number' ? this.#headroom : 0, this.#s.probeTimeoutMs, STATE_TTL_MS, take ? 1 : 0];
  }

  #useRedis(): boolean {
    return !this.#down || Date.now() >= this.#downUntil;
  }

  /** Runs a script; undefined when Redis failed (the caller falls back). Reports going down and coming back. */
  async #run(script: Parameters<ScriptRunner['run']>[0], args: (string | number)[]): Promise<unknown> {
    try {
      const reply = await this.#s.runner.run(script, [this.#key], args);
      if (this.#down) {
        this.#down = false;
        this.#onSharedState({ component: 'quota', state: 'restored' });
      }
      return reply;
    } catch (error) {
      this.#downUntil = Date.now() + this.#s.retryAfterMs;
      if (!this.#down) {
        this.#down = true;
        this.#onSharedState({ component: 'quota', state: 'fallback', reason: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    }
  }
}
