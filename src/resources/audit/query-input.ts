// Typed audit query input -> the platform's AuditQueryRequest body. Everything is checked before a request
// is sent; errors name the field (`interval.from`, `filters[0].property`, ...).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { ValidationError } from '../../errors/index.js';
import { parseArgs } from '../validate.js';
import {
  AUDIT_FILTER_PROPERTIES,
  type AuditAction,
  type AuditEntityType,
  type AuditFilterProperty,
  type AuditServiceName,
} from './constants.js';

const DAY_MS = 86_400_000;

/** `{ from, to }` (Dates or ISO strings) or an ISO-8601 interval string `start/end`. */
export type AuditInterval = { from: Date | string; to: Date | string } | string;

/** One filter of an audit query: a property and the value it must have. */
export interface AuditQueryFilter {
  /** The property to filter on (`UserId`, `ClientId`, `Action`, `EntityType`, `EntityId`, ...). */
  property: AuditFilterProperty;
  /** The value it must have. */
  value: string;
}

/** The order of an audit query's results (by timestamp). */
export interface AuditQuerySort {
  /** Always `Timestamp`. */
  name: 'Timestamp';
  /** `ascending` or `descending`. */
  sortOrder: 'ascending' | 'descending';
}

/** What to look for. The convenience fields become filters (`entityType: 'Queue'` = `{ property: 'EntityType', value: 'Queue' }`). */
export interface AuditQuery {
  /** Start (inclusive) and end of the event dates to search. */
  interval: AuditInterval;
  /** E.g. 'Routing'. Valid values: `serviceMapping()` / `realtimeServiceMapping()`. */
  serviceName: AuditServiceName;
  /** Filters, all of which must match (beside the convenience fields). */
  filters?: readonly AuditQueryFilter[];
  /** Only `Timestamp` can be sorted on. */
  sort?: readonly AuditQuerySort[];
  /** Only audits of entities of this type (becomes an `EntityType` filter). */
  entityType?: AuditEntityType;
  /** Only audits of this entity (becomes an `EntityId` filter). */
  entityId?: string;
  /** Genesys requires an EntityType filter with an Action filter (second-hand); pass `entityType` too. */
  action?: AuditAction;
  /** The user who acted. */
  userId?: string;
  /** The OAuth client that acted. */
  clientId?: string;
}

/** The request body shared by the async and the realtime query. */
export interface AuditQueryBody {
  /** ISO-8601 interval `start/end`. */
  interval: string;
  /** The audited service (e.g. `Routing`). */
  serviceName: string;
  /** Filters, all of which must match. */
  filters?: AuditQueryFilter[];
  /** Order of the results. */
  sort?: AuditQuerySort[];
}

// A date-time without a zone is UTC on the platform; JavaScript would read it as local time.
const NO_ZONE = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/;

function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const d = new Date(NO_ZONE.test(v) ? `${v}Z` : v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

type IssueSink = { addIssue(issue: { code: 'custom'; message: string; path?: PropertyKey[] }): void };

/** `{ from, to }` or 'start/end' -> Dates; issues name `interval`, `interval.from` or `interval.to`. */
function parseInterval(v: unknown, ctx: IssueSink): { from: Date; to: Date } | undefined {
  if (typeof v === 'string') {
    const parts = v.split('/');
    const from = parts.length === 2 ? toDate(parts[0]) : undefined;
    const to = parts.length === 2 ? toDate(parts[1]) : undefined;
    if (from && to) return { from, to };
    ctx.addIssue({ code: 'custom', message: `"${v}" is not an ISO-8601 interval "<start>/<end>"` });
    return undefined;
  }
  if (typeof v !== 'object' || v === null) {
    ctx.addIssue({ code: 'custom', message: 'is required: { from, to } (Dates or ISO strings) or "<start>/<end>"' });
    return undefined;
  }
  const o = v as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => k !== 'from' && k !== 'to');
  if (extra.length > 0)
    ctx.addIssue({ code: 'custom', message: `unknown key(s) ${extra.join(', ')}: expected { from, to }` });
  const from = toDate(o['from']);
  const to = toDate(o['to']);
  if (!from) ctx.addIssue({ code: 'custom', message: 'must be a valid Date or ISO-8601 date-time', path: ['from'] });
  if (!to) ctx.addIssue({ code: 'custom', message: 'must be a valid Date or ISO-8601 date-time', path: ['to'] });
  return from && to && extra.length === 0 ? { from, to } : undefined;
}

const QuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    // parseInterval records an issue whenever it returns undefined, so the parse fails and the value is unused.
    // zod/mini's transform gets the parse payload: issues are pushed onto it.
    interval: z.pipe(
      z.unknown(),
      z.transform(
        (v, ctx) =>
          parseInterval(v, { addIssue: (issue) => void ctx.issues.push({ ...issue, input: v }) }) as {
            from: Date;
            to: Date;
          },
      ),
    ),
    serviceName: z.string().check(z.trim(), z.minLength(1, 'is required (e.g. "Routing"; see serviceMapping())')),
    filters: z.optional(
      z.array(
        z.strictObject({
          property: z.enum(AUDIT_FILTER_PROPERTIES),
          value: z.string().check(z.minLength(1, 'must be a non-empty string')),
        }),
      ),
    ),
    sort: z.optional(
      z
        .array(z.strictObject({ name: z.literal('Timestamp'), sortOrder: z.enum(['ascending', 'descending']) }))
        .check(z.maxLength(1)),
    ),
    entityType: z.optional(z.string().check(z.minLength(1))),
    entityId: z.optional(z.string().check(z.minLength(1))),
    action: z.optional(z.string().check(z.minLength(1))),
    userId: z.optional(z.string().check(z.minLength(1))),
    clientId: z.optional(z.string().check(z.minLength(1))),
  }),
);
type ParsedQuery = z.infer<ReturnType<typeof QuerySchema>>;

const CONVENIENCE: ReadonlyArray<[keyof ParsedQuery, AuditFilterProperty]> = [
  ['entityType', 'EntityType'],
  ['entityId', 'EntityId'],
  ['action', 'Action'],
  ['userId', 'UserId'],
  ['clientId', 'ClientId'],
];

export interface BuildOptions {
  /** Longest interval allowed, in days (async: 30, realtime: none). */
  maxIntervalDays?: number | undefined;
  /** Realtime only: the interval may not start earlier than this many days ago. */
  windowDays?: number | undefined;
  /** Clock for the window check (tests). */
  now?: Date | undefined;
}

/** Slack on the realtime window, so "now - 14 days" computed a moment earlier still passes. */
const WINDOW_GRACE_MS = 5 * 60_000;

/** Validates the query and builds the request body; throws ValidationError naming the bad field. */
export async function buildQueryBody(
  context: string,
  query: AuditQuery,
  options: BuildOptions = {},
): Promise<AuditQueryBody> {
  const q = parseArgs(context, QuerySchema(), query);
  const { from, to } = q.interval;
  const issues: Array<{ path: string; message: string }> = [];
  if (from.getTime() >= to.getTime()) issues.push({ path: 'interval', message: 'from must be before to' });
  if (options.maxIntervalDays !== undefined && to.getTime() - from.getTime() > options.maxIntervalDays * DAY_MS) {
    issues.push({
      path: 'interval',
      message: `covers more than ${options.maxIntervalDays} days; split it into several queries (or raise maxIntervalDays)`,
    });
  }
  if (options.windowDays !== undefined) {
    const earliest = (options.now ?? new Date()).getTime() - options.windowDays * DAY_MS - WINDOW_GRACE_MS;
    if (from.getTime() < earliest) {
      issues.push({
        path: 'interval',
        message: `starts ${from.toISOString()}, more than ${options.windowDays} days ago: realtime audit queries only cover about the last ${options.windowDays} days; use client.audit.queries.run() (async) for older audits`,
      });
    }
  }
  const filters: AuditQueryFilter[] = [...(q.filters ?? [])];
  for (const [key, property] of CONVENIENCE) {
    const value = q[key];
    if (typeof value === 'string') filters.push({ property, value });
  }
  if (filters.some((f) => f.property === 'Action') && !filters.some((f) => f.property === 'EntityType')) {
    issues.push({
      path: 'action',
      message: 'an Action filter needs an EntityType filter too (the platform rejects it otherwise): pass entityType',
    });
  }
  if (issues.length > 0) throw new ValidationError(context, issues);
  return {
    interval: `${from.toISOString()}/${to.toISOString()}`,
    serviceName: q.serviceName,
    ...(filters.length > 0 ? { filters } : {}),
    ...(q.sort ? { sort: q.sort.map((s) => ({ ...s })) } : {}),
  };
}
