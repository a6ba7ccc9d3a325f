// User search: POST /api/v2/users/search and GET /api/v2/users/search?q64=…. Like the
// platform, page links are q64 URIs: base64url of the gzipped search request with the page number set.
// Criteria subset: EXACT / STARTS_WITH / CONTAINS / TERM on id, name, email, username, state, department,
// title, plus MATCH_ALL, REQUIRED_FIELDS, operators AND / OR / NOT and nested groups.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RequestContext } from '../../respond/context.js';
import { invalidValue } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { UserRecord } from '../../state/types.js';
import { asObject } from '../../respond/validate.js';
import { userView } from '../../respond/views.js';

/** Max pageSize of a search (the platform's maximum is unconfirmed; 100 is what clients commonly use). */
export const MAX_SEARCH_PAGE_SIZE = 100;
const FIELDS = ['id', 'name', 'email', 'username', 'state', 'department', 'title'] as const;
type Field = (typeof FIELDS)[number];
const TYPES = ['EXACT', 'STARTS_WITH', 'CONTAINS', 'TERM', 'MATCH_ALL', 'REQUIRED_FIELDS'] as const;
const PERMISSIONS = { anyOf: ['directory:user:view'] };

interface Criterion {
  type: string;
  fields: Field[];
  values: string[];
  operator: 'AND' | 'OR' | 'NOT';
  group?: Criterion[];
}

interface SearchRequest {
  query: Criterion[];
  pageSize: number;
  pageNumber: number;
  sortBy?: Field;
  sortOrder: 'ASC' | 'DESC' | 'SCORE';
  expand: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseCriterion(raw: unknown, path: string): Criterion {
  if (!isObject(raw)) throw invalidValue(path, `${path} must be an object`);
  const operator = raw['operator'] ?? 'AND';
  if (operator !== 'AND' && operator !== 'OR' && operator !== 'NOT')
    throw invalidValue(`${path}.operator`, `${path}.operator must be AND, OR or NOT`);
  const group = raw['group'];
  if (group !== undefined && group !== null) {
    if (!Array.isArray(group) || group.length === 0)
      throw invalidValue(`${path}.group`, `${path}.group must be a non-empty array`);
    return {
      type: String(raw['type'] ?? ''),
      fields: [],
      values: [],
      operator,
      group: group.map((g, i) => parseCriterion(g, `${path}.group[${i}]`)),
    };
  }
  const type = raw['type'];
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    throw invalidValue(
      `${path}.type`,
      `${path}.type [${String(type)}] is not supported by the emulator (supported: ${TYPES.join(', ')})`,
    );
  }
  const fields = raw['fields'] ?? [];
  if (!Array.isArray(fields) || fields.some((f) => !(FIELDS as readonly string[]).includes(f as string))) {
    throw invalidValue(`${path}.fields`, `${path}.fields must list searchable fields (emulator: ${FIELDS.join(', ')})`);
  }
  if (type !== 'MATCH_ALL' && fields.length === 0)
    throw invalidValue(`${path}.fields`, `${path}.fields is required for type ${type}`);
  const values = [raw['value'], ...(Array.isArray(raw['values']) ? raw['values'] : [])].filter(
    (v): v is string => typeof v === 'string',
  );
  if ((type === 'EXACT' || type === 'STARTS_WITH' || type === 'CONTAINS' || type === 'TERM') && values.length === 0) {
    throw invalidValue(`${path}.value`, `${path}.value or values is required for type ${type}`);
  }
  return { type, fields: fields as Field[], values, operator };
}

function parseRequest(raw: unknown, source: 'body' | 'q64'): SearchRequest {
  const body = asObject(raw, source);
  const query = body['query'] ?? [];
  if (!Array.isArray(query)) throw invalidValue('query', 'query must be an array of criteria');
  const int = (key: string, fallback: number, max: number) => {
    const v = body[key] ?? fallback;
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > max)
      throw invalidValue(key, `${key} must be an integer between 1 and ${max}`);
    return v as number;
  };
  const sortOrder = body['sortOrder'] ?? 'SCORE';
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC' && sortOrder !== 'SCORE')
    throw invalidValue('sortOrder', 'sortOrder must be ASC, DESC or SCORE');
  const sortBy = body['sortBy'];
  if (sortBy !== undefined && sortBy !== null && !(FIELDS as readonly string[]).includes(sortBy as string)) {
    throw invalidValue('sortBy', `sortBy must be one of ${FIELDS.join(', ')} in the emulator`);
  }
  const expand = body['expand'] ?? [];
  if (!Array.isArray(expand) || expand.some((e) => typeof e !== 'string'))
    throw invalidValue('expand', 'expand must be an array of strings');
  return {
    query: query.map((c, i) => parseCriterion(c, `query[${i}]`)),
    pageSize: int('pageSize', 25, MAX_SEARCH_PAGE_SIZE),
    pageNumber: int('pageNumber', 1, 1_000_000),
    ...(typeof sortBy === 'string' ? { sortBy: sortBy as Field } : {}),
    sortOrder,
    expand: expand as string[],
  };
}

