// Options every Redis-backed store shares, checked the same way.
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { scriptRunner, type RedisClientLike, type ScriptRunner } from './adapter.js';

/** Options every Redis-backed store (`RedisTokenStore`, `RedisQuota`, `RedisJournal`, `RedisReplayStore`) shares. */
export interface RedisStoreOptions {
  /** An ioredis or node-redis (v4 or later, connected) client. The SDK never connects or closes it. */
  redis: RedisClientLike;
  /** Prefix of every key this store writes. Default `genesys-routing:`. */
  prefix?: string;
  /** A command not answered within this many ms counts as Redis being down. Default 1,000. */
  commandTimeoutMs?: number;
}

export interface ResolvedStore {
  runner: ScriptRunner;
  prefix: string;
}

/** Validates the shared options (plus `extra` issues of the caller) and builds the script runner. */
export function resolveStoreOptions(
  what: string,
  options: RedisStoreOptions | undefined,
  extra: (o: Record<string, unknown>) => ValidationIssue[] = () => [],
): ResolvedStore {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(`Invalid ${what} options`, [
      { path: 'options', message: 'must be an object with a redis client' },
    ]);
  const o = options as unknown as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const prefix = o.prefix ?? 'genesys-routing:';
  if (typeof prefix !== 'string' || prefix.length > 200)
    issues.push({ path: 'prefix', message: 'must be a string of at most 200 characters' });
  const timeout = o.commandTimeoutMs ?? 1_000;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 600_000) {
    issues.push({ path: 'commandTimeoutMs', message: 'must be an integer from 1 to 600000' });
  }
  issues.push(...extra(o));
  if (issues.length > 0) throw new ValidationError(`Invalid ${what} options`, issues);
  return { runner: scriptRunner(o.redis, timeout as number), prefix: prefix as string };
}

/** An optional positive integer option: its value, the default, or an issue naming it. */
export function intOption(
  o: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  issues: ValidationIssue[],
): number {
  const v = o[name] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    issues.push({ path: name, message: `must be an integer from ${min} to ${max}` });
    return fallback;
  }
  return v;
}
