// Client options: one schema (plain checks), defaults, and resolution of region -> base URLs.
import * as z from 'zod/mini';
import { lazySchema } from '../internal/lazy-schema.js';
import { ValidationError } from '../errors/index.js';
import { REGIONS, regionBaseUrls } from './regions.js';
import { didYouMean } from '../internal/did-you-mean.js';
import type { TokenStore } from '../transport/auth/token-store.js';
import type { SharedQuota } from '../transport/rate-limit/quota.js';
import type { Logger } from '../transport/redaction/log.js';
import type { TracingOptions } from '../transport/tracing.js';
import type { WebSocketConstructor } from '../internal/websocket/types.js';
import { parseOptions } from '../internal/options.js';
import type { Clock } from '../internal/clock.js';

/**
 * What to do with what a newer platform may add to a response (a field the schema does not list, a new enumeration
 * value): `strict` throws `ValidationError`, `warn` emits `validationIssue` and returns the data, `off` returns it
 * silently. A body that is not the documented shape (a listing without `entities`, a number where the SDK reads a
 * string) is an `UnexpectedResponseError` in every mode.
 */
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
  /** New fields and enum values in responses: `strict` throws, `warn` (default) emits validationIssue, `off` says nothing. */
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
  /** `User-Agent` header sent with every API request; default: none set by the SDK (the runtime sends its own). */
  userAgent?: string | undefined;
  /**
   * The time source for retry backoff, Retry-After, rate-limit pauses, the retry budget and token expiry.
   * Default: the wall clock. Tests pass `virtualClock()` from 'genesys-routing-sdk/testing' so nothing waits in
   * real time.
   */
  clock?: Clock | undefined;
}

export interface ResolvedClientOptions extends Required<
  Omit<
    ClientOptions,
    | 'region'
    | 'fetch'
    | 'WebSocket'
    | 'tokenStore'
    | 'quota'
    | 'logger'
    | 'onRequest'
    | 'onResponse'
    | 'userAgent'
    | 'rateLimitHeadroom'
    | 'retryBackoff'
    | 'retryBudget'
    | 'clock'
  >
> {
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
  clock: Clock | undefined;
}

