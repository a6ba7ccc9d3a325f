// GenesysClient: validated options -> one Transport; resource groups are created lazily on first use.
import { EventEmitter } from 'eventemitter3';
import { optionsFromEnv, resolveClientOptions, type ClientOptions } from './config.js';
import { ValidationError } from '../errors/index.js';
import type { ClientEvents } from './events.js';
import type { CallOptions, Operation } from '../transport/operation.js';
import {
  afterPaginator,
  bodyPaginator,
  cursorPaginator,
  pageNumberPaginator,
  type ListOptions,
} from '../transport/paging/paging-strategies.js';
import { deferredPaginator, type Paginator } from '../transport/paging/paginator.js';
import { Transport } from '../transport/transport.js';
import { attachTracing } from '../transport/tracing.js';
import { ApiPromise } from '../resources/core/api-promise.js';
import type { ClientCore, ClientRequest, OrgInfo, PagingStyle } from '../resources/core/client-core.js';
import { registerTransport } from '../resources/core/internals.js';
import { checkRawCall, checkRawListing } from '../resources/core/raw-checks.js';
import { RoutingApi } from '../resources/routing/index.js';
import { AnalyticsApi } from '../resources/analytics/index.js';
import { AuditApi } from '../resources/audit/index.js';
import { NotificationsApi } from '../resources/notifications/index.js';
import { WorkforceApi } from '../resources/workforce/index.js';

const ENV_NAMES: Record<string, string> = {
  clientId: 'GENESYS_CLIENT_ID',
  clientSecret: 'GENESYS_CLIENT_SECRET',
  region: 'GENESYS_REGION',
  apiBaseUrl: 'GENESYS_API_BASE_URL',
  loginBaseUrl: 'GENESYS_LOGIN_BASE_URL',
};

/** A call to an endpoint this SDK does not wrap: `client.request({ method, path, query, body })`. */
export type RawRequest<T = unknown> = ClientRequest<T>;

function operationOf(req: ClientRequest<unknown>) {
  return {
    id: req.id ?? `raw.${req.method} ${req.path}`,
    method: req.method,
    path: req.path,
    idempotent: req.idempotent,
    schema: req.schema,
  };
}

