// The platform's paging styles (from the response models of the official SDK purecloud-platform-client-v2) as PageSources for Paginator.
// A page that does not carry its list is an error, never an empty page: an empty org read from a proxy's `{}`
// would feed a snapshot or a plan. Only where the platform leaves an empty page's list out (analytics) does a
// missing list count as empty, and then only on a page that says it is one (a total, a data availability date).
import { UnexpectedResponseError } from '../../errors/index.js';
import type { Transport, TransportResponse } from '../transport.js';
import type { CallOptions, Operation, QueryValue, RequestInput } from '../operation.js';
import { Paginator, type PageResult, type PageSource } from './paginator.js';

type Body = Record<string, unknown>;

interface Fetched {
  body: Body;
  raw: unknown;
  response: TransportResponse<unknown>;
  op: Operation<unknown>;
}

async function fetchPage(
  transport: Transport,
  op: Operation<unknown>,
  req: RequestInput,
  options: CallOptions,
): Promise<Fetched> {
  const response = await transport.requestWithResponse(op, req, options);
  const raw = response.data;
  // Non-objects were refused by the transport's body check; a page without a schema may still be anything.
  const body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Body) : undefined;
  if (!body) throw notAPage(op, response, 'is not a JSON object (a page)');
  return { body, raw, response, op };
}

