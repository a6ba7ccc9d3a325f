// Times on the page always carry a date and a time zone ("2026-11-08 08:30 UTC"): a reviewer must not have to
// guess whether 08:30 is the org's morning or the server's.

/** The report's time zone: the input's, when the runtime knows it; else UTC. */
export function zoneOf(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "2026-11-08 08:30 UTC" (or "… CET" / "… GMT+1", as the runtime names the zone). */
export function formatTime(value: Date | string | number, timeZone = 'UTC'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (!Number.isFinite(date.getTime())) return String(value);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** "11:16:50": the clock time to the second in the zone, for moments within a day already dated on the page. */
export function formatClock(value: Date | string | number, timeZone = 'UTC'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (!Number.isFinite(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** "from → to" with both ends dated and zoned; the date is not repeated when both ends share it. */
export function formatRange(from: Date | string, to: Date | string, timeZone = 'UTC'): string {
  const a = formatTime(from, timeZone);
  const b = formatTime(to, timeZone);
  return a.slice(0, 11) === b.slice(0, 11) ? `${a.slice(0, 16)} → ${b.slice(11)}` : `${a} → ${b}`;
}