function inputOf(req: ClientRequest<unknown>) {
  return { params: req.params, query: req.query, body: req.body, url: req.url };
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A client for one Genesys Cloud org. Holds its own token, limiter and retry budget: two clients never
 * share state. Nothing happens on construction; the first call fetches a token.
 *
 * @example
 * const client = new GenesysClient({ clientId, clientSecret, region: 'eu_west_1' });
 * for await (const queue of client.routing.queues.list()) console.log(queue.name);
 */
export class GenesysClient implements ClientCore {
  readonly #transport: Transport;
  readonly #org: OrgInfo;
  readonly #events = new EventEmitter<ClientEvents>();
  #routing: RoutingApi | undefined;
  #analytics: AnalyticsApi | undefined;
  #audit: AuditApi | undefined;
  #notifications: NotificationsApi | undefined;
  #workforce: WorkforceApi | undefined;

  /**
   * Checks the options (credentials, region or base URLs, limits) and sends nothing.
   * @throws ValidationError naming a bad option.
   */
  constructor(options: ClientOptions) {
    const resolved = resolveClientOptions(options);
    this.#transport = new Transport(resolved, this.#events);
    registerTransport(this, this.#transport);
    attachTracing(this.#events, resolved as Pick<ClientOptions, 'onRequest' | 'onResponse'>);
    this.#org = Object.freeze({
      apiBaseUrl: resolved.apiBaseUrl,
      loginBaseUrl: resolved.loginBaseUrl,
      region: resolved.region,
    });
  }

  /**
   * Builds a client from GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION (or
   * GENESYS_API_BASE_URL + GENESYS_LOGIN_BASE_URL); `overrides` adds or replaces options.
   */
  static fromEnv(
    overrides: Partial<ClientOptions> = {},
    env: Record<string, string | undefined> = process.env,
  ): GenesysClient {
    try {
      return new GenesysClient({ ...optionsFromEnv(env), ...overrides } as ClientOptions);
    } catch (error) {
      if (error instanceof ValidationError) {
        const issues = error.issues.map((i) => ({
          ...i,
          path: ENV_NAMES[i.path] && !(i.path in overrides) ? `${i.path} (${ENV_NAMES[i.path]})` : i.path,
        }));
        throw new ValidationError('Invalid GenesysClient options from the environment', issues);
      }
      throw error;
    }
  }

  /** Routing: skills, queues, members, user skills, users, utilization. */
  get routing(): RoutingApi {
    return (this.#routing ??= new RoutingApi(this));
  }

  /** Workforce management (WFM): management units, a week's forecast by planning group, agent schedules. */
  get workforce(): WorkforceApi {
    return (this.#workforce ??= new WorkforceApi(this));
  }

  /** Users: the same object as `client.routing.users` (lists, search, routing status, presence, a user's queues). */
  get users(): RoutingApi['users'] {
    return this.routing.users;
  }

  /** Analytics: queue observations, conversation aggregates and details (sync + async jobs), user aggregates. */
  get analytics(): AnalyticsApi {
    return (this.#analytics ??= new AnalyticsApi(this));
  }

  /** Audit trail: realtime and async audit queries, service mappings, findChanges. */
  get audit(): AuditApi {
    return (this.#audit ??= new AuditApi(this));
  }

  /** Event delivery: notification `channels`, their `subscriptions`, `topics`, and managed WebSocket `streams`. */
  get notifications(): NotificationsApi {
    return (this.#notifications ??= new NotificationsApi(this, {
      logger: this.#transport.options.logger,
      validation: this.#transport.options.validation,
      WebSocket: this.#transport.options.WebSocket,
    }));
  }

  /** Listens to a client event (`request`, `response`, `retry`, `rateLimited`, `progress`, ...). Returns the client. */
  on<K extends keyof ClientEvents>(event: K, listener: (...args: ClientEvents[K]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  /** Listens to the next occurrence of a client event only. Returns the client. */
  once<K extends keyof ClientEvents>(event: K, listener: (...args: ClientEvents[K]) => void): this {
    this.#events.once(event, listener);
    return this;
  }

  /** Removes a listener (or, without one, every listener of the event). Returns the client. */
  off<K extends keyof ClientEvents>(event: K, listener?: (...args: ClientEvents[K]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  /** What `JSON.stringify(client)` shows: where it points and who it is, never the secret or a token. */
  toJSON(): { apiBaseUrl: string; loginBaseUrl: string; region: string | undefined; clientId: string } {
    const o = this.#transport.options;
    return { apiBaseUrl: o.apiBaseUrl, loginBaseUrl: o.loginBaseUrl, region: o.region, clientId: o.clientId };
  }

  /** What `console.log(client)` and `util.inspect(client)` show (the same fields as toJSON). */
  [INSPECT](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    return `GenesysClient ${inspect(this.toJSON(), options)}`;
  }

  /** The org this client talks to: API and login base URLs, and the region it was given. */
  get org(): OrgInfo {
    return this.#org;
  }

  /**
   * Sends one call with this client's auth, retries, rate limits, validation and events: the escape hatch
   * for endpoints this SDK does not wrap yet, and what every resource method is built on. Resolves to the
   * body; `.withResponse()` adds status, headers, correlation id and rate-limit window.
   *
   * @example
   * const codes = await client.request<{ entities: unknown[] }>({ method: 'GET', path: '/api/v2/routing/wrapupcodes' });
   * const { correlationId } = await client.request({ method: 'GET', path: '/api/v2/routing/wrapupcodes' }).withResponse();
   */
  request<T = unknown>(req: RawRequest<T>, options: CallOptions = {}): ApiPromise<T> {
    try {
      checkRawCall(req, options);
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error as Error));
    }
    const response = this.#transport
      .requestWithResponse<T>(operationOf(req) as Operation<T>, inputOf(req), options)
      .then((res) => ({ ...res, correlationIds: res.correlationId ? [res.correlationId] : [] }));
    return new ApiPromise(response);
  }

  /**
   * A Paginator over a listing in one of the platform's paging styles.
   *
   * @example
   * const codes = client.paginate<{ id: string; name: string }>({ method: 'GET', path: '/api/v2/routing/wrapupcodes' }, { style: 'pageNumber' });
   * for await (const code of codes) console.log(code.name);
   */
  paginate<T>(req: ClientRequest, paging: PagingStyle, options: ListOptions = {}): Paginator<T> {
    try {
      checkRawListing(req, paging, options);
    } catch (error) {
      return deferredPaginator<T>(Promise.reject(error as Error));
    }
    const op = operationOf(req);
    const input = inputOf(req);
    switch (paging.style) {
      case 'pageNumber':
        return pageNumberPaginator<T>(this.#transport, op, input, options, paging.itemsKey);
      case 'body':
        return bodyPaginator<T>(
          this.#transport,
          op,
          { ...input, body: (input.body ?? {}) as Record<string, unknown> },
          { ...options, ...paging },
        );
      case 'cursor':
        return cursorPaginator<T>(this.#transport, op, input, { ...options, itemsKey: paging.itemsKey });
      case 'after':
        return afterPaginator<T>(this.#transport, op, input, options);
    }
  }

  /**
   * Emits a client event to its listeners, e.g. `progress` from your own long-running work so it shows
   * wherever the SDK's progress shows.
   */
  emit<K extends keyof ClientEvents>(event: K, ...args: ClientEvents[K]): void {
    // eventemitter3 cannot check a generic K's arguments against its event map; this signature does.
    const untyped = this.#events as unknown as EventEmitter;
    untyped.emit(event, ...args);
  }
}
