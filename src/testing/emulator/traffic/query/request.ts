// Body fields shared by the analytics queries (interval, granularity, timeZone, metrics, groupBy), read
// with the platform's 400s: details[].fieldName names the bad field, e.g. `metrics[2]` or `interval`.
import type { FieldErrors } from '../../respond/validate.js';
import {
  DAY_MS,
  bucketStarts,
  checkTimeZone,
  parseDuration,
  parseInterval,
  type Interval,
  type IsoDuration,
} from './time.js';

/** Guard against absurd granularities (PT1S over a week); the platform's own bucket limit is unconfirmed. */
export const MAX_BUCKETS = 25_000;

export interface TimeQuery {
  interval: Interval;
  granularity: IsoDuration | undefined;
  timeZone: string | undefined;
  /** Bucket start instants (one bucket when there is no granularity). */
  buckets: number[];
}

export function readInterval(
  body: Record<string, unknown>,
  errors: FieldErrors,
  maxDays: number,
  what: string,
): Interval | undefined {
  const raw = body['interval'];
  if (raw === undefined || raw === null || raw === '') {
    errors.add(
      'interval',
      'interval is required (ISO-8601 start/end, e.g. 2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z)',
      'required',
    );
    return undefined;
  }
  const interval = typeof raw === 'string' ? parseInterval(raw) : undefined;
  if (!interval) {
    errors.add('interval', `interval ${JSON.stringify(raw)} is not a valid ISO-8601 interval with start before end`);
    return undefined;
  }
  if (interval.to - interval.from > maxDays * DAY_MS) {
    const days = ((interval.to - interval.from) / DAY_MS).toFixed(2).replace(/\.?0+$/, '');
    errors.add(
      'interval',
      `interval spans ${days} days; ${what} allows at most ${maxDays} days per query. Split the interval into several queries.`,
    );
    return undefined;
  }
  return interval;
}

export function readTimeQuery(
  body: Record<string, unknown>,
  errors: FieldErrors,
  maxDays: number,
  what: string,
): TimeQuery | undefined {
  const interval = readInterval(body, errors, maxDays, what);
  let granularity: IsoDuration | undefined;
  const rawGranularity = body['granularity'];
  if (rawGranularity !== undefined && rawGranularity !== null) {
    granularity = typeof rawGranularity === 'string' ? parseDuration(rawGranularity) : undefined;
    if (!granularity)
      errors.add(
        'granularity',
        `granularity ${JSON.stringify(rawGranularity)} is not a valid ISO-8601 period (e.g. PT15M, PT30M, PT1H, P1D)`,
      );
  }
  let timeZone: string | undefined;
  const rawZone = body['timeZone'];
  if (rawZone !== undefined && rawZone !== null) {
    if (typeof rawZone === 'string' && checkTimeZone(rawZone)) timeZone = rawZone;
    else
      errors.add(
        'timeZone',
        `timeZone ${JSON.stringify(rawZone)} is not an IANA time zone name (e.g. UTC, Europe/London)`,
      );
  }
  if (!interval || (rawGranularity != null && !granularity) || (rawZone != null && !timeZone)) return undefined;
  const buckets = bucketStarts(interval, granularity, timeZone);
  if (buckets.length > MAX_BUCKETS) {
    errors.add(
      'granularity',
      `granularity ${String(rawGranularity)} gives ${buckets.length} buckets; at most ${MAX_BUCKETS} are allowed`,
    );
    return undefined;
  }
  return { interval, granularity, timeZone, buckets };
}

/** A required, non-empty list of metric names from `allowed`. */
export function readMetrics(
  body: Record<string, unknown>,
  errors: FieldErrors,
  allowed: ReadonlySet<string>,
  field = 'metrics',
  required = true,
): string[] {
  const raw = body[field];
  if (raw === undefined || raw === null) {
    if (required) errors.add(field, `${field} is required: a non-empty list of metric names`, 'required');
    return [];
  }
  if (!Array.isArray(raw) || (required && raw.length === 0)) {
    errors.add(field, `${field} must be a non-empty array of metric names`);
    return [];
  }
  const out: string[] = [];
  raw.forEach((m, i) => {
    if (typeof m !== 'string' || !allowed.has(m))
      errors.add(`${field}[${i}]`, `${field}[${i}]: ${JSON.stringify(m)} is not a valid metric here`);
    else if (!out.includes(m)) out.push(m);
  });
  return out;
}

export function readGroupBy(
  body: Record<string, unknown>,
  errors: FieldErrors,
  allowed: ReadonlySet<string>,
): string[] {
  const raw = body['groupBy'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add('groupBy', 'groupBy must be an array of dimension names');
    return [];
  }
  const out: string[] = [];
  raw.forEach((d, i) => {
    if (typeof d !== 'string' || !allowed.has(d))
      errors.add(`groupBy[${i}]`, `groupBy[${i}]: ${JSON.stringify(d)} is not a valid dimension`);
    else if (!out.includes(d)) out.push(d);
  });
  return out;
}
