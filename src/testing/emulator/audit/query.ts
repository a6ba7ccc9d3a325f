// AuditQueryRequest / AuditRealtimeQueryRequest bodies (models of the official SDK purecloud-platform-client-v2): validated like the platform,
// with 400 invalid.value naming the bad field (`interval`, `filters[1].property`, ...).
import { ApiError } from '../respond/error-body.js';
import { FieldErrors, asObject } from '../respond/validate.js';

export const FILTER_PROPERTIES: readonly FilterProperty[] = [
  'UserId',
  'TrusteeOrganizationId',
  'ClientId',
  'Action',
  'EntityType',
  'EntityId',
];
/** A property an audit query may filter on. */
export type FilterProperty = 'UserId' | 'TrusteeOrganizationId' | 'ClientId' | 'Action' | 'EntityType' | 'EntityId';
export const SORT_ORDERS = ['ascending', 'descending'] as const;

/** One filter of a stored audit query: a property and the value it must have. */
export interface AuditQueryFilter {
  /** `UserId`, `TrusteeOrganizationId`, `ClientId`, `Action`, `EntityType` or `EntityId`. */
  property: FilterProperty;
  /** The value the property must have. */
  value: string;
}

/** The order of a stored audit query's results (by timestamp). */
export interface AuditQuerySort {
  /** Always `Timestamp`. */
  name: 'Timestamp';
  /** `ascending` or `descending`. */
  sortOrder: 'ascending' | 'descending';
}

/** An async audit query as the emulator stored it: its interval (as sent and in epoch ms), service, filters and sort. */
export interface AuditQuery {
  /** As sent, e.g. '2025-01-01T00:00:00.000Z/2025-01-02T00:00:00.000Z'. */
  interval: string;
  /** Start of the interval, epoch ms (inclusive). */
  fromMs: number;
  /** End of the interval, epoch ms (exclusive). */
  toMs: number;
  /** Only audits of this service (e.g. `Routing`). */
  serviceName?: string;
  /** Every filter must match. */
  filters: AuditQueryFilter[];
  /** Order of the results. */
  sort: AuditQuerySort[];
}

const DAY_MS = 86_400_000;
// ISO-8601 date-time; seconds, fractions and the zone are optional (no zone = UTC).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseInstant(text: string): number {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return Number.NaN;
  return Date.parse(m[1] === undefined ? `${text}Z` : text);
}

/** 'start/end' -> epoch ms, or undefined (the error is added to `errors`). */
export function parseInterval(value: unknown, errors: FieldErrors): { fromMs: number; toMs: number } | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(
      'interval',
      'interval is required: an ISO-8601 interval like 2025-01-01T00:00:00Z/2025-01-02T00:00:00Z',
      value === undefined ? 'required' : 'invalid.value',
    );
    return undefined;
  }
  const parts = value.split('/');
  const fromMs = parts.length === 2 ? parseInstant(parts[0] as string) : Number.NaN;
  const toMs = parts.length === 2 ? parseInstant(parts[1] as string) : Number.NaN;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    errors.add('interval', `interval [${value}] is invalid: expected <start>/<end> as ISO-8601 date-times`);
    return undefined;
  }
  if (fromMs >= toMs) {
    errors.add('interval', `interval [${value}] is invalid: the start must be before the end`);
    return undefined;
  }
  return { fromMs, toMs };
}

