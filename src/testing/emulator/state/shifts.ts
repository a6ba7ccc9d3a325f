// The agents' working time: a seeded weekly rota of daily shifts (weekdays mostly, some weekends; the same every
// week, like the synthetic traffic) with a 30-minute break. Everything that depends on who is working reads it
// from here, so it all agrees: the conversations an agent answers (traffic/synthetic/generate.ts), user status history
// (traffic/users.ts), live routing status and presence (respond/views.ts), queue observations and the WFM schedules.
// A shift is a pure function of (seed, user, weekday): deterministic per seed, no state.
import { Random, deriveSeed } from '../random.js';

export type Span = readonly [number, number];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Length of a shift, break included. */
export const SHIFT_MS = 8 * HOUR_MS;
export const BREAK_MS = 30 * 60_000;

export interface Shift {
  start: number;
  end: number;
  /** The 30-minute break (OFF_QUEUE, presence Break). */
  pause: Span;
  /** On-queue time: the shift minus the break. */
  onQueue: [Span, Span];
}

const utcDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/**
 * The agent's shift starting on the UTC day that begins at `day` (epoch ms of 00:00 UTC), or undefined on a day
 * off. Starts between 06:00 and 14:00 UTC on the hour; 85 % of agents work a given weekday, 25 % a weekend day.
 */
export function shiftOn(seed: number, userId: string, day: number): Shift | undefined {
  const weekday = new Date(day).getUTCDay();
  const rota = rotaOf(seed, userId, weekday);
  if (!rota) return undefined;
  const { startHour, breakAfter } = rota;
  const start = day + startHour * HOUR_MS;
  const end = start + SHIFT_MS;
  const pauseStart = start + Math.round(breakAfter * HOUR_MS);
  const pause: Span = [pauseStart, pauseStart + BREAK_MS];
  return {
    start,
    end,
    pause,
    onQueue: [
      [start, pause[0]],
      [pause[1], end],
    ],
  };
}

// The rota is a function of (seed, user, weekday): memoized, since traffic asks for it per agent and slot.
const ROTA_CACHE_SIZE = 200_000;
const rotas = new Map<string, { startHour: number; breakAfter: number } | null>();

function rotaOf(seed: number, userId: string, weekday: number): { startHour: number; breakAfter: number } | undefined {
  const key = `${seed}:${userId}:${weekday}`;
  let rota = rotas.get(key);
  if (rota === undefined) {
    const rng = new Random(deriveSeed(seed, `shift:${userId}:${weekday}`));
    // Fixed draw order (kept from the first version so seeded history does not move).
    const works = rng.chance(weekday === 0 || weekday === 6 ? 0.25 : 0.85);
    const startHour = 6 + rng.int(0, 8);
    const breakAfter = 3.5 + rng.float();
    rota = works ? { startHour, breakAfter } : null;
    if (rotas.size >= ROTA_CACHE_SIZE) rotas.clear();
    rotas.set(key, rota);
  }
  return rota ?? undefined;
}

/** Every shift of the agent that overlaps [from, to). */
export function shiftsBetween(seed: number, userId: string, from: number, to: number): Shift[] {
  const out: Shift[] = [];
  // A shift starts at most 14 h into its day and lasts 8 h, so the previous day's can still be running.
  for (let day = utcDay(from) - DAY_MS; day < to; day += DAY_MS) {
    const s = shiftOn(seed, userId, day);
    if (s && s.end > from && s.start < to) out.push(s);
  }
  return out;
}

export type ShiftState = 'onQueue' | 'break' | 'off';

/** What the agent's rota says at `t`, and since when (the last transition). */
export function shiftStateAt(seed: number, userId: string, t: number): { state: ShiftState; since: number } {
  // The answer holds until the next transition (within the UTC day): the live emulator asks again and again.
  const key = `${seed}:${userId}`;
  const hit = spans.get(key);
  if (hit && t >= hit.from && t < hit.until) return hit.value;
  const shifts = shiftsBetween(seed, userId, t - DAY_MS, t + DAY_MS);
  const next = Math.min(
    utcDay(t) + DAY_MS,
    ...shifts.flatMap((s) => [s.start, s.pause[0], s.pause[1], s.end]).filter((b) => b > t),
  );
  const value = stateFrom(
    shifts.filter((s) => s.start <= t),
    t,
  );
  if (spans.size >= ROTA_CACHE_SIZE) spans.clear();
  spans.set(key, { from: Math.max(value.since, utcDay(t)), until: next, value });
  return value;
}

const spans = new Map<string, { from: number; until: number; value: { state: ShiftState; since: number } }>();

function stateFrom(shifts: readonly Shift[], t: number): { state: ShiftState; since: number } {
  const current = shifts.find((s) => t >= s.start && t < s.end);
  if (current) {
    if (t >= current.pause[0] && t < current.pause[1]) return { state: 'break', since: current.pause[0] };
    return { state: 'onQueue', since: t < current.pause[0] ? current.start : current.pause[1] };
  }
  const ended = shifts.filter((s) => s.end <= t).map((s) => s.end);
  return { state: 'off', since: ended.length > 0 ? Math.max(...ended) : utcDay(t) };
}

/** True when the agent is on queue (on shift, not on break) at `t`. */
export function onQueueAt(seed: number, userId: string, t: number): boolean {
  return shiftStateAt(seed, userId, t).state === 'onQueue';
}
