// The emulator's HTTP server: the request pipeline (latency -> faults -> auth -> rate limit -> route ->
// permissions -> body -> handler) and the startEmulator() entry point.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { AuthService } from './pipeline/auth.js';
import { parseForm, parseJson, readBody } from './pipeline/body.js';
import { RequestContext } from './respond/context.js';
import type { EmulatorRuntime } from './respond/context.js';
import { ApiError, notFound } from './respond/error-body.js';
import { BODY_FAULT_RESPONSES, FAULT_RESPONSES, FaultInjector } from './pipeline/faults.js';
import { allRoutes } from './handlers/index.js';
import { startLive } from './live/index.js';
import type { LiveEmulator } from './live/types.js';
import { attachNotifications, hubFor } from './notifications/index.js';
import type { NotificationsControl } from './notifications/index.js';
import { resolveOptions, validateFaults } from './options.js';
import type { BodyFaultKind, EmulatorOptions, FaultOptions, ResolvedOptions } from './options.js';
import { checkPermissions } from './pipeline/permissions.js';
import type { RoutePermissions } from './pipeline/permissions.js';
import { FixedWindowLimiter, rateLimitHeaders } from './pipeline/rate-limit.js';
import type { RateLimitConfig } from './pipeline/rate-limit.js';
import { Router, routeKey } from './pipeline/router.js';
import type { HttpMethod } from './pipeline/router.js';
import { applyScenario } from './scenarios.js';
import { seedOrg } from './state/seed.js';
import { reproducibleHistoryWindow } from './traffic/synthetic/window.js';
import type { OrgState } from './state/org.js';
import { StatsRecorder } from './stats.js';
import type { EmulatorStats } from './stats.js';

/** A running emulator. */
export interface Emulator {
  /** e.g. 'http://127.0.0.1:54321'; serves both POST /oauth/token and /api/v2/... */
  readonly baseUrl: string;
  /** The interface it listens on. */
  readonly host: string;
  /** The port it listens on (the one picked when `port: 0`). */
  readonly port: number;
  /** Credentials of the default client (all permissions unless `permissions` was given). */
  readonly clientId: string;
  /** Secret of the default client. */
  readonly clientSecret: string;
  /** The live org: read and mutate it directly. */
  readonly state: OrgState;
  /** Live counters and the bounded request log. */
  readonly stats: EmulatorStats;
  /** The org clock (`state.now()`): the wall clock, or from `anchor` on when that option was given. */
  now(): Date;
  /** The resolved options (defaults filled in). */
  readonly options: Readonly<ResolvedOptions>;
  /** Absolute URL of a path: url('/api/v2/users') -> 'http://127.0.0.1:54321/api/v2/users'. */
  url(path: string): string;
  /** Makes every token issued so far invalid: the next API call gets 401 bad.credentials. */
  expireAllTokens(): void;
  /** Replaces (or with null removes) fault injection; the dice restart from the new seed. */
  setFaults(faults: FaultOptions | null): void;
  /** Replaces (or with false disables) the rate limit; windows restart. */
  setRateLimit(rateLimit: RateLimitConfig | false): void;
  /** Issues a token without HTTP (default client unless `clientId` is given). */
  issueToken(clientId?: string): string;
  /** Clears the counters and the request log of `stats`. */
  resetStats(): void;
  /** The notification service: WebSocket controls (dropConnections, sendSocketClosing, publish, configure). */
  readonly notifications: NotificationsControl;
  /**
   * The live day (`startEmulator({ live })`): calls arrive, are routed by the org's current configuration and
   * end, in simulated time. Undefined unless the `live` option was given. See docs/emulator.md.
   */
  readonly live: LiveEmulator | undefined;
  /** Routes served, with their permissions (for docs and tests). */
  routes(): Array<{ method: HttpMethod; path: string; permissions?: RoutePermissions }>;
  /** Stops the server (and the live day, if any). */
  close(): Promise<void>;
}

/** The synthetic org of these options: its clock (the live day owns it from its exact start), analytics, scenario. */
function seededOrg(resolved: ReturnType<typeof resolveOptions>, scaledTraffic: boolean) {
  const state = seedOrg(resolved.seed, resolved.org);
  state.joinDelayMs = resolved.joinDelayMs;
  // An anchor, or the wall clock now, so a seed replays.
  const liveStart = resolved.live ? (resolved.anchor ?? Date.now()) : undefined;
  if (liveStart !== undefined) state.now = () => new Date(liveStart);
  else if (resolved.anchor !== undefined) state.startClockAt(resolved.anchor);
  Object.assign(state.analytics, resolved.analytics);
  state.historyWeeksFrom = reproducibleHistoryWindow(state.now()).to.getTime();
  if (resolved.scenario) applyScenario(state, resolved.scenario, scaledTraffic, resolved.surge);
  return state;
}