function parseFilters(raw: unknown, errors: FieldErrors): AuditQueryFilter[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add('filters', 'filters must be an array of { property, value }');
    return [];
  }
  const out: AuditQueryFilter[] = [];
  raw.forEach((item: unknown, i) => {
    const f = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const property = f['property'];
    const value = f['value'];
    const okProperty = typeof property === 'string' && (FILTER_PROPERTIES as readonly string[]).includes(property);
    if (!okProperty)
      errors.add(
        `filters[${i}].property`,
        `filters[${i}].property [${String(property)}] is invalid. Allowed values: ${FILTER_PROPERTIES.join(', ')}`,
      );
    const okValue = typeof value === 'string' && value.length > 0;
    if (!okValue)
      errors.add(
        `filters[${i}].value`,
        `filters[${i}].value is required and must be a non-empty string`,
        value === undefined ? 'required' : 'invalid.value',
      );
    if (okProperty && okValue) out.push({ property: property as FilterProperty, value: value as string });
  });
  // Genesys' audit docs (second-hand): an Action filter is only accepted together with an EntityType filter.
  if (out.some((f) => f.property === 'Action') && !out.some((f) => f.property === 'EntityType')) {
    errors.add('filters', 'filters: an Action filter requires an EntityType filter');
  }
  return out;
}

export function parseSort(raw: unknown, errors: FieldErrors): AuditQuerySort[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add('sort', 'sort must be an array of { name, sortOrder }');
    return [];
  }
  const out: AuditQuerySort[] = [];
  raw.forEach((item: unknown, i) => {
    const s = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const okName = s['name'] === 'Timestamp';
    if (!okName)
      errors.add(`sort[${i}].name`, `sort[${i}].name [${String(s['name'])}] is invalid. Allowed values: Timestamp`);
    const order = s['sortOrder'];
    const okOrder = typeof order === 'string' && (SORT_ORDERS as readonly string[]).includes(order);
    if (!okOrder)
      errors.add(
        `sort[${i}].sortOrder`,
        `sort[${i}].sortOrder [${String(order)}] is invalid. Allowed values: ${SORT_ORDERS.join(', ')}`,
      );
    if (okName && okOrder) out.push({ name: 'Timestamp', sortOrder: order as AuditQuerySort['sortOrder'] });
  });
  return out;
}

export interface ParseOptions {
  /** Valid service names (from the service mapping). */
  services: ReadonlySet<string>;
  /** Longest allowed interval in days (async queries). */
  maxIntervalDays?: number;
  /** Earliest allowed start (realtime queries), epoch ms, and the window it came from. */
  window?: { earliestMs: number; days: number };
}

/** Validates a query body; throws one 400 listing every bad field. */
export function parseAuditQuery(body: unknown, o: ParseOptions): AuditQuery {
  const b = asObject(body);
  const errors = new FieldErrors();
  const interval = parseInterval(b['interval'], errors);
  if (interval && o.maxIntervalDays !== undefined && interval.toMs - interval.fromMs > o.maxIntervalDays * DAY_MS) {
    errors.add(
      'interval',
      `interval is too long: an audit query may cover at most ${o.maxIntervalDays} days; split it into several queries`,
    );
  }
  if (interval && o.window && interval.fromMs < o.window.earliestMs) {
    errors.add(
      'interval',
      `interval starts too far back: realtime audit queries cover only the last ${o.window.days} days; use POST /api/v2/audits/query for older audits`,
    );
  }
  const serviceName = b['serviceName'];
  if (serviceName !== undefined && (typeof serviceName !== 'string' || !o.services.has(serviceName))) {
    errors.add(
      'serviceName',
      `serviceName [${String(serviceName)}] is invalid. Valid values come from the service mapping: ${[...o.services].join(', ')}`,
    );
  }
  const filters = parseFilters(b['filters'], errors);
  const sort = parseSort(b['sort'], errors);
  errors.throwIfAny();
  if (!interval) throw new ApiError(400, 'invalid.value', 'interval is required');
  return {
    interval: b['interval'] as string,
    ...interval,
    ...(typeof serviceName === 'string' ? { serviceName } : {}),
    filters,
    sort,
  };
}

/** A positive integer from a JSON body field, or the fallback; 400 naming the field otherwise. */
export function bodyInt(
  body: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const errors = new FieldErrors();
    errors.add(
      name,
      `Value [${JSON.stringify(v)}] for ${name} is invalid: it must be an integer between ${min} and ${max}`,
    );
    errors.throwIfAny();
  }
  return v as number;
}
