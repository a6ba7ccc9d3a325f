// Change windows: run routing changes only off-peak, from a scheduler or a serverless cron (no daemon here).
import { ValidationError } from '../../../errors/index.js';
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';

/** A day of the week, as change windows name it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A weekly window in local time. `end <= start` means it runs past midnight into the next day. */
export interface ChangeWindow {
  /** Days the window STARTS on. Default: every day. */
  days?: Weekday[];
  /** Local start, `HH:MM` (24 h). */
  start: string;
  /** Local end, `HH:MM`, exclusive. */
  end: string;
}

/** Options of the change-window checks (`isWithinWindow`, `nextWindow`). */
export interface WindowOptions {
  /** IANA time zone of the window times. Default `UTC`. */
  timeZone?: string;
}

const WINDOW_KEYS = /* @__PURE__ */ keysOf<ChangeWindow>({ days: true, start: true, end: true });
const WINDOW_OPTION_KEYS = /* @__PURE__ */ keysOf<WindowOptions>({ timeZone: true });

interface Parsed {
  days: Set<number>;
  start: number;
  end: number;
}

function minutes(context: string, path: string, hhmm: string): number {
  const m = typeof hhmm === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm) : null;
  if (!m)
    throw new ValidationError(context, [
      { path, message: `must be HH:MM (24 h), got ${typeof hhmm === 'string' ? JSON.stringify(hhmm) : typeof hhmm}` },
    ]);
  return Number(m[1]) * 60 + Number(m[2]);
}

function parse(context: string, windows: ChangeWindow | readonly ChangeWindow[]): Parsed[] {
  const list = Array.isArray(windows) ? windows : [windows as ChangeWindow];
  if (list.length === 0) throw new ValidationError(context, [{ path: 'windows', message: 'give at least one window' }]);
  return list.map((w, i) => {
    if (typeof w !== 'object' || w === null)
      throw new ValidationError(context, [
        { path: `windows[${i}]`, message: 'must be a window object { days?, start, end }' },
      ]);
    rejectUnknownKeys(context, w, WINDOW_KEYS, `windows[${i}]`);
    if (w.days !== undefined && !Array.isArray(w.days))
      throw new ValidationError(context, [{ path: `windows[${i}].days`, message: 'must be an array of weekdays' }]);
    const days: readonly Weekday[] = w.days ?? WEEKDAYS;
    days.forEach((d, j) => {
      if (!WEEKDAYS.includes(d))
        throw new ValidationError(context, [
          { path: `windows[${i}].days[${j}]`, message: `must be one of ${WEEKDAYS.join(', ')}` },
        ]);
    });
    return {
      days: new Set(days.map((d) => WEEKDAYS.indexOf(d))),
      start: minutes(context, `windows[${i}].start`, w.start),
      end: minutes(context, `windows[${i}].end`, w.end),
    };
  });
}

function localClock(context: string, timeZone: string): (at: Date) => { day: number; minute: number } {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    throw new ValidationError(context, [
      { path: 'timeZone', message: `unknown IANA time zone ${JSON.stringify(timeZone)}` },
    ]);
  }
  return (at) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return {
      day: WEEKDAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3) as Weekday),
      minute: Number(parts.hour) * 60 + Number(parts.minute),
    };
  };
}

/** `at` must be a valid Date; `options` an object: else a ValidationError, not a TypeError deep inside Intl. */
function checkCall(context: string, path: string, at: unknown, options: unknown): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new ValidationError(context, [{ path, message: 'must be a valid Date' }]);
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(context, [{ path: 'options', message: 'must be an options object' }]);
  rejectUnknownKeys(context, options, WINDOW_OPTION_KEYS, 'options');
  const zone = (options as WindowOptions).timeZone ?? 'UTC';
  if (typeof zone !== 'string')
    throw new ValidationError(context, [{ path: 'timeZone', message: 'must be an IANA time zone name' }]);
  return zone;
}

function inside(windows: readonly Parsed[], day: number, minute: number): boolean {
  const previous = (day + 6) % 7;
  return windows.some((w) =>
    w.start < w.end
      ? w.days.has(day) && minute >= w.start && minute < w.end
      : (w.days.has(day) && minute >= w.start) || (w.days.has(previous) && minute < w.end),
  );
}

/**
 * True when `at` falls inside any of the windows.
 * @example isWithinWindow({ days: ['mon','tue','wed','thu','fri'], start: '22:00', end: '06:00' }, new Date(), { timeZone: 'Europe/Dublin' })
 */
export function isWithinWindow(
  windows: ChangeWindow | readonly ChangeWindow[],
  at: Date = new Date(),
  options: WindowOptions = {},
): boolean {
  const parsed = parse('isWithinWindow', windows);
  const { day, minute } = localClock('isWithinWindow', checkCall('isWithinWindow', 'at', at, options))(at);
  return inside(parsed, day, minute);
}

/**
 * The next window that is open at or after `from` (the current one if `from` is inside), as absolute
 * instants; undefined if none opens within 8 days. Minute resolution; DST-safe (it walks real instants).
 */
export function nextWindow(
  windows: ChangeWindow | readonly ChangeWindow[],
  from: Date = new Date(),
  options: WindowOptions = {},
): { start: Date; end: Date } | undefined {
  const parsed = parse('nextWindow', windows);
  const clock = localClock('nextWindow', checkCall('nextWindow', 'from', from, options));
  const minute = 60_000;
  const limit = 8 * 24 * 60;
  let t = Math.floor(from.getTime() / minute) * minute;
  const open = (ms: number) => {
    const c = clock(new Date(ms));
    return inside(parsed, c.day, c.minute);
  };
  let steps = 0;
  while (!open(t)) {
    if (++steps > limit) return undefined;
    t += minute;
  }
  // From inside a window, `start` is `from` itself (the window is already open).
  const start = steps === 0 ? from.getTime() : t;
  let end = t;
  while (open(end) && steps++ <= 2 * limit) end += minute;
  return { start: new Date(start), end: new Date(end) };
}