/** Listens on host:port (0 = any free port) and returns the port. */
async function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Starts the emulator on loopback (port 0 = any free port) with a synthetic org. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const state = seededOrg(resolved, options.analytics?.trafficScale !== undefined);
  const router = new Router().add(...allRoutes);
  const clock = options.clock;
  const now = clock ? () => clock.now() : Date.now;
  const auth = new AuthService(resolved.clients, resolved.tokenLifetimeSeconds, now);
  const limiter = new FixedWindowLimiter(resolved.rateLimit, now);
  const faults = new FaultInjector(resolved.faults);
  const recorder = new StatsRecorder(resolved.requestLogSize);
  const runtime: { -readonly [K in keyof EmulatorRuntime]: EmulatorRuntime[K] } = {
    state,
    options: resolved,
    baseUrl: '',
    auth,
  };

  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    void handle(req, res, { runtime, router, auth, limiter, faults, recorder });
  });
  const port = await listen(server, resolved.port, resolved.host);
  const hostForUrl = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  runtime.baseUrl = `http://${hostForUrl}:${port}`;
  const notifications = attachNotifications(server, runtime);
  const live = resolved.live ? startLive(state, resolved.live, hubFor(runtime), () => inFlight) : undefined;
  const defaultClient = resolved.clients[0];
  if (!defaultClient) throw new Error('startEmulator: no default client');

  return {
    baseUrl: runtime.baseUrl,
    host: resolved.host,
    port,
    clientId: defaultClient.clientId,
    clientSecret: defaultClient.clientSecret,
    state,
    stats: recorder.stats,
    now: () => state.now(),
    options: resolved,
    url: (path) => `${runtime.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`,
    expireAllTokens: () => auth.expireAll(),
    setFaults: (f) => faults.set(validateFaults(f, resolved.seed, 'setFaults')),
    setRateLimit: (r) => {
      limiter.config = r === false ? false : resolveOptions({ rateLimit: r }).rateLimit;
      limiter.reset();
    },
    issueToken: (clientId = defaultClient.clientId) => {
      if (!auth.clients.has(clientId)) throw new Error(`issueToken: unknown clientId ${clientId}`);
      return auth.issue(clientId).token;
    },
    resetStats: () => recorder.reset(),
    routes: () =>
      router
        .list()
        .map((r) => ({ method: r.method, path: r.path, ...(r.permissions ? { permissions: r.permissions } : {}) })),
    notifications: notifications.control,
    live: live?.control,
    close: () => {
      live?.close();
      notifications.close();
      return closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

interface Pipeline {
  runtime: EmulatorRuntime;
  router: Router;
  auth: AuthService;
  limiter: FixedWindowLimiter;
  faults: FaultInjector;
  recorder: StatsRecorder;
}

async function handle(req: IncomingMessage, res: ServerResponse, p: Pipeline): Promise<void> {
  const at = Date.now();
  const ctx = new RequestContext(req, res, p.runtime, randomUUID());
  const match = p.router.match(ctx.method, ctx.path);
  let fault: string | undefined;
  res.on('close', () => {
    p.recorder.record({
      method: ctx.method,
      path: ctx.path,
      url: ctx.url.pathname + ctx.url.search,
      status: ctx.responded ? ctx.status : 0,
      clientId: ctx.client?.clientId,
      route: match ? routeKey(match.route) : undefined,
      fault,
      at,
      durationMs: Date.now() - at,
    });
  });
  try {
    const { latencyMs } = p.runtime.options;
    if (latencyMs > 0) await delay(latencyMs);

    // Faults come first so a faulted request never reaches a handler and changes nothing.
    fault = p.faults.decide(ctx.method, ctx.path);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'slow') await delay(p.faults.slowMs);
    else if (fault !== undefined && fault in BODY_FAULT_RESPONSES) {
      const lie = BODY_FAULT_RESPONSES[fault as BodyFaultKind];
      ctx.sendText(200, lie.body, lie.contentType);
      return;
    } else if (fault === '429') throw tooManyRequests(p.faults.retryAfterSeconds);
    else if (fault) {
      const f = FAULT_RESPONSES[fault as keyof typeof FAULT_RESPONSES];
      throw new ApiError(f.status, f.code, f.message);
    }

    const isApi = ctx.path.startsWith('/api/v2/') || ctx.path === '/api/v2';
    if (!match?.route.public && isApi) {
      // Until authenticated, report the limits without counting anything.
      Object.assign(ctx.headers, rateLimitHeaders(p.limiter.peek('')));
      const { client, token } = p.auth.authenticateBearer(req.headers.authorization);
      ctx.client = client;
      ctx.token = token;
      const decision = p.limiter.hit(client.clientId);
      Object.assign(ctx.headers, rateLimitHeaders(decision));
      if (decision && !decision.allowed) throw tooManyRequests(decision.resetSeconds, decision.limit);
    }
    if (!match) throw notFound(undefined);
    ctx.params = match.params;
    const { route } = match;
    if (!route.public) checkPermissions(ctx.caller.permissions, route.permissions);

    if (route.body === 'json' || route.body === 'optional-json') {
      ctx.body = parseJson(req, await readBody(req), route.body === 'json');
    } else if (route.body === 'form') {
      ctx.body = parseForm(req, await readBody(req));
    }
    await route.handle(ctx);
    if (!ctx.responded) ctx.noContent();
  } catch (err) {
    if (err instanceof ApiError) {
      ctx.error(err.status, err.code, err.message, err.extras);
    } else {
      ctx.error(500, 'internal.server.error', `Emulator error: ${(err as Error)?.message ?? String(err)}`);
    }
  }
}

function tooManyRequests(retryAfterSeconds: number, limit?: number): ApiError {
  return new ApiError(
    429,
    'too.many.requests.retry.after',
    `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
    {
      headers: { 'Retry-After': String(retryAfterSeconds) },
      messageWithParams: 'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds',
      messageParams: { retryAfter: String(retryAfterSeconds) },
      ...(limit === undefined
        ? {}
        : { limit: { namespace: 'platform.api', key: 'client.credentials.token.rate.per.minute', value: limit } }),
    },
  );
}
