// Client options: one zod schema, defaults, and resolution of region -> base URLs.
import { z } from 'zod';
import { ValidationError } from './errors.js';
import { REGIONS, regionBaseUrls } from './regions.js';
import type { TokenStore } from './transport/token-store.js';
import type { Logger } from './transport/log.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

const isFunction = (v: unknown) => typeof v === 'function';

const tokenStoreSchema = z.custom<TokenStore>(
  (v) => typeof v === 'object' && v !== null && isFunction((v as TokenStore).get) && isFunction((v as TokenStore).set),
  { message: 'must be an object with get(key) and set(key, token) methods' },
);

const loggerSchema = z.custom<Logger>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    ['debug', 'info', 'warn', 'error'].every((m) => (v as Record<string, unknown>)[m] === undefined || isFunction((v as Record<string, unknown>)[m])),
  { message: 'must be an object whose debug/info/warn/error members are functions' },
);

const url = z.string().refine((s) => URL.canParse(s), { message: 'must be an absolute URL' });

export const ClientOptionsSchema = z.strictObject({
  clientId: z.string().min(1, 'is required'),
  clientSecret: z.string().min(1, 'is required'),
  /** Region name (`eu_west_1`) or domain (`mypurecloud.ie`). */
  region: z
    .string()
    .refine((r) => regionBaseUrls(r) !== undefined, {
      message: `must be one of ${Object.keys(REGIONS).join(', ')} or their domains`,
    })
    .optional(),
  apiBaseUrl: url.optional(),
  loginBaseUrl: url.optional(),
  /** Per-attempt timeout. */
  timeoutMs: z.number().int().positive().max(600_000).default(30_000),
  maxRetries: z.number().int().min(0).max(20).default(4),
  maxConcurrency: z.number().int().min(1).max(100).default(8),
  /** A Retry-After longer than this is not waited out: a RateLimitError with retryAfterMs is thrown instead. */
  maxRetryAfterMs: z.number().int().min(0).default(60_000),
  /** First backoff step and cap; full jitter is applied between 0 and the step. */
  retryBackoff: z
    .strictObject({ baseMs: z.number().min(0).default(500), maxMs: z.number().min(0).default(10_000) })
    .default({ baseMs: 500, maxMs: 10_000 }),
  /** Client-wide retry budget (AWS style): a retry costs tokens, a success refunds one; empty = no more retries. */
  retryBudget: z
    .strictObject({ capacity: z.number().int().min(0).default(500), retryCost: z.number().int().min(0).default(5), timeoutCost: z.number().int().min(0).default(10) })
    .default({ capacity: 500, retryCost: 5, timeoutCost: 10 }),
  /** Close the request gate when the platform's remaining allowance is at most this many requests. */
  rateLimitHeadroom: z.number().int().min(0).optional(),
  validation: z.enum(['strict', 'warn', 'off']).default('warn'),
  fetch: z.custom<typeof globalThis.fetch>(isFunction, { message: 'must be a fetch-compatible function' }).optional(),
  tokenStore: tokenStoreSchema.optional(),
  logger: loggerSchema.optional(),
  /** Allow plain http:// to hosts other than loopback (never do this in production). */
  allowInsecureHttp: z.boolean().default(false),
  userAgent: z.string().optional(),
});

export type ClientOptions = z.input<typeof ClientOptionsSchema>;
export type ResolvedClientOptions = z.output<typeof ClientOptionsSchema> & { apiBaseUrl: string; loginBaseUrl: string };

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Validates options and resolves base URLs; throws ValidationError naming each bad field. */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  const parsed = ClientOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw ValidationError.fromZod('Invalid GenesysClient options', parsed.error);
  const opts = parsed.data;
  const issues: { path: string; message: string }[] = [];

  let apiBaseUrl = opts.apiBaseUrl;
  let loginBaseUrl = opts.loginBaseUrl;
  if (opts.region) {
    const urls = regionBaseUrls(opts.region)!;
    apiBaseUrl ??= urls.apiBaseUrl;
    loginBaseUrl ??= urls.loginBaseUrl;
  }
  if (!apiBaseUrl) issues.push({ path: 'region', message: 'give region, or apiBaseUrl and loginBaseUrl' });
  if (apiBaseUrl && !loginBaseUrl) issues.push({ path: 'loginBaseUrl', message: 'is required with apiBaseUrl' });

  for (const [path, value] of [['apiBaseUrl', apiBaseUrl], ['loginBaseUrl', loginBaseUrl]] as const) {
    if (!value) continue;
    const u = new URL(value);
    if (u.protocol === 'https:') continue;
    if (u.protocol !== 'http:') issues.push({ path, message: 'must be an http(s) URL' });
    else if (!LOOPBACK.test(u.hostname) && !opts.allowInsecureHttp) {
      issues.push({ path, message: 'plain http:// is only allowed for loopback hosts (set allowInsecureHttp to override)' });
    }
  }
  if (issues.length > 0) throw new ValidationError('Invalid GenesysClient options', issues);
  return { ...opts, apiBaseUrl: trimSlash(apiBaseUrl!), loginBaseUrl: trimSlash(loginBaseUrl!) };
}

function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

/** Reads GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION or GENESYS_API_BASE_URL + GENESYS_LOGIN_BASE_URL. */
export function optionsFromEnv(env: Record<string, string | undefined>): ClientOptions {
  const pick = (k: string) => (env[k] && env[k]!.trim() !== '' ? env[k]!.trim() : undefined);
  const out: Record<string, unknown> = {
    clientId: pick('GENESYS_CLIENT_ID') ?? '',
    clientSecret: pick('GENESYS_CLIENT_SECRET') ?? '',
  };
  const region = pick('GENESYS_REGION');
  if (region) out.region = region;
  const api = pick('GENESYS_API_BASE_URL');
  const login = pick('GENESYS_LOGIN_BASE_URL');
  if (api) out.apiBaseUrl = api;
  if (login) out.loginBaseUrl = login;
  return out as ClientOptions;
}