// The request is re-encoded from what the client sent, so the q64 of page n+1 differs only in pageNumber.
function encodeQ64(request: Record<string, unknown>): string {
  const b64 = gzipSync(Buffer.from(JSON.stringify(request))).toString('base64url');
  return b64 + '='.repeat((4 - (b64.length % 4)) % 4);
}

function decodeQ64(q64: string): unknown {
  try {
    return JSON.parse(gunzipSync(Buffer.from(q64.replace(/=+$/, ''), 'base64url')).toString('utf8')) as unknown;
  } catch {
    throw invalidValue('q64', 'q64 is not a valid search query');
  }
}

function fieldValue(u: UserRecord, field: Field): string | undefined {
  return u[field];
}

function matches(u: UserRecord, c: Criterion): boolean {
  if (c.group) return matchesAll(u, c.group);
  if (c.type === 'MATCH_ALL') return true;
  const present = c.fields.map((f) => fieldValue(u, f)).filter((v): v is string => v !== undefined && v !== '');
  if (c.type === 'REQUIRED_FIELDS') return present.length === c.fields.length;
  const have = present.map((v) => v.toLowerCase());
  return c.values.some((raw) => {
    const want = raw.toLowerCase();
    return have.some((v) => {
      if (c.type === 'EXACT') return v === want;
      if (c.type === 'STARTS_WITH') return v.startsWith(want);
      if (c.type === 'CONTAINS') return v.includes(want);
      return v.split(/[\s@.,-]+/).includes(want); // TERM: one analysed token
    });
  });
}

/** AND criteria must all match, at least one OR criterion must match (when any), NOT criteria must not. */
function matchesAll(u: UserRecord, criteria: readonly Criterion[]): boolean {
  const should = criteria.filter((c) => c.operator === 'OR');
  return (
    criteria.every((c) => c.operator !== 'AND' || matches(u, c)) &&
    criteria.every((c) => c.operator !== 'NOT' || !matches(u, c)) &&
    (should.length === 0 || should.some((c) => matches(u, c)))
  );
}

const mentionsState = (criteria: readonly Criterion[]): boolean =>
  criteria.some((c) => c.fields.includes('state') || (c.group !== undefined && mentionsState(c.group)));

function respond(
  ctx: RequestContext,
  request: SearchRequest,
  rawRequest: Record<string, unknown>,
  extraExpand: string[],
): void {
  // Like the platform, only active users are searched unless a criterion names `state`.
  const pool = [...ctx.state.users.values()].filter((u) =>
    mentionsState(request.query) ? true : u.state === 'active',
  );
  const found = pool.filter((u) => matchesAll(u, request.query));
  const key = request.sortBy ?? 'name';
  const dir = request.sortOrder === 'DESC' ? -1 : 1;
  found.sort(
    (a, b) => dir * (fieldValue(a, key) ?? '').localeCompare(fieldValue(b, key) ?? '') || a.id.localeCompare(b.id),
  );
  const { pageSize, pageNumber } = request;
  const pageCount = Math.ceil(found.length / pageSize);
  const link = (n: number) =>
    `/api/v2/users/search?q64=${encodeURIComponent(encodeQ64({ ...rawRequest, pageNumber: n, pageSize }))}`;
  const expand = new Set([...request.expand, ...extraExpand].map((e) => e.toLowerCase()));
  // As in the platform's documented example, all three links are present, even on the first and last page.
  ctx.json(200, {
    total: found.length,
    pageCount,
    pageSize,
    pageNumber,
    previousPage: link(Math.max(1, pageNumber - 1)),
    currentPage: link(pageNumber),
    nextPage: link(pageNumber + 1),
    types: ['users'],
    results: found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((u) => userView(ctx.state, u, expand)),
  });
}

export const userSearchRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/users/search',
    permissions: PERMISSIONS,
    body: 'json',
    handle(ctx) {
      const raw = asObject(ctx.body);
      respond(ctx, parseRequest(raw, 'body'), raw, []);
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/search',
    permissions: PERMISSIONS,
    handle(ctx) {
      const q64 = ctx.queryValue('q64');
      if (!q64) throw invalidValue('q64', 'q64 is required');
      const raw = asObject(decodeQ64(q64), 'q64');
      respond(ctx, parseRequest(raw, 'q64'), raw, ctx.queryList('expand'));
    },
  },
];
