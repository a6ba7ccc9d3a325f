// Client options: one schema (plain checks), defaults, and resolution of region -> base URLs.
import * as z from './internal/shape.js';
import { ValidationError } from './errors.js';
import { REGIONS, regionBaseUrls } from './regions.js';
import { didYouMean } from './internal/did-you-mean.js';
import type { TokenStore } from './transport/token-store.js';
import type { SharedQuota } from './transport/quota.js';
import type { Logger } from './transport/log.js';
import type { TracingOptions } from './transport/tracing.js';
import type { WebSocketConstructor } from './internal/websocket/types.js';

export type ValidationMode = 'strict' | 'warn' | 'off';

const isFunction = (v: unknown) => typeof v === 'function';

/** Options of `new GenesysClient(options)`. */
export interface ClientOptions {
  /** OAuth client id (client-credentials grant). */
  clientId: string;
  /** OAuth client secret. Never printed in errors, events or logs. */
  clientSecret: string;
  /** Region by name (`eu_west_1`) or domain (`mypurecloud.ie`). Or give apiBaseUrl + loginBaseUrl. */
  region?: string | undefined;
  /** e.g. `https://api.mypurecloud.ie`, or an emulator's baseUrl. */
  apiBaseUrl?: string | undefined;
  /** e.g. `https://login.mypurecloud.ie`. */
  loginBaseUrl?: string | undefined;
  /** Per-attempt timeout in ms. Default 30,000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number | undefined;
  /** Requests in flight at once. Default 8. */
  maxConcurrency?: number | undefined;
  /** A Retry-After longer than this is not waited out: a RateLimitError carrying retryAfterMs is thrown. Default 60,000. */
  maxRetryAfterMs?: number | undefined;
  /** Backoff between retries: step = min(maxMs, baseMs * 2^(n-1)), uniform in [step/2, step]. Default 500 / 10,000. */
  retryBackoff?: { baseMs?: number; maxMs?: number } | undefined;
  /** Client-wide retry budget: a retry costs retryCost (timeouts and connection errors timeoutCost), a success refunds 1. Default 500 / 5 / 10. */
  retryBudget?: { capacity?: number; retryCost?: number; timeoutCost?: number } | undefined;
  /**
   * The client mirrors the platform's quota from the inin-ratelimit headers and waits for the window to reset
   * instead of being refused. This keeps that many requests of the window in reserve (default 0);
   * false ignores the headers (only 429s pause the client).
   */
  rateLimitHeadroom?: number | false | undefined;
  /** Response validation: `strict` throws, `warn` (default) emits validationIssue and returns the data, `off` skips. */
  validation?: ValidationMode | undefined;
  /** A fetch implementation (proxies, instrumentation). Default: global fetch. */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * The WebSocket constructor notification streams use (a stream's own `WebSocket` option wins). Default:
   * `globalThis.WebSocket` (Node 22+, Deno, Bun, browsers). Node 20 has none: pass one there, e.g.
   * `import { WebSocket } from 'ws'`. The SDK imports no WebSocket library itself, so bundles stay small.
   */
  WebSocket?: WebSocketConstructor | undefined;
  /** Where tokens are cached. Default: in memory, per client. */
  tokenStore?: TokenStore | undefined;
  /**
   * Where the rate-limit quota is mirrored. Default: in this process, per client. Several processes sharing one
   * OAuth client pass a shared quota (e.g. `RedisQuota` from 'genesys-routing-sdk/redis') to stay under its limit together.
   */
  quota?: SharedQuota | undefined;
  /** Receives redacted log lines. */
  logger?: Logger | undefined;
  /** Tracing hook: called before each HTTP attempt (operation, method, path template, attempt). Never sees a token. */
  onRequest?: TracingOptions['onRequest'];
  /** Tracing hook: called on each HTTP response (adds status, duration, correlation id). Never sees a token or body. */
  onResponse?: TracingOptions['onResponse'];
  /**
   * Largest response body the client reads, in bytes (after decompression). A larger one fails the call with a
   * ResponseTooLargeError as soon as it passes the limit, without reading the rest. Default 33,554,432 (32 MiB).
   */
  maxResponseBytes?: number | undefined;
  /** Allow plain http:// to non-loopback hosts. Default false. */
  allowInsecureHttp?: boolean | undefined;
  userAgent?: string | undefined;
}

export interface ResolvedClientOptions extends Required<Omit<ClientOptions, 'region' | 'fetch' | 'WebSocket' | 'tokenStore' | 'quota' | 'logger' | 'onRequest' | 'onResponse' | 'userAgent' | 'rateLimitHeadroom' | 'retryBackoff' | 'retryBudget'>> {
  region: string | undefined;
  fetch: typeof globalThis.fetch | undefined;
  WebSocket: WebSocketConstructor | undefined;
  tokenStore: TokenStore | undefined;
  quota: SharedQuota | undefined;
  logger: Logger | undefined;
  userAgent: string | undefined;
  rateLimitHeadroom: number | false | undefined;
  retryBackoff: { baseMs: number; maxMs: number };
  retryBudget: { capacity: number; retryCost: number; timeoutCost: number };
}

// Checked synchronously (the constructor cannot wait) with the dependency-free checker in internal/shape.ts;
// built by the first constructor, not when the SDK loads.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const ClientOptionsShape = z.lazy(() => {
  const tokenStore = z
    .unknown()
    .refine((v) => isObject(v) && isFunction(v.get) && isFunction(v.set), 'must be an object with get(key) and set(key, token) methods');
  const logger = z
    .unknown()
    .refine(
      (v) => isObject(v) && ['debug', 'info', 'warn', 'error'].every((m) => v[m] === undefined || isFunction(v[m])),
      'must be an object whose debug/info/warn/error members are functions',
    );
  const quota = z.unknown().refine((v) => isObject(v) && isFunction(v.gate), 'must be an object with a gate(context) method');
  const url = z.string().refine((s) => URL.canParse(s), 'must be an absolute URL');
  return z.strictObject({
    clientId: z.string().min(1, 'is required'),
    clientSecret: z.string().min(1, 'is required'),
    region: z
      .string()
      .superRefine((r, ctx) => {
        if (regionBaseUrls(r) !== undefined) return;
        const guess = didYouMean(r, [...Object.keys(REGIONS), ...Object.values(REGIONS)]);
        const hint = guess ? `did you mean ${JSON.stringify(guess)}? ` : '';
        ctx.addIssue({ message: `unknown region ${JSON.stringify(r)}: ${hint}must be one of ${Object.keys(REGIONS).join(', ')} or their domains` });
      })
      .optional(),
    apiBaseUrl: url.optional(),
    loginBaseUrl: url.optional(),
    timeoutMs: z.number().int().positive().max(600_000).default(30_000),
    maxRetries: z.number().int().min(0).max(20).default(4),
    maxConcurrency: z.number().int().min(1).max(100).default(8),
    maxRetryAfterMs: z.number().int().min(0).default(60_000),
    retryBackoff: z
      .strictObject({ baseMs: z.number().min(0).default(500), maxMs: z.number().min(0).default(10_000) })
      .default({ baseMs: 500, maxMs: 10_000 }),
    retryBudget: z
      .strictObject({ capacity: z.number().int().min(0).default(500), retryCost: z.number().int().min(0).default(5), timeoutCost: z.number().int().min(0).default(10) })
      .default({ capacity: 500, retryCost: 5, timeoutCost: 10 }),
    rateLimitHeadroom: z
      .unknown()
      .refine((v) => v === false || (Number.isSafeInteger(v) && (v as number) >= 0), 'must be an integer >= 0 or false')
      .optional(),
    validation: z.enum(['strict', 'warn', 'off']).default('warn'),
    fetch: z.unknown().refine(isFunction, 'must be a fetch-compatible function').optional(),
    WebSocket: z.unknown().refine(isFunction, 'must be a WebSocket constructor').optional(),
    tokenStore: tokenStore.optional(),
    quota: quota.optional(),
    logger: logger.optional(),
    onRequest: z.unknown().refine(isFunction, 'must be a function').optional(),
    onResponse: z.unknown().refine(isFunction, 'must be a function').optional(),
    maxResponseBytes: z.number().int().min(1).max(2 ** 31 - 1).default(32 * 1024 * 1024),
    allowInsecureHttp: z.boolean().default(false),
    userAgent: z.string().optional(),
  });
});

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Validates options and resolves base URLs; throws ValidationError naming each bad field. */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  const parsed = ClientOptionsShape.safeParse(input ?? {});
  if (!parsed.success) throw ValidationError.fromZod('Invalid GenesysClient options', parsed.error);
  const opts = parsed.data as Omit<ResolvedClientOptions, 'apiBaseUrl' | 'loginBaseUrl'> & { apiBaseUrl?: string; loginBaseUrl?: string };
  const issues: { path: string; message: string }[] = [];

  let apiBaseUrl = opts.apiBaseUrl;
  let loginBaseUrl = opts.loginBaseUrl;
  if (opts.region) {
    const urls = regionBaseUrls(opts.region)!;
    // Both given: no silent winner. The same hosts are fine; different hosts are refused, naming both.
    for (const [path, given, implied] of [['apiBaseUrl', apiBaseUrl, urls.apiBaseUrl], ['loginBaseUrl', loginBaseUrl, urls.loginBaseUrl]] as const) {
      if (given !== undefined && trimSlash(given) !== implied) {
        issues.push({ path, message: `${given} disagrees with region ${opts.region} (${implied}): give the region or the base URLs, not both` });
      }
    }
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
  const resolved = { ...opts, apiBaseUrl: trimSlash(apiBaseUrl!), loginBaseUrl: trimSlash(loginBaseUrl!) };
  return hideSecrets(resolved);
}

/**
 * The secret and the token store stay readable but not enumerable, so console.log, util.inspect, JSON.stringify
 * and object spreads of the options never print them.
 */
function hideSecrets<T extends { clientSecret: string; tokenStore: TokenStore | undefined }>(options: T): T {
  for (const key of ['clientSecret', 'tokenStore'] as const) {
    Object.defineProperty(options, key, { value: options[key], enumerable: false, writable: false, configurable: false });
  }
  // util.inspect(options, { showHidden: true }) would list non-enumerable keys too: print a copy without them.
  Object.defineProperty(options, Symbol.for('nodejs.util.inspect.custom'), {
    value: (_depth: number, inspectOptions: object, inspect: (v: unknown, o: object) => string) =>
      inspect({ ...options, clientSecret: '[REDACTED]' }, { ...inspectOptions, showHidden: false }),
    enumerable: false,
  });
  return options;
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
  return out as unknown as ClientOptions;
}
