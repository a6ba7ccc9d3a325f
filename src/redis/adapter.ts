// One way to run a Lua script on either Redis client the user passes: ioredis (`evalsha(sha, numKeys, ...keys,
// ...args)`) or node-redis v4+ (`evalSha(sha, { keys, arguments })`). Every store here speaks to Redis only through
// scripts, so this is the whole adapter. Each call has a timeout: a client whose connection is down may queue
// commands indefinitely, and the SDK would rather fall back than hang.
import { createHash } from 'node:crypto';
import { GenesysError, ValidationError } from '../errors/index.js';

/** An ioredis client (`new Redis(url)`, or a Cluster). */
export interface IoRedisLike {
  /** ioredis' EVALSHA: `evalsha(sha, numKeys, ...keys, ...args)`. */
  evalsha: (...args: never[]) => unknown;
  /** ioredis' EVAL: `eval(script, numKeys, ...keys, ...args)`. */
  eval: (...args: never[]) => unknown;
}

/** A node-redis v4+ client (`createClient({ url })`, connected). */
export interface NodeRedisLike {
  /** node-redis' EVALSHA: `evalSha(sha, { keys, arguments })`. */
  evalSha: (...args: never[]) => unknown;
  /** node-redis' EVAL: `eval(script, { keys, arguments })`. */
  eval: (...args: never[]) => unknown;
}

/** The Redis client the user passes: ioredis or node-redis (`redis` package, v4 or later). */
export type RedisClientLike = IoRedisLike | NodeRedisLike;

/** A Lua script and its SHA1 (EVALSHA first; EVAL once when the server does not know it yet). */
export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

export function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Raised when Redis does not answer in time or answers with an error. */
export class RedisUnavailableError extends GenesysError {
  /** Stable class name (`RedisUnavailableError`), used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'RedisUnavailableError';
}

/**
 * Redis answered with something this SDK never writes (a wrong type, a number out of range, data that does not
 * parse): the shared state was tampered with or written by something else. Handled like Redis being down.
 */
export class RedisReplyError extends RedisUnavailableError {
  /** Stable class name (`RedisReplyError`), used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'RedisReplyError';
}

export interface ScriptRunner {
  run(script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}

type Eval = (scriptOrSha: string, keys: string[], args: string[]) => Promise<unknown>;

/** Detects the client flavour once and returns a runner with a per-command timeout. */
export function scriptRunner(redis: unknown, timeoutMs: number, field = 'redis'): ScriptRunner {
  const evalsha = flavour(redis, field);
  return {
    async run(script, keys, args) {
      const strArgs = args.map(String);
      try {
        return await withTimeout(() => evalsha.sha(script.sha, [...keys], strArgs), timeoutMs);
      } catch (error) {
        if (!isNoScript(error)) throw unavailable(error);
        try {
          return await withTimeout(() => evalsha.source(script.source, [...keys], strArgs), timeoutMs);
        } catch (retryError) {
          throw unavailable(retryError);
        }
      }
    },
  };
}

function flavour(redis: unknown, field: string): { sha: Eval; source: Eval } {
  const r = redis as Record<string, unknown> | null;
  if (r && typeof r === 'object' && typeof r.evalSha === 'function' && typeof r.eval === 'function') {
    const c = r as unknown as {
      evalSha: (sha: string, o: object) => Promise<unknown>;
      eval: (src: string, o: object) => Promise<unknown>;
    };
    return {
      sha: (sha, keys, args) => c.evalSha(sha, { keys, arguments: args }),
      source: (src, keys, args) => c.eval(src, { keys, arguments: args }),
    };
  }
  if (r && typeof r === 'object' && typeof r.evalsha === 'function' && typeof r.eval === 'function') {
    const c = r as unknown as {
      evalsha: (...a: unknown[]) => Promise<unknown>;
      eval: (...a: unknown[]) => Promise<unknown>;
    };
    return {
      sha: (sha, keys, args) => c.evalsha(sha, keys.length, ...keys, ...args),
      source: (src, keys, args) => c.eval(src, keys.length, ...keys, ...args),
    };
  }
  throw new ValidationError('Invalid Redis options', [
    { path: field, message: 'must be an ioredis or node-redis (v4 or later) client instance' },
  ]);
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

function unavailable(error: unknown): RedisUnavailableError {
  if (error instanceof RedisUnavailableError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RedisUnavailableError(`Redis: ${message}`, { cause: error });
}

/** Runs `call` (a client that throws synchronously or returns a non-promise is handled too) with a time limit. */
function withTimeout<T>(call: () => Promise<T>, ms: number): Promise<T> {
  const promise = Promise.resolve().then(call);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // After a stalled event loop the timer runs before pending socket reads: setImmediate lets the poll phase
    // deliver an answer that already arrived, so a busy process does not mistake its own stall for Redis failing.
    timer = setTimeout(
      () => setImmediate(() => reject(new RedisUnavailableError(`Redis: no answer within ${ms} ms`))),
      ms,
    );
  });
  // The late answer (or error) of a timed-out command must not become an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A script's integer reply 0 or 1, strictly (Number() would also read null as 0 and [[1]] as 1); undefined otherwise. */
export function flag(reply: unknown): 0 | 1 | undefined {
  return reply === 1 || reply === '1' ? 1 : reply === 0 || reply === '0' ? 0 : undefined;
}

/** A short, fixed-length key part for an arbitrary id (client keys, plan ids). */
export function keyPart(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 32);
}

/** Redis time in epoch ms inside a script (one clock for every process, whatever their hosts' clocks say). */
export const NOW_MS_LUA = `local __t = redis.call('TIME')
local now = tonumber(__t[1]) * 1000 + math.floor(tonumber(__t[2]) / 1000)`;

/** Compare-and-set scripts for a lock or lease held under an owner token. */
export const LOCK_SCRIPTS = {
  acquire: lua(`if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`),
  renew: lua(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`),
  release: lua(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`),
  owner: lua(`return redis.call('GET', KEYS[1])`),
};
