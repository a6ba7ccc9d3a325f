// `--draws N`: one case and arm on N draws of the day's calls (call seeds 1..N, the emulator's `live.callSeed`):
// the same org, staffing, history and event, other arrivals, media, patience and talk times. One run of a day is
// one draw: a queue that meets its target with nothing watching on one draw may miss on others, so whether a day
// "has nothing to fix" is a share of draws, not a yes or no.
import type { BenchCase } from './cases.js';
import { runDay, type Arm, type DayOptions } from './day.js';

export interface DrawsSummary {
  draws: number;
  /** Draws on which the event queue missed at least one half hour. */
  withMiss: number;
  /** Half hours missed by the event queue, over all draws, and how many there were. */
  missed: number;
  halfHours: number;
  /** Draws on which another queue of the org missed at least one half hour. */
  othersWithMiss: number;
  /** Changes written on each draw. */
  changes: number[];
  /** Per draw: whether any queue of the org (the event queue or another) missed a half hour. */
  anyMiss: boolean[];
  perAgent: number;
  perHour: number;
  /** Re-adds within the hour over all draws (bench/autopilot/readds.ts). */
  readds: number;
  /** Draws that ended with the org at its baseline. */
  atBaseline: number;
  errors: string[];
}

export async function runDraws(
  c: BenchCase,
  arm: Arm,
  draws: number,
  options: Omit<DayOptions, 'callSeed' | 'log'>,
): Promise<DrawsSummary> {
  const out: DrawsSummary = {
    draws,
    withMiss: 0,
    missed: 0,
    halfHours: 0,
    othersWithMiss: 0,
    changes: [],
    anyMiss: [],
    perAgent: 0,
    perHour: 0,
    readds: 0,
    atBaseline: 0,
    errors: [],
  };
  for (let callSeed = 1; callSeed <= draws; callSeed++) {
    const r = await runDay(c, arm, { ...options, callSeed });
    const missed = r.queues.reduce((s, q) => s + q.missed, 0);
    out.withMiss += missed > 0 ? 1 : 0;
    out.missed += missed;
    out.halfHours += r.queues.reduce((s, q) => s + q.halfHours, 0);
    out.othersWithMiss += r.others.missed > 0 ? 1 : 0;
    out.changes.push(r.changes);
    out.anyMiss.push(missed > 0 || r.others.missed > 0);
    out.perAgent = Math.max(out.perAgent, r.perAgent);
    out.perHour = Math.max(out.perHour, r.perHour);
    out.readds += r.readds;
    out.atBaseline += r.atBaseline ? 1 : 0;
    if (r.error) out.errors.push(`draw ${callSeed}: ${r.error}`);
  }
  return out;
}

export const DRAWS_HEADER = [
  'case',
  'arm',
  'draws',
  'draws with a miss',
  'missed ½ h (all draws)',
  'draws with another queue missing',
  'changes per draw (mean, max)',
  'draws with changes',
  'written with nothing to fix',
  'most on one agent',
  'most in 1 h',
  're-added within 1 h',
  'back at baseline',
];

/**
 * Draws on which the arm wrote although nothing watching missed no half hour on any queue, of the draws where it
 * missed none: "—" when the arm `none` did not run on the same draws.
 */
function writtenWithNothingToFix(s: DrawsSummary, none: DrawsSummary | undefined): string {
  if (!none) return '\u2014';
  const calm = none.anyMiss.flatMap((missed, i) => (missed ? [] : [i]));
  return `${calm.filter((i) => (s.changes[i] ?? 0) > 0).length} of ${calm.length}`;
}

export function drawsCells(
  name: string,
  arm: string,
  s: DrawsSummary,
  none: DrawsSummary | undefined,
): Array<string | number> {
  const mean = s.changes.reduce((a, b) => a + b, 0) / Math.max(1, s.changes.length);
  return [
    name,
    arm + (s.errors.length ? ` (errors: ${s.errors.join('; ')})` : ''),
    s.draws,
    s.withMiss,
    `${s.missed}/${s.halfHours}`,
    s.othersWithMiss,
    `${mean.toFixed(1)}, ${Math.max(0, ...s.changes)}`,
    s.changes.filter((n) => n > 0).length,
    writtenWithNothingToFix(s, none),
    s.perAgent,
    s.perHour,
    s.readds,
    `${s.atBaseline}/${s.draws}`,
  ];
}
