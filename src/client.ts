// GenesysClient: validated options -> one Transport; resource groups are created lazily on first use.
import { LazyEmitter } from './internal/lazy-emitter.js';
import { optionsFromEnv, resolveClientOptions, type ClientOptions } from './config.js';
import { ValidationError } from './errors.js';
import type { ClientEvents } from './events.js';
import type { CallOptions, HttpMethod, QueryValue } from './transport/operation.js';
import { Transport, type TransportResponse } from './transport/transport.js';
import { RoutingApi } from './resources/routing/index.js';
import { AnalyticsApi } from './resources/analytics/index.js';
import { AuditApi } from './resources/audit/index.js';
import { WebhooksApi } from './resources/webhooks/api.js';

const ENV_NAMES: Record<string, string> = {
  clientId: 'GENESYS_CLIENT_ID',
  clientSecret: 'GENESYS_CLIENT_SECRET',
  region: 'GENESYS_REGION',
  apiBaseUrl: 'GENESYS_API_BASE_URL',
  loginBaseUrl: 'GENESYS_LOGIN_BASE_URL',
};

export interface RawRequest {
  method: HttpMethod;
  /** Path under the API base, e.g. `/api/v2/routing/wrapupcodes`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Whether repeating the call after an ambiguous failure is safe (default by method). */
  idempotent?: boolean;
}

/**
 * A client for one Genesys Cloud org. Holds its own token, limiter and retry budget: two clients never
 * share state. Nothing happens on construction; the first call fetches a token.
 *
 * @example
 * const client = new GenesysClient({ clientId, clientSecret, region: 'eu_west_1' });
 * for await (const queue of client.routing.queues.list()) console.log(queue.name);
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

export class GenesysClient {
  readonly transport: Transport;
  readonly #events = new LazyEmitter<ClientEvents>();
  #routing: RoutingApi | undefined;
  #analytics: AnalyticsApi | undefined;
  #audit: AuditApi | undefined;
  #webhooks: WebhooksApi | undefined;

  constructor(options: ClientOptions) {
    this.transport = new Transport(resolveClientOptions(options), this.#events);
  }

  /**
   * Builds a client from GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION (or
   * GENESYS_API_BASE_URL + GENESYS_LOGIN_BASE_URL); `overrides` adds or replaces options.
   */
  static fromEnv(overrides: Partial<ClientOptions> = {}, env: Record<string, string | undefined> = process.env): GenesysClient {
    try {
      return new GenesysClient({ ...optionsFromEnv(env), ...overrides } as ClientOptions);
    } catch (error) {
      if (error instanceof ValidationError) {
        const issues = error.issues.map((i) => ({ ...i, path: ENV_NAMES[i.path] && !(i.path in overrides) ? `${i.path} (${ENV_NAMES[i.path]})` : i.path }));
        throw new ValidationError('Invalid GenesysClient options from the environment', issues);
      }
      throw error;
    }
  }

  /** Routing: skills, queues, members, user skills, users, utilization. */
  get routing(): RoutingApi {
    return (this.#routing ??= new RoutingApi(this.transport));
  }

  /** Analytics: queue observations, conversation aggregates and details (sync + async jobs), user aggregates. */
  get analytics(): AnalyticsApi {
    return (this.#analytics ??= new AnalyticsApi(this.transport));
  }

  /** Audit trail: realtime and async audit queries, service mappings, findChanges. */
  get audit(): AuditApi {
    return (this.#audit ??= new AuditApi(this.transport));
  }

  /** Event delivery: notification channels and managed WebSocket streams. */
  get webhooks(): WebhooksApi {
    return (this.#webhooks ??= new WebhooksApi(this.transport));
  }

  on<K extends keyof ClientEvents>(event: K, listener: (...args: ClientEvents[K]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  once<K extends keyof ClientEvents>(event: K, listener: (...args: ClientEvents[K]) => void): this {
    this.#events.once(event, listener);
    return this;
  }

  off<K extends keyof ClientEvents>(event: K, listener?: (...args: ClientEvents[K]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  /** What `JSON.stringify(client)` shows: where it points and who it is, never the secret or a token. */
  toJSON(): { apiBaseUrl: string; loginBaseUrl: string; region: string | undefined; clientId: string } {
    const o = this.transport.options;
    return { apiBaseUrl: o.apiBaseUrl, loginBaseUrl: o.loginBaseUrl, region: o.region, clientId: o.clientId };
  }

  /** What `console.log(client)` and `util.inspect(client)` show (the same fields as toJSON). */
  [INSPECT](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    return `GenesysClient ${inspect(this.toJSON(), options)}`;
  }

  /** Escape hatch for endpoints this SDK does not wrap yet; same auth, retries, limits and errors. */
  async request<T = unknown>(req: RawRequest, options: CallOptions = {}): Promise<TransportResponse<T>> {
    const op = { id: `raw.${req.method} ${req.path}`, method: req.method, path: req.path, idempotent: req.idempotent };
    return this.transport.requestWithResponse<T>(op, { query: req.query, body: req.body }, options);
  }
}
