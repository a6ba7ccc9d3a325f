// RedisQuota: every process using one OAuth client draws from one rate-limit budget kept in Redis, mirrored
// from the inin-ratelimit-* headers, so together they stay under the platform's limit; a 429 seen by any of
// them pauses all of them, then one probe goes. When Redis fails, each process falls back to its own
// in-process mirror (and the client emits `sharedState`), trying Redis again every few seconds.
// Shared state is not trusted blindly: a reply that is not what the scripts return (a wrong type, a number out
// of range, a wait longer than the client's maxRetryAfterMs, e.g. a `blockedUntil` days ahead) counts as Redis
// failing, and one request waits on Redis at most maxRetryAfterMs and issues at most MAX_COMMANDS_PER_CALL
// commands before it goes on with the in-process mirror.
import type { RateLimitInfo, SharedStateEvent } from '../client/events.js';
import { sleep } from '../internal/sleep.js';
import { InProcessQuotaGate } from '../transport/rate-limit/in-process-quota.js';
import type { QuotaContext, QuotaGate, QuotaTicket, SharedQuota } from '../transport/rate-limit/quota.js';
import { RedisReplyError, keyPart, type LuaScript, type ScriptRunner } from './adapter.js';
import { intOption, resolveStoreOptions, storeKeys, type RedisStoreOptions } from './options.js';
import { BLOCK, SETTLE, TAKE } from './quota-scripts.js';

/** Options of `RedisQuota`. */
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
/** Redis commands one take()/waitForGate() issues at most before it goes on with the in-process mirror. */
export const MAX_COMMANDS_PER_CALL = 100;
/** Shortest pause between two polls of one call; it doubles up to 1 s (a probe is polled every 25 ms at first). */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 1_000;
/** A wait the script may legitimately return beyond maxWaitMs (clock rounding). */
const WAIT_SLACK_MS = 1_000;

/** A TAKE reply, checked. */
interface TakeReply {
  granted: boolean;
  /** Granted: 1 for the probe. Refused: the wait in ms. */
  value: number;
  gen: number;
  now: number;
}

/**
 * A shared rate-limit budget in Redis for every process using one OAuth client: a 429 seen by one pauses all, then
 * one probe goes; when Redis fails each process falls back to its own in-process mirror. Pass it as the client
 * option `quota`.
 */
export class RedisQuota implements SharedQuota {
  readonly #settings: Settings;

  /** @throws ValidationError naming a bad option (e.g. `probeTimeoutMs` out of 100..600,000). */
  constructor(options: RedisQuotaOptions) {
    let probeTimeoutMs = 0;
    let retryAfterMs = 0;
    const { runner, prefix } = resolveStoreOptions(
      'RedisQuota',
      options,
      storeKeys('probeTimeoutMs', 'retryAfterMs'),
      (o) => {
        const issues: { path: string; message: string }[] = [];
        probeTimeoutMs = intOption(o, 'probeTimeoutMs', 30_000, 100, 600_000, issues);
        retryAfterMs = intOption(o, 'retryAfterMs', 5_000, 0, 600_000, issues);
        return issues;
      },
    );
    this.#settings = { runner, prefix, probeTimeoutMs, retryAfterMs };
  }

