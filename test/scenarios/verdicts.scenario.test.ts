// The verdicts beside the figures: `meetsTarget`, `feasible` and `shortfall` are judged on the same runs as the
// reported `after` (with its interval), and an independent long run of the returned plan (the simulator itself,
// other random numbers, many days in a row) agrees with both within their errors. Over a whole day the start of
// the day is simulated after the day's last intervals (the day follows a day like itself): the first intervals'
// figures must not read above the long run, which sees every day start from the one before.
import { describe, expect, it } from 'vitest';
import { optimizeRouting, simulate } from '../../src/optimizer/index.js';
import type { OptimizeAgent, OptimizeRoutingInput, OptimizeRoutingResult } from '../../src/optimizer/index.js';

const target = { serviceLevel: 0.8, withinSeconds: 20 };
const T975 = 1.96;

/** Standard error behind a reported [low, high] 95 % interval (clipped at 0 and 1: the wider half). */
const seOf = (mean: number, low: number, high: number): number => Math.max(mean - low, high - mean) / T975;

function check(
  label: string,
  reported: { mean: number; low: number; high: number },
  judged: { mean: number; halfWidth: number },
): void {
  // Within 3.5 combined standard errors (and a floor for figures at 1 with no spread).
  const tolerance = 3.5 * Math.hypot(seOf(reported.mean, reported.low, reported.high), judged.halfWidth / T975) + 0.004;
  expect(Math.abs(reported.mean - judged.mean), label).toBeLessThanOrEqual(tolerance);
}

function verdictAgrees(result: OptimizeRoutingResult): void {
  expect(result.feasible).toBe(result.queues.every((q) => q.meetsTarget));
  expect(result.shortfall.map((s) => s.queueId)).toEqual(result.queues.filter((q) => !q.meetsTarget).map((q) => q.id));
  for (const q of result.queues) {
    const w = q.intervals[q.worstInterval.index]!;
    expect(w.after.serviceLevel).toBe(q.worstInterval.after);
    // A queue meeting its target never reads below it on the figure reported beside it.
    if (q.meetsTarget) expect(w.after.serviceLevel, q.id).toBeGreaterThanOrEqual(q.target.serviceLevel);
  }
}

describe('verdicts and figures from one evaluation, checked by an independent long run', () => {
  it('a steady hour: every queue read as meeting its target is at target in the long run, and vice versa', async () => {
    const agents: OptimizeAgent[] = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, skills: { A: 3 } })),
      ...Array.from({ length: 9 }, (_, i) => ({ id: `b${i}`, skills: { B: 3 } })),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, skills: { C: 3 } })),
    ];
    const input: OptimizeRoutingInput = {
      queues: [
        { id: 'A', callsPerHour: 120, ahtSeconds: 300, target }, // 10 Erlangs, 14 needed alone
        { id: 'B', callsPerHour: 72, ahtSeconds: 300, target }, // 6 Erlangs, 9 needed
        { id: 'C', callsPerHour: 48, ahtSeconds: 300, target }, // 4 Erlangs, 7 needed
      ],
      agents,
      constraints: { maxSkillsPerAgent: 2 },
    };
    const result = await optimizeRouting(input, { seed: 4, effort: 0.3, timeLimitMs: 600_000 });
    verdictAgrees(result);
    const judge = simulate({
      queues: input.queues.map((q) => ({
        id: q.id,
        skill: q.id,
        arrivalRatePerHour: q.callsPerHour!,
        ahtSeconds: q.ahtSeconds,
        targetSeconds: 20,
      })),
      agents: result.agents.map((a) => ({
        id: a.id,
        // The optimizer's simulator proficiencies: held at p serves at 1 + 0.8 p (0 still serves).
        skills: Object.fromEntries(Object.entries(a.skills).map(([k, p]) => [k, 1 + 0.8 * p])),
      })),
      routing: 'bestAvailable',
      warmupSeconds: 7_200,
      durationSeconds: 400 * 3_600,
      replications: 10,
      seed: 90_001,
    });
    result.queues.forEach((q, i) => {
      const j = judge.queues[i]!.serviceLevel;
      check(`queue ${q.id}`, { mean: q.after.serviceLevel, low: q.after.ci95[0], high: q.after.ci95[1] }, j);
      // The verdict agrees with the long run within its error.
      const margin = 3.5 * Math.hypot(seOf(q.after.serviceLevel, ...q.after.ci95), j.halfWidth / T975) + 0.004;
      if (q.meetsTarget) expect(j.mean, q.id).toBeGreaterThanOrEqual(q.target.serviceLevel - margin);
      else expect(j.mean, q.id).toBeLessThanOrEqual(q.target.serviceLevel + margin);
    });
  }, 600_000);

  it('a whole day whose busy hours straddle midnight: the first intervals read as the long run does', async () => {
    // 24 hours; the peak runs from 22:00 to 02:00, so the day starts busy (a centre whose day is cut at midnight UTC).
    const H = 24;
    const rate = (t: number, peak: number, base: number) => (t >= 22 || t < 2 ? peak : base);
    const callsA = Array.from({ length: H }, (_, t) => rate(t, 96, 36));
    const callsB = Array.from({ length: H }, (_, t) => rate(t, 60, 24));
    const queues = [
      { id: 'A', ahtSeconds: 300, target, demand: { intervalSeconds: 3_600, calls: callsA } },
      { id: 'B', ahtSeconds: 300, target, demand: { intervalSeconds: 3_600, calls: callsB } },
    ];
    const agents: OptimizeAgent[] = [
      ...Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, skills: { A: 3 } })),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `b${i}`, skills: { B: 3 } })),
    ];
    const result = await optimizeRouting(
      { queues, agents, constraints: { maxSkillsPerAgent: 2 } },
      { seed: 2, effort: 0.3, timeLimitMs: 600_000 },
    );
    verdictAgrees(result);
    // The long run: 300 days in a row after one day of warm-up; each interval's calls pooled over the days.
    const judge = simulate({
      queues: queues.map((q) => ({
        id: q.id,
        skill: q.id,
        arrivals: { intervalSeconds: 3_600, callsPerInterval: q.demand.calls },
        ahtSeconds: 300,
        targetSeconds: 20,
      })),
      agents: result.agents.map((a) => ({
        id: a.id,
        skills: Object.fromEntries(Object.entries(a.skills).map(([k, p]) => [k, 1 + 0.8 * p])),
      })),
      routing: 'bestAvailable',
      warmupSeconds: 86_400,
      durationSeconds: 30 * 86_400,
      replications: 10,
      seed: 90_002,
    });
    result.queues.forEach((q, i) => {
      const intervals = judge.queues[i]!.intervals!;
      // The start of the day (the first three intervals) and the verdict's own interval.
      for (const t of new Set([0, 1, 2, q.worstInterval.index])) {
        const r = q.intervals[t]!.after;
        check(
          `queue ${q.id} interval ${t}`,
          { mean: r.serviceLevel, low: r.low, high: r.high },
          intervals[t]!.serviceLevel,
        );
      }
    });
  }, 600_000);
});
