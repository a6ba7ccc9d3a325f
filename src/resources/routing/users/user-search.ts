// User search: the first page is POST /api/v2/users/search; later pages are
// GET /api/v2/users/search?q64=… taken from the response's `nextPage`. None of the transport's paging
// strategies speak q64, so this file supplies the PageSource.
import * as z from 'zod/mini';
import { lazySchema } from '../../../internal/lazy-schema.js';
import type { ClientCore } from '../../core/client-core.js';
import { send } from '../../core/call.js';
import type { CallOptions, Operation } from '../../../transport/operation.js';
import { Paginator, deferredPaginator, type PageResult, type PageSource } from '../../../transport/paging/paginator.js';
import { UsersSearchResponseSchema, type UserSearchResult, type UsersSearchResponse } from '../../schemas/routing.js';
import { parseArgs } from '../../validate.js';
import { LIMITS } from '../../../limits.js';

/** Page size bound checked before sending (the platform's maximum is unconfirmed; 100 is the safe reading). */
export const USER_SEARCH_MAX_PAGE_SIZE = LIMITS.userSearchPageSize;

/** How a user search criterion matches (the platform's `UserSearchCriteria.type`). */
export type UserSearchType =
  | 'EXACT'
  | 'STARTS_WITH'
  | 'CONTAINS'
  | 'REGEX'
  | 'TERM'
  | 'TERMS'
  | 'REQUIRED_FIELDS'
  | 'MATCH_ALL'
  | 'QUERY_STRING'
  | (string & {});

/** Commonly searched fields; any field the platform indexes may be given. */
export type UserSearchField = 'id' | 'name' | 'email' | 'username' | 'state' | 'department' | 'title' | (string & {});

/** `UserSearchCriteria`. A criterion with `group` combines its children; `operator` says how this one counts. */
export interface UserSearchCriteria {
  /** How it matches: `EXACT`, `STARTS_WITH`, `CONTAINS`, `REGEX`, `TERM`, `TERMS`, `REQUIRED_FIELDS`, `MATCH_ALL`, `QUERY_STRING`, or another type the platform knows. */
  type: UserSearchType;
  /** Fields to search in (e.g. `name`, `email`). */
  fields?: UserSearchField[];
  /** The value to match. */
  value?: string;
  /** Values to match (e.g. for `TERMS`). */
  values?: string[];
  /** Start of the range, for range searches. */
  startValue?: string;
  /** End of the range, for range searches. */
  endValue?: string;
  /** Date format of `startValue`/`endValue` in date range searches (Java syntax, e.g. `yyyy-MM-dd'T'HH:mm:ss.SSSX`). */
  dateFormat?: string;
  /** AND (default): must match; OR: at least one OR criterion must match; NOT: must not match. */
  operator?: 'AND' | 'OR' | 'NOT';
  /** Child criteria this one combines. */
  group?: UserSearchCriteria[];
}

/** Paging, order and expansions of `client.routing.users.search`. */
export interface UserSearchOptions extends CallOptions {
  /** Results per page, 1..100 (default 100). */
  pageSize?: number;
  /** Field to sort the results on (e.g. `name`). */
  sortBy?: string;
  /** `ASC`, `DESC`, or `SCORE` (by how well each user matches). */
  sortOrder?: 'ASC' | 'DESC' | 'SCORE';
  /** e.g. `routingStatus`, `presence`, `skills`, `languages`, `groups`. */
  expand?: string[];
  /** Sent as the request's `enforcePermissions`: limit the results by the caller's permissions. */
  enforcePermissions?: boolean;
}

// Types that compare field values need fields and a value; MATCH_ALL and groups need neither.
const VALUE_TYPES = new Set(['EXACT', 'STARTS_WITH', 'CONTAINS', 'REGEX', 'TERM', 'TERMS']);

// A criterion's own rule, checked on the list that holds it: a check on the recursive object itself would read its
// `group` while the object is being built.
function checkCriteria(list: readonly UserSearchCriteria[], ctx: z.core.$RefinementCtx<UserSearchCriteria[]>) {
  list.forEach((c, i) => {
    if (c.group) return;
    if (c.type !== 'MATCH_ALL' && (!c.fields || c.fields.length === 0))
      ctx.addIssue({ code: 'custom', path: [i, 'fields'], message: `is required for type ${c.type}` });
    if (VALUE_TYPES.has(c.type) && c.value === undefined && (!c.values || c.values.length === 0)) {
      ctx.addIssue({ code: 'custom', path: [i, 'value'], message: `value or values is required for type ${c.type}` });
    }
  });
}