  /** The gate one client draws from; called by the client when it starts (the client option `quota`). */
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
  readonly #maxWaitMs: number;
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
    const maxWait = context.maxWaitMs;
    this.#maxWaitMs = typeof maxWait === 'number' && Number.isFinite(maxWait) && maxWait >= 0 ? maxWait : 60_000;
    this.#local = new InProcessQuotaGate(context.headroom);
  }

  async take(signal?: AbortSignal): Promise<RedisTicket> {
    const budget = this.#budget();
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const reply = this.#useRedis() && this.#within(budget) ? await this.#take(true) : undefined;
      if (!reply) {
        const ticket = await this.#local.take(signal);
        return { ...ticket, local: true, grantedAt: 0 } satisfies RedisTicket;
      }
      if (reply.granted)
        return {
          window: reply.gen,
          probe: reply.value === 1,
          local: false,
          grantedAt: reply.now,
        } satisfies RedisTicket;
      await sleep(budget.pause(reply.value), signal);
    }
  }

  release(ticket: QuotaTicket): void {
    if ((ticket as RedisTicket).local) {
      this.#local.release(ticket);
      return;
    }
    const t = ticket as RedisTicket;
    if (this.#useRedis())
      void this.#run(SETTLE, [t.window, t.probe ? 1 : 0, STATE_TTL_MS, t.grantedAt, ...(this.#answers.get(t) ?? [])]);
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
    const budget = this.#budget();
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const reply = this.#useRedis() && this.#within(budget) ? await this.#take(false) : undefined;
      if (!reply) return this.#local.waitForGate(signal);
      if (reply.granted) return;
      await sleep(budget.pause(reply.value), signal);
    }
  }

  /**
   * One call's allowance of Redis round trips: at most MAX_COMMANDS_PER_CALL commands and maxWaitMs of waiting
   * (at least 1 s); pauses grow from 25 ms to 1 s between polls (a wait the script asks for may be longer).
   */
  #budget(): { more(): boolean; pause(waitMs: number): number } {
    const deadline = Date.now() + Math.max(this.#maxWaitMs, 1_000);
    let commands = 0;
    let floor = FIRST_POLL_MS;
    return {
      more: () => commands++ < MAX_COMMANDS_PER_CALL && Date.now() < deadline,
      pause: (waitMs) => {
        const pause = Math.max(1, Math.min(Math.max(waitMs, floor), this.#maxWaitMs, deadline - Date.now()));
        floor = Math.min(MAX_POLL_MS, floor * 2);
        return pause;
      },
    };
  }

  /** Whether the call may ask Redis again; when not, the gate falls back (and says so) like on a failure. */
  #within(budget: { more(): boolean }): boolean {
    if (budget.more()) return true;
    this.#fallBack(
      `RedisQuota: the shared quota kept one request waiting past its allowance (${MAX_COMMANDS_PER_CALL} commands or maxRetryAfterMs)`,
    );
    return false;
  }

  /** TAKE, its reply checked; undefined when Redis failed or answered nonsense (the caller falls back). */
  #take(take: boolean): Promise<TakeReply | undefined> {
    return this.#run(TAKE, this.#takeArgs(take), (reply) => this.#parseTake(reply));
  }

  #parseTake(reply: unknown): TakeReply {
    const bad = (why: string) => new RedisReplyError(`RedisQuota: shared quota state ignored: ${why}`);
    if (!Array.isArray(reply) || reply.length < 4)
      throw bad(
        `the reply is ${Array.isArray(reply) ? `an array of ${reply.length}` : describe(reply)}, not the script's 4 numbers`,
      );
    const [status, value, gen, now] = reply.slice(0, 4).map(integer);
    if (status !== 0 && status !== 1) throw bad(`status ${describe(reply[0])}`);
    if (gen === undefined || gen < 0 || now === undefined || now < 0)
      throw bad(`generation ${describe(reply[2])} or time ${describe(reply[3])}`);
    if (value === undefined) throw bad(`value ${describe(reply[1])}`);
    if (status === 0 && value !== 0 && value !== 1) throw bad(`probe flag ${value}`);
    if (status === 1 && (value < 1 || value > this.#maxWaitMs + WAIT_SLACK_MS)) {
      throw bad(`it asks to wait ${value} ms, outside 1..${this.#maxWaitMs} (maxRetryAfterMs)`);
    }
    return { granted: status === 0, value, gen, now };
  }
  /** What this process knows without asking Redis (its local mirror). */
  get blockedForMs(): number {
    return this.#local.blockedForMs;
  }

  #takeArgs(take: boolean): (string | number)[] {
    return [
      typeof this.#headroom === 'number' ? this.#headroom : 0,
      this.#s.probeTimeoutMs,
      STATE_TTL_MS,
      take ? 1 : 0,
    ];
  }

  #useRedis(): boolean {
    return !this.#down || Date.now() >= this.#downUntil;
  }

  /**
   * Runs a script and checks its reply with `parse`; undefined when Redis failed or `parse` refused the reply
   * (the caller falls back). Reports going down and coming back.
   */
  async #run<T = unknown>(
    script: LuaScript,
    args: (string | number)[],
    parse: (reply: unknown) => T = (reply) => reply as T,
  ): Promise<T | undefined> {
    try {
      const reply = parse(await this.#s.runner.run(script, [this.#key], args));
      if (this.#down) {
        this.#down = false;
        this.#onSharedState({ component: 'quota', state: 'restored' });
      }
      return reply;
    } catch (error) {
      this.#fallBack(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  /** Works alone for retryAfterMs; reports it once per outage. */
  #fallBack(reason: string): void {
    this.#downUntil = Date.now() + this.#s.retryAfterMs;
    if (!this.#down) {
      this.#down = true;
      this.#onSharedState({ component: 'quota', state: 'fallback', reason });
    }
  }
}

/** A Redis integer reply (a number, or digits as a string) as a safe integer; undefined for anything else. */
function integer(value: unknown): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
