// ISO-8601 intervals and durations as the analytics API reads them, and bucket boundaries. Calendar parts
// (years, months, weeks, days) step in the query's time zone's wall clock, time parts in absolute ms — the
// java.time ZonedDateTime.plus(Period).plus(Duration) rule — so a P1D bucket is a local day across DST.

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const DAY_MS = 86_400_000;

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses `PT15M`, `P1D`, `P1DT12H`...; undefined when malformed or zero. */
export function parseDuration(text: string): IsoDuration | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const d = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
  return Object.values(d).some((v) => v > 0) ? d : undefined;
}

/** Whether the runtime knows this IANA time zone name. */
export function checkTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function isUtc(zone: string | undefined): boolean {
  return zone === undefined || zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT' || zone === 'Z';
}

/** The wall clock of `zone` at `instant`, expressed as if it were UTC ms. */
function wallMs(instant: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const base = Date.UTC(
    p['year'] ?? 1970,
    (p['month'] ?? 1) - 1,
    p['day'] ?? 1,
    p['hour'] ?? 0,
    p['minute'] ?? 0,
    p['second'] ?? 0,
  );
  return base + (((instant % 1000) + 1000) % 1000);
}

/** The instant at which `zone`'s wall clock shows `wall` (earlier offset on overlaps, shifted on gaps). */
function fromWall(wall: number, zone: string): number {
  const offset1 = wallMs(wall, zone) - wall;
  const guess = wall - offset1;
  const offset2 = wallMs(guess, zone) - guess;
  return offset1 === offset2 ? guess : wall - offset2;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `instant + duration` (see the header for the calendar rule). */
export function addDuration(instant: number, d: IsoDuration, zone?: string): number {
  let t = instant;
  if (d.years || d.months || d.weeks || d.days) {
    const utc = isUtc(zone);
    const wall = new Date(utc ? instant : wallMs(instant, zone as string));
    const year = wall.getUTCFullYear() + d.years + Math.floor((wall.getUTCMonth() + d.months) / 12);
    const month = (wall.getUTCMonth() + d.months) % 12;
    // Month arithmetic clamps to the month's last day (Jan 31 + P1M = Feb 28), like java.time.
    const day = Math.min(wall.getUTCDate(), daysInMonth(year, month)) + d.weeks * 7 + d.days;
    const target = Date.UTC(
      year,
      month,
      day,
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    );
    t = utc ? target : fromWall(target, zone as string);
  }
  return t + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

export interface Interval {
  from: number;
  to: number;
}

/** Parses `start/end`, `start/duration` or `duration/end`; undefined when malformed or empty. */
export function parseInterval(text: string): Interval | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const [a = '', b = ''] = parts;
  // No zone designator means UTC (never the emulator machine's zone).
  const instant = (s: string) =>
    /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`) : NaN;
  let from = instant(a);
  let to = instant(b);
  if (Number.isNaN(from) && !Number.isNaN(to)) {
    const d = parseDuration(a);
    if (!d) return undefined;
    // duration/end: step back by the duration's exact length measured forward from an equivalent start.
    from = to - (addDuration(to, d) - to);
  } else if (!Number.isNaN(from) && Number.isNaN(to)) {
    const d = parseDuration(b);
    if (!d) return undefined;
    to = addDuration(from, d);
  }
  if (Number.isNaN(from) || Number.isNaN(to) || from >= to) return undefined;
  return { from, to };
}

export function formatInterval(from: number, to: number): string {
  return `${new Date(from).toISOString()}/${new Date(to).toISOString()}`;
}

/** Bucket start instants of `interval` for `granularity` (one bucket when none); the last bucket may be short. */
export function bucketStarts(interval: Interval, granularity: IsoDuration | undefined, zone?: string): number[] {
  if (!granularity) return [interval.from];
  const out: number[] = [];
  for (let t = interval.from; t < interval.to;) {
    out.push(t);
    const next = addDuration(t, granularity, zone);
    if (next <= t) break;
    t = next;
  }
  return out;
}

/** Index of the bucket holding `t` (binary search over starts), or -1 when outside. */
export function bucketIndex(starts: readonly number[], end: number, t: number): number {
  if (t < (starts[0] ?? Infinity) || t >= end) return -1;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Start of the UTC day holding `t`. */
export function utcDayStart(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}