const criterion: () => z.ZodMiniType<UserSearchCriteria, unknown> = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.string('is required').check(z.minLength(1, 'is required')),
    fields: z.optional(z.array(z.string().check(z.minLength(1)))),
    value: z.optional(z.string()),
    values: z.optional(z.array(z.string())),
    startValue: z.optional(z.string()),
    endValue: z.optional(z.string()),
    dateFormat: z.optional(z.string()),
    operator: z.optional(z.enum(['AND', 'OR', 'NOT'])),
    get group() {
      return z.optional(z.array(criterion()).check(z.minLength(1, 'must not be empty'), z.superRefine(checkCriteria)));
    },
  }),
);
const CriteriaSchema = /* @__PURE__ */ lazySchema(() => z.array(criterion()).check(z.superRefine(checkCriteria)));

const OptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    pageSize: z.optional(
      z.int().check(z.gte(1), z.lte(USER_SEARCH_MAX_PAGE_SIZE, `must be at most ${USER_SEARCH_MAX_PAGE_SIZE}`)),
    ),
    sortOrder: z.optional(z.enum(['ASC', 'DESC', 'SCORE'])),
    sortBy: z.optional(z.string().check(z.minLength(1))),
    expand: z.optional(z.array(z.string().check(z.minLength(1)))),
  }),
);

// A search changes nothing: safe to retry.
const searchOp: Operation<UsersSearchResponse> = {
  id: 'users.search',
  method: 'POST',
  path: '/api/v2/users/search',
  idempotent: true,
  schema: UsersSearchResponseSchema,
};
const nextOp: Operation<UsersSearchResponse> = {
  id: 'users.search.next',
  method: 'GET',
  path: '/api/v2/users/search',
  schema: UsersSearchResponseSchema,
};

type Cursor = { first: true } | { url: string };

/** `nextPage` is documented as a URI (`/api/v2/users/search?q64=…`); a bare q64 value is accepted too. */
function nextPageUrl(nextPage: string, expand: readonly string[] | undefined): string {
  const url =
    nextPage.startsWith('/') || /^https?:/i.test(nextPage)
      ? nextPage
      : `/api/v2/users/search?q64=${encodeURIComponent(nextPage)}`;
  if (!expand?.length || /[?&]expand=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${expand.map((e) => `expand=${encodeURIComponent(e)}`).join('&')}`;
}

export function searchUsers(
  core: ClientCore,
  criteria: readonly UserSearchCriteria[],
  options: UserSearchOptions = {},
): Paginator<UserSearchResult> {
  // Arguments are checked before the first page; a bad one rejects the iteration (not the call).
  return deferredPaginator(searchPaginator(core, criteria, options));
}

async function searchPaginator(
  core: ClientCore,
  criteria: readonly UserSearchCriteria[],
  options: UserSearchOptions,
): Promise<Paginator<UserSearchResult>> {
  const query = parseArgs('users.search', CriteriaSchema(), criteria, 'criteria');
  const { pageSize = USER_SEARCH_MAX_PAGE_SIZE, sortBy, sortOrder, expand, enforcePermissions, ...call } = options;
  parseArgs('users.search', OptionsSchema(), { pageSize, sortBy, sortOrder, expand }, 'options');
  const body = { query, pageSize, pageNumber: 1, sortBy, sortOrder, expand, enforcePermissions };
  const source: PageSource<UserSearchResult, Cursor> = {
    first: { first: true },
    key: (c) => ('url' in c ? new URL(c.url, core.org.apiBaseUrl).toString() : 'first'),
    async fetch(cursor, signal) {
      const opts = { ...call, signal: signal ?? call.signal };
      const page =
        'url' in cursor
          ? await send(core, nextOp, { url: cursor.url }, opts)
          : await send(core, searchOp, { body }, opts);
      const results = Array.isArray(page?.results) ? page.results : [];
      // The platform sends a nextPage even on the last page: stop on pageNumber >= pageCount first.
      const last =
        results.length === 0 ||
        !page.nextPage ||
        (typeof page.pageNumber === 'number' &&
          typeof page.pageCount === 'number' &&
          page.pageNumber >= page.pageCount);
      const next = last || !page.nextPage ? undefined : { url: nextPageUrl(page.nextPage, expand) };
      return { items: results, raw: page, total: page.total, next } satisfies PageResult<UserSearchResult, Cursor>;
    },
  };
  return new Paginator<UserSearchResult>(source, { signal: call.signal });
}
