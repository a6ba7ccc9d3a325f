// Builders of the platform's listing envelopes: page-number listings (with or without totals) and
// after/before cursor listings. URIs keep the caller's other query params, like the platform does.
import { ApiError } from './error-body.js';

export interface PageNumberListing<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total?: number;
  firstUri: string;
  selfUri: string;
  nextUri?: string;
  previousUri?: string;
  lastUri?: string;
  pageCount?: number;
}

export interface CursorListing<T> {
  entities: T[];
  nextUri?: string;
  previousUri?: string;
  selfUri: string;
}

export interface UriContext {
  /** Request path without query, e.g. '/api/v2/routing/skills'. */
  path: string;
  /** Query params other than the paging ones, in request order. */
  otherParams: Array<[string, string]>;
  /** Turns a relative path+query into what the response carries (relative, or absolute with the quirk). */
  toUri: (relative: string) => string;
}

function buildUri(ctx: UriContext, paging: Array<[string, string]>): string {
  const query = new URLSearchParams([...paging, ...ctx.otherParams]).toString();
  return ctx.toUri(query ? `${ctx.path}?${query}` : ctx.path);
}

export interface PageNumberOptions<T, R> {
  pageSize: number;
  pageNumber: number;
  /** false for listings that carry no total/pageCount/lastUri (queue members). */
  withTotals: boolean;
  /** Quirk: the last page still links to the (empty) page after it. */
  lastPageNextUri: boolean;
  map: (item: T) => R;
}

export function pageNumberListing<T, R>(
  all: readonly T[],
  uri: UriContext,
  o: PageNumberOptions<T, R>,
): PageNumberListing<R> {
  const total = all.length;
  const pageCount = Math.ceil(total / o.pageSize);
  const start = (o.pageNumber - 1) * o.pageSize;
  const entities = all.slice(start, start + o.pageSize).map(o.map);
  const at = (n: number) =>
    buildUri(uri, [
      ['pageSize', String(o.pageSize)],
      ['pageNumber', String(n)],
    ]);
  const hasMore = start + o.pageSize < total;
  const isLastPage = o.pageNumber === Math.max(1, pageCount);
  // Field order as the platform sends it.
  return {
    entities,
    pageSize: o.pageSize,
    pageNumber: o.pageNumber,
    ...(o.withTotals ? { total } : {}),
    firstUri: at(1),
    selfUri: at(o.pageNumber),
    ...(hasMore || (o.lastPageNextUri && isLastPage) ? { nextUri: at(o.pageNumber + 1) } : {}),
    ...(o.pageNumber > 1 ? { previousUri: at(o.pageNumber - 1) } : {}),
    ...(o.withTotals ? { lastUri: at(Math.max(1, pageCount)), pageCount } : {}),
  };
}

// Cursors are opaque to clients; the emulator encodes the offset so they survive round trips.
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string, fieldName: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const offset = (parsed as { o?: unknown } | null)?.o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError(400, 'invalid.value', `Invalid cursor value for ${fieldName}`, {
    details: [{ errorCode: 'invalid.value', fieldName }],
  });
}

export function cursorListing<T, R>(
  all: readonly T[],
  uri: UriContext,
  o: { pageSize: number; after?: string | undefined; before?: string | undefined; map: (item: T) => R },
): CursorListing<R> {
  let start = 0;
  if (o.after !== undefined) start = decodeCursor(o.after, 'after');
  else if (o.before !== undefined) start = Math.max(0, decodeCursor(o.before, 'before') - o.pageSize);
  const end = Math.min(all.length, start + o.pageSize);
  const self: Array<[string, string]> = [['pageSize', String(o.pageSize)]];
  if (o.after !== undefined) self.push(['after', o.after]);
  if (o.before !== undefined) self.push(['before', o.before]);
  const listing: CursorListing<R> = { entities: all.slice(start, end).map(o.map), selfUri: buildUri(uri, self) };
  if (end < all.length)
    listing.nextUri = buildUri(uri, [
      ['pageSize', String(o.pageSize)],
      ['after', encodeCursor(end)],
    ]);
  if (start > 0)
    listing.previousUri = buildUri(uri, [
      ['pageSize', String(o.pageSize)],
      ['before', encodeCursor(start)],
    ]);
  return listing;
}
