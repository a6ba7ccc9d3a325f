// Per-request context handed to handlers: parsed params/query/body, the calling client, the org state and
// response helpers that add the platform's standard headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthService } from '../pipeline/auth.js';
import { ApiError, errorBody, invalidValue } from './error-body.js';
import type { ErrorExtras } from './error-body.js';
import { cursorListing, pageNumberListing } from './paging.js';
import type { CursorListing, PageNumberListing, UriContext } from './paging.js';
import type { ResolvedOptions } from '../options.js';
import type { NewAuditEntry, OrgState } from '../state/org.js';
import type { AuditLogMessage, EmulatorClient } from '../state/types.js';

/** What every request can reach of the running emulator. */
export interface EmulatorRuntime {
  readonly state: OrgState;
  readonly options: ResolvedOptions;
  /** e.g. 'http://127.0.0.1:54321'. */
  readonly baseUrl: string;
  readonly auth: AuthService;
}

const PAGING_PARAMS = new Set(['pageSize', 'pageNumber', 'after', 'before']);

export class RequestContext {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  readonly query: Record<string, string | string[]>;
  params: Record<string, string> = {};
  /** Parsed JSON (or form fields for form routes). */
  body: unknown = undefined;
  client: EmulatorClient | undefined;
  token: string | undefined;
  /** Headers added to whatever response this request gets (correlation id, rate-limit numbers). */
  readonly headers: Record<string, string>;
  status = 0;
  responded = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly runtime: EmulatorRuntime,
    readonly correlationId: string,
  ) {
    this.method = (req.method ?? 'GET').toUpperCase();
    this.url = new URL(req.url ?? '/', 'http://emulator.invalid');
    this.path = this.url.pathname;
    const query: Record<string, string | string[]> = {};
    for (const [key, value] of this.url.searchParams) {
      const prev = query[key];
      query[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    this.query = query;
    this.headers = { 'ININ-Correlation-Id': correlationId };
  }

  get state(): OrgState {
    return this.runtime.state;
  }

  get options(): ResolvedOptions {
    return this.runtime.options;
  }

  /** The authenticated client (always set for non-public routes). */
  get caller(): EmulatorClient {
    if (!this.client) throw new Error('emulator: route used ctx.caller without authentication');
    return this.client;
  }

  // ---- responses ----------------------------------------------------------------------------------

  send(status: number, body?: unknown, headers: Record<string, string> = {}): void {
    if (this.responded) return;
    this.responded = true;
    this.status = status;
    const all: Record<string, string> = { ...this.headers, ...headers };
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      all['Content-Type'] ??= 'application/json';
      all['Content-Length'] = String(Buffer.byteLength(payload));
    } else {
      all['Content-Length'] = '0';
    }
    this.res.writeHead(status, all);
    this.res.end(this.method === 'HEAD' ? undefined : payload);
  }

  /** A raw body (fault injection: what a proxy answers instead of the API). */
  sendText(status: number, text: string, contentType: string): void {
    if (this.responded) return;
    this.responded = true;
    this.status = status;
    this.res.writeHead(status, {
      ...this.headers,
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(text)),
    });
    this.res.end(this.method === 'HEAD' ? undefined : text);
  }

  json(status: number, body: unknown): void {
    this.send(status, body);
  }

  noContent(status = 204): void {
    this.send(status);
  }

  error(status: number, code: string, message: string, extras: ErrorExtras = {}): void {
    this.send(status, errorBody(status, code, message, this.correlationId, extras), extras.headers);
  }

  // ---- query helpers --------------------------------------------------------------------------------

  queryValue(name: string): string | undefined {
    const v = this.query[name];
    return Array.isArray(v) ? v[0] : v;
  }

  /** Repeated params (`id=a&id=b`), also accepting comma-separated values. */
  queryList(name: string): string[] {
    const v = this.query[name];
    const raw = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return raw
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }

  queryInt(name: string, fallback: number, min: number, max: number): number {
    const raw = this.queryValue(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw invalidValue(
        name,
        `Value [${raw}] for ${name} is invalid: it must be an integer between ${min} and ${max}`,
      );
    }
    return n;
  }

  queryBool(name: string): boolean | undefined {
    const raw = this.queryValue(name);
    if (raw === undefined || raw === '') return undefined;
    if (/^true$/i.test(raw)) return true;
    if (/^false$/i.test(raw)) return false;
    throw invalidValue(name, `Value [${raw}] for ${name} is invalid: it must be true or false`);
  }

  /** Case-insensitive enum; returns the allowed spelling. */
  queryEnum<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  queryEnum<T extends string>(name: string, allowed: readonly T[]): T | undefined;
  queryEnum<T extends string>(name: string, allowed: readonly T[], fallback?: T): T | undefined {
    const raw = this.queryValue(name);
    if (raw === undefined || raw === '') return fallback;
    const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
    if (!found)
      throw invalidValue(name, `Value [${raw}] for ${name} is invalid. Allowed values: ${allowed.join(', ')}`);
    return found;
  }

  /** `expand` values, lower-cased, for case-insensitive checks. */
  expands(): Set<string> {
    return new Set(this.queryList('expand').map((e) => e.toLowerCase()));
  }

  // ---- listings ------------------------------------------------------------------------------------

  uriContext(): UriContext {
    const otherParams = [...this.url.searchParams].filter(([k]) => !PAGING_PARAMS.has(k));
    const base = this.runtime.baseUrl;
    const absolute = this.options.quirks.absoluteNextUri;
    return { path: this.path, otherParams, toUri: (rel) => (absolute ? `${base}${rel}` : rel) };
  }

  /** Page-number listing of `all` from the request's pageSize/pageNumber (validated, default 25). */
  paging<T, R = T>(
    all: readonly T[],
    o: { map?: (item: T) => R; maxPageSize?: number; withTotals?: boolean } = {},
  ): PageNumberListing<R> {
    const pageSize = this.queryInt('pageSize', 25, 1, o.maxPageSize ?? this.options.maxPageSize);
    const pageNumber = this.queryInt('pageNumber', 1, 1, 1_000_000);
    return pageNumberListing(all, this.uriContext(), {
      pageSize,
      pageNumber,
      withTotals: o.withTotals ?? true,
      lastPageNextUri: this.options.quirks.lastPageNextUri,
      map: o.map ?? ((item: T) => item as unknown as R),
    });
  }

  /** after/before cursor listing (skill groups style). */
  cursorPaging<T, R = T>(all: readonly T[], o: { map?: (item: T) => R; maxPageSize?: number } = {}): CursorListing<R> {
    const after = this.queryValue('after');
    const before = this.queryValue('before');
    if (after !== undefined && before !== undefined)
      throw invalidValue('before', 'Only one of after and before may be given');
    return cursorListing(all, this.uriContext(), {
      pageSize: this.queryInt('pageSize', 25, 1, o.maxPageSize ?? this.options.maxPageSize),
      after,
      before,
      map: o.map ?? ((item: T) => item as unknown as R),
    });
  }

  /** Records a successful mutation in state.auditLog on behalf of the calling client. */
  audit(entry: Omit<NewAuditEntry, 'client'>): AuditLogMessage {
    return this.state.recordAudit({ ...entry, client: { id: this.caller.clientId } });
  }

  /** Throws an ApiError; the server renders it as an ErrorBody response. */
  fail(status: number, code: string, message: string, extras: ErrorExtras = {}): never {
    throw new ApiError(status, code, message, extras);
  }
}