// Checked synchronously (the constructor cannot wait) with zod/mini.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const tokenStore = /* @__PURE__ */ lazySchema(() =>
  z
    .unknown()
    .check(
      z.refine(
        (v) => isObject(v) && isFunction(v.get) && isFunction(v.set),
        'must be an object with get(key) and set(key, token) methods',
      ),
    ),
);
const logger = /* @__PURE__ */ lazySchema(() =>
  z
    .unknown()
    .check(
      z.refine(
        (v) => isObject(v) && ['debug', 'info', 'warn', 'error'].every((m) => v[m] === undefined || isFunction(v[m])),
        'must be an object whose debug/info/warn/error members are functions',
      ),
    ),
);
const quota = /* @__PURE__ */ lazySchema(() =>
  z
    .unknown()
    .check(z.refine((v) => isObject(v) && isFunction(v.gate), 'must be an object with a gate(context) method')),
);
const url = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.refine((s) => URL.canParse(s), 'must be an absolute URL')),
);
const ClientOptionsShape = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    clientId: z.string().check(z.minLength(1, 'is required')),
    clientSecret: z.string().check(z.minLength(1, 'is required')),
    region: z.optional(
      z.string().check(
        z.superRefine((r, ctx) => {
          if (regionBaseUrls(r) !== undefined) return;
          const guess = didYouMean(r, [...Object.keys(REGIONS), ...Object.values(REGIONS)]);
          const hint = guess ? `did you mean ${JSON.stringify(guess)}? ` : '';
          ctx.addIssue({
            code: 'custom',
            message: `unknown region ${JSON.stringify(r)}: ${hint}must be one of ${Object.keys(REGIONS).join(', ')} or their domains`,
          });
        }),
      ),
    ),
    apiBaseUrl: z.optional(url()),
    loginBaseUrl: z.optional(url()),
    timeoutMs: z._default(z.int().check(z.positive(), z.lte(600_000)), 30_000),
    maxRetries: z._default(z.int().check(z.gte(0), z.lte(20)), 4),
    maxConcurrency: z._default(z.int().check(z.gte(1), z.lte(100)), 8),
    maxRetryAfterMs: z._default(z.int().check(z.gte(0)), 60_000),
    retryBackoff: z._default(
      z.strictObject({
        baseMs: z._default(z.number().check(z.gte(0)), 500),
        maxMs: z._default(z.number().check(z.gte(0)), 10_000),
      }),
      { baseMs: 500, maxMs: 10_000 },
    ),
    retryBudget: z._default(
      z.strictObject({
        capacity: z._default(z.int().check(z.gte(0)), 500),
        retryCost: z._default(z.int().check(z.gte(0)), 5),
        timeoutCost: z._default(z.int().check(z.gte(0)), 10),
      }),
      { capacity: 500, retryCost: 5, timeoutCost: 10 },
    ),
    rateLimitHeadroom: z.optional(
      z
        .unknown()
        .check(
          z.refine(
            (v) => v === false || (Number.isSafeInteger(v) && (v as number) >= 0),
            'must be an integer >= 0 or false',
          ),
        ),
    ),
    validation: z._default(z.enum(['strict', 'warn', 'off']), 'warn'),
    fetch: z.optional(z.unknown().check(z.refine(isFunction, 'must be a fetch-compatible function'))),
    WebSocket: z.optional(z.unknown().check(z.refine(isFunction, 'must be a WebSocket constructor'))),
    tokenStore: z.optional(tokenStore()),
    quota: z.optional(quota()),
    logger: z.optional(logger()),
    maxResponseBytes: z._default(z.int().check(z.gte(1), z.lte(2 ** 31 - 1)), 32 * 1024 * 1024),
    allowInsecureHttp: z._default(z.boolean(), false),
    onRequest: z.optional(z.unknown().check(z.refine(isFunction, 'must be a function'))),
    onResponse: z.optional(z.unknown().check(z.refine(isFunction, 'must be a function'))),
    userAgent: z.optional(z.string()),
    clock: z.optional(
      z
        .unknown()
        .check(
          z.refine(
            (v) => isObject(v) && isFunction(v.now) && isFunction(v.sleep),
            'must be an object with now() and sleep(ms, signal) methods',
          ),
        ),
    ),
  }),
);

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Validates options and resolves base URLs; throws ValidationError naming each bad field. */
export function resolveClientOptions(input: unknown): ResolvedClientOptions {
  const opts = parseOptions('Invalid GenesysClient options', ClientOptionsShape(), input ?? {}, '') as Omit<
    ResolvedClientOptions,
    'apiBaseUrl' | 'loginBaseUrl'
  > & {
    apiBaseUrl?: string;
    loginBaseUrl?: string;
  };
  const issues: { path: string; message: string }[] = [];

  let apiBaseUrl = opts.apiBaseUrl;
  let loginBaseUrl = opts.loginBaseUrl;
  if (opts.region) {
    const urls = regionBaseUrls(opts.region)!;
    // Both given: no silent winner. The same hosts are fine; different hosts are refused, naming both.
    for (const [path, given, implied] of [
      ['apiBaseUrl', apiBaseUrl, urls.apiBaseUrl],
      ['loginBaseUrl', loginBaseUrl, urls.loginBaseUrl],
    ] as const) {
      if (given !== undefined && trimSlash(given) !== implied) {
        issues.push({
          path,
          message: `${given} disagrees with region ${opts.region} (${implied}): give the region or the base URLs, not both`,
        });
      }
    }
    apiBaseUrl ??= urls.apiBaseUrl;
    loginBaseUrl ??= urls.loginBaseUrl;
  }
  if (!apiBaseUrl) issues.push({ path: 'region', message: 'give region, or apiBaseUrl and loginBaseUrl' });
  if (apiBaseUrl && !loginBaseUrl) issues.push({ path: 'loginBaseUrl', message: 'is required with apiBaseUrl' });

  for (const [path, value] of [
    ['apiBaseUrl', apiBaseUrl],
    ['loginBaseUrl', loginBaseUrl],
  ] as const) {
    if (!value) continue;
    const u = new URL(value);
    if (u.protocol === 'https:') continue;
    if (u.protocol !== 'http:') issues.push({ path, message: 'must be an http(s) URL' });
    else if (!LOOPBACK.test(u.hostname) && !opts.allowInsecureHttp) {
      issues.push({
        path,
        message: 'plain http:// is only allowed for loopback hosts (set allowInsecureHttp to override)',
      });
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
    Object.defineProperty(options, key, {
      value: options[key],
      enumerable: false,
      writable: false,
      configurable: false,
    });
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
