// Analytics time arithmetic: ISO-8601 intervals and periods, and splitting a long interval into windows the
// platform accepts. Calendar parts of a period (Y/M/W/D) step in the query's time-zone wall clock and time
// parts (H/M/S) in absolute time — java.time's ZonedDateTime.plus(Period).plus(Duration), which the
// platform's bucketing follows — so windows always end on a bucket boundary, even across DST.

export interface IsoPeriod {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Epoch-ms bounds, `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export const DAY_MS = 86_400_000;

const PERIOD =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `PT15M`, `P1D`, `P1DT12H`... -> parts; undefined when malformed or zero. */
export function parsePeriod(text: string): IsoPeriod | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const p = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
  return Object.values(p).some((v) => v > 0) ? p : undefined;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const isUtc = (zone: string | undefined) =>
  zone === undefined || zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT';

/** The wall clock of `zone` at `instant`, as if it were UTC. */
function wallClock(instant: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    const o = {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    formatters.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...o })));
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const ms = ((instant % 1000) + 1000) % 1000;
  return (
    Date.UTC(
      p['year'] ?? 1970,
      (p['month'] ?? 1) - 1,
      p['day'] ?? 1,
      p['hour'] ?? 0,
      p['minute'] ?? 0,
      p['second'] ?? 0,
    ) + ms
  );
}

/** The instant at which `zone` shows wall time `wall` (two offset probes settle gaps and overlaps). */
function fromWallClock(wall: number, zone: string): number {
  const first = wallClock(wall, zone) - wall;
  const guess = wall - first;
  const second = wallClock(guess, zone) - guess;
  return first === second ? guess : wall - second;
}

/** `instant + period` in `zone` (default UTC). */
export function addPeriod(instant: number, p: IsoPeriod, zone?: string): number {
  let t = instant;
  if (p.years || p.months || p.weeks || p.days) {
    const utc = isUtc(zone);
    const wall = new Date(utc ? instant : wallClock(instant, zone as string));
    const monthIndex = wall.getUTCMonth() + p.months;
    const year = wall.getUTCFullYear() + p.years + Math.floor(monthIndex / 12);
    const month = monthIndex % 12;
    // Month steps clamp to the month's last day (Jan 31 + P1M = Feb 28), like java.time.
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const day = Math.min(wall.getUTCDate(), lastDay) + p.weeks * 7 + p.days;
    const target = Date.UTC(
      year,
      month,
      day,
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    );
    t = utc ? target : fromWallClock(target, zone as string);
  }
  return t + ((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000;
}

// An instant must carry its zone (`Z` or an offset): without one, Date.parse would use the machine's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** `start/end` (ISO-8601 instants with offset or `Z`) -> range; undefined when malformed or not increasing. */
export function parseIntervalString(text: string): TimeRange | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const instant = (s: string) => (INSTANT.test(s) ? Date.parse(s) : Number.NaN);
  const from = instant(parts[0] ?? '');
  const to = instant(parts[1] ?? '');
  return Number.isFinite(from) && Number.isFinite(to) && from < to ? { from, to } : undefined;
}

export function formatInterval(range: TimeRange): string {
  return `${new Date(range.from).toISOString()}/${new Date(range.to).toISOString()}`;
}

/** Start of the bucket an ISO interval string begins with (for sorting merged buckets). */
export function intervalStart(interval: string): number {
  return Date.parse(interval.split('/')[0] ?? '');
}

export class WindowError extends Error {}

/**
 * Splits `range` into consecutive windows no longer than `maxMs`. With a granularity, windows are whole
 * buckets counted from `range.from` (so no bucket is ever cut); without one, they are `maxMs` long.
 * Throws WindowError when a single bucket is longer than `maxMs`.
 */
export function splitWindows(range: TimeRange, maxMs: number, granularity?: IsoPeriod, zone?: string): TimeRange[] {
  if (range.to - range.from <= maxMs) return [range];
  const out: TimeRange[] = [];
  if (!granularity) {
    for (let t = range.from; t < range.to; t += maxMs) out.push({ from: t, to: Math.min(range.to, t + maxMs) });
    return out;
  }
  let windowStart = range.from;
  for (let t = range.from; t < range.to;) {
    const next = Math.min(addPeriod(t, granularity, zone), range.to);
    if (next <= t) throw new WindowError('granularity does not advance time');
    if (next - t > maxMs) throw new WindowError(`one bucket spans ${((next - t) / DAY_MS).toFixed(2)} days`);
    if (next - windowStart > maxMs) {
      out.push({ from: windowStart, to: t });
      windowStart = t;
    }
    t = next;
  }
  out.push({ from: windowStart, to: range.to });
  return out;
}