function notAPage(op: Operation<unknown>, response: TransportResponse<unknown>, problem: string) {
  return new UnexpectedResponseError(
    `${op.id}: unexpected response`,
    `the HTTP ${response.status} answer ${problem}; a proxy or gateway may have answered instead of the API. ` +
      'Nothing was read from it',
    { operation: op.id, method: op.method, status: response.status, correlationId: response.correlationId },
  );
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The page's list; `emptyWhenMissing` says whether this page may leave an empty list out. */
function items<T>(page: Fetched, key: string, emptyWhenMissing = false): T[] {
  const value = page.body[key];
  if (Array.isArray(value)) return value as T[];
  if (value === undefined && emptyWhenMissing) return [];
  const got = value === undefined ? 'has no' : `has ${value === null ? 'null' : `a ${typeof value}`} for its`;
  throw notAPage(page.op, page.response, `${got} \`${key}\` list`);
}

/** Options every paginated listing takes: the per-call options and the page size. */
export interface ListOptions extends CallOptions {
  /** Items per page; the platform's maximum differs per endpoint. */
  pageSize?: number | undefined;
}

type PageCursor = { pageNumber: number } | { url: string };

/**
 * Page-number listings (`entities`, `pageNumber`, `pageCount`, `nextUri`). Follows `nextUri` when present
 * (it carries the filters), else increments `pageNumber`. The last page is the one where `pageNumber >=
 * pageCount`, or that is shorter than the page size the server says it used, or has no `nextUri` when
 * the listing reports no `pageCount` (queue members) — a stale `nextUri` on the last page is ignored.
 */
export function pageNumberPaginator<T>(
  transport: Transport,
  op: Operation<unknown>,
  input: RequestInput & { query?: Record<string, QueryValue> },
  options: ListOptions = {},
  itemsKey = 'entities',
): Paginator<T> {
  const pageSize = options.pageSize ?? 100;
  const source: PageSource<T, PageCursor> = {
    first: { pageNumber: 1 },
    key: (c) => ('url' in c ? new URL(c.url, transport.options.apiBaseUrl).toString() : `page:${c.pageNumber}`),
    async fetch(cursor, signal) {
      const req: RequestInput =
        'url' in cursor
          ? { url: cursor.url }
          : { ...input, query: { ...input.query, pageSize, pageNumber: cursor.pageNumber } };
      const page = await fetchPage(transport, op, req, { ...options, signal: signal ?? options.signal });
      const { body, raw } = page;
      const list = items<T>(page, itemsKey);
      const pageNumber = num(body.pageNumber) ?? ('url' in cursor ? undefined : cursor.pageNumber);
      const pageCount = num(body.pageCount);
      const servedSize = num(body.pageSize);
      const nextUri = typeof body.nextUri === 'string' && body.nextUri !== '' ? body.nextUri : undefined;
      let next: PageCursor | undefined;
      const isLast =
        list.length === 0 ||
        (pageCount !== undefined && pageNumber !== undefined && pageNumber >= pageCount) ||
        (servedSize !== undefined && list.length < servedSize) ||
        (nextUri === undefined && pageCount === undefined);
      if (!isLast)
        next = nextUri ? { url: nextUri } : pageNumber !== undefined ? { pageNumber: pageNumber + 1 } : undefined;
      return { items: list, raw, total: num(body.total), next } satisfies PageResult<T, PageCursor>;
    },
  };
  return new Paginator<T>(source, { signal: options.signal });
}

/**
 * Body paging for POST queries: `paging: { pageSize, pageNumber }` (analytics/users details) or top-level
 * `pageNumber`/`pageSize` (realtime audit). Ends on a short page or when the reported total is reached.
 */
export function bodyPaginator<T>(
  transport: Transport,
  op: Operation<unknown>,
  input: RequestInput & { body: Body },
  options: ListOptions & { itemsKey: string; placement: 'paging' | 'topLevel'; totalKey?: string },
): Paginator<T> {
  const pageSize = options.pageSize ?? 100;
  const source: PageSource<T, number> = {
    first: 1,
    key: (n) => `page:${n}`,
    async fetch(pageNumber, signal) {
      const body =
        options.placement === 'paging'
          ? { ...input.body, paging: { pageSize, pageNumber } }
          : { ...input.body, pageSize, pageNumber };
      const page = await fetchPage(transport, op, { ...input, body }, { ...options, signal: signal ?? options.signal });
      const { body: data, raw } = page;
      const total = num(data[options.totalKey ?? 'totalHits']) ?? num(data.total);
      // Analytics leaves an empty page's list out; such a page still reports its total.
      const list = items<T>(page, options.itemsKey, total !== undefined);
      const pageCount = num(data.pageCount);
      const isLast =
        list.length < pageSize ||
        (total !== undefined && pageNumber * pageSize >= total) ||
        (pageCount !== undefined && pageNumber >= pageCount);
      return { items: list, raw, total, next: isLast ? undefined : pageNumber + 1 };
    },
  };
  return new Paginator<T>(source, { signal: options.signal });
}

/** Cursor paging (async job and audit results): `?cursor=`; a response without `cursor` is the last page. */
export function cursorPaginator<T>(
  transport: Transport,
  op: Operation<unknown>,
  input: RequestInput,
  options: ListOptions & { itemsKey: string },
): Paginator<T> {
  const source: PageSource<T, string | null> = {
    first: null,
    key: (c) => `cursor:${c ?? ''}`,
    async fetch(cursor, signal) {
      const query = { ...input.query, pageSize: options.pageSize, cursor: cursor ?? undefined };
      const page = await fetchPage(
        transport,
        op,
        { ...input, query },
        { ...options, signal: signal ?? options.signal },
      );
      const { body: data, raw } = page;
      const next = typeof data.cursor === 'string' && data.cursor !== '' ? data.cursor : undefined;
      // An analytics job's empty last page may leave its list out; it still carries the data availability date.
      const emptyWhenMissing = typeof data.dataAvailabilityDate === 'string';
      return { items: items<T>(page, options.itemsKey, emptyWhenMissing), raw, next };
    },
  };
  return new Paginator<T>(source, { signal: options.signal });
}

/** `after`/`before` paging (skill groups): follow `nextUri`, which carries `after=`. */
export function afterPaginator<T>(
  transport: Transport,
  op: Operation<unknown>,
  input: RequestInput,
  options: ListOptions = {},
): Paginator<T> {
  const source: PageSource<T, { url?: string }> = {
    first: {},
    key: (c) => (c.url ? new URL(c.url, transport.options.apiBaseUrl).toString() : 'first'),
    async fetch(cursor, signal) {
      const req: RequestInput = cursor.url
        ? { url: cursor.url }
        : { ...input, query: { ...input.query, pageSize: options.pageSize } };
      const page = await fetchPage(transport, op, req, { ...options, signal: signal ?? options.signal });
      const { body: data, raw } = page;
      const nextUri = typeof data.nextUri === 'string' && data.nextUri !== '' ? data.nextUri : undefined;
      return { items: items<T>(page, 'entities'), raw, next: nextUri ? { url: nextUri } : undefined };
    },
  };
  return new Paginator<T>(source, { signal: options.signal });
}
