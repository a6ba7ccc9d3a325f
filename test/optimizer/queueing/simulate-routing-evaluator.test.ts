// evaluateRouting drives the simulator with what routing needs: per-queue targets, priorities, agent speeds and
// skills held at proficiency 0. Each is checked against the simulator run directly or an independent bound.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { evaluateRouting, simulate, type OptimizeAgent, type OptimizeQueue } from '../../../src/optimizer/index.js';

const staff = (
  n: number,
  skills: Record<string, number>,
  extra: Partial<OptimizeAgent> = {},
  prefix = 'a',
): OptimizeAgent[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, skills, ...extra }));
const options = { seed: 4, contacts: 60_000, replications: 6, acceptance: 'mean' as const };

describe('evaluateRouting: what the simulator now applies', () => {
  it('an agent holding a queue skill at proficiency 0 takes its calls (as on the platform)', () => {
    const queues: OptimizeQueue[] = [
      { id: 'q', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } },
    ];
    const zero = evaluateRouting({ queues, agents: staff(14, { q: 0 }) }, options).queues[0]!;
    const five = evaluateRouting({ queues, agents: staff(14, { q: 5 }) }, options).queues[0]!;
    // 10 Erlangs on 14 agents: proficiency does not change capacity, so the same calls give the same result.
    expect(zero.measures.serviceLevel).toBeGreaterThan(0.8);
    expect(zero.measures).toEqual(five.measures);
  });

  it('each queue is judged on its own withinSeconds', () => {
    const queues: OptimizeQueue[] = [
      { id: 'fast', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 5 } },
      { id: 'slow', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 120 } },
    ];
    const agents = [...staff(11, { fast: 3 }, {}, 'f'), ...staff(11, { slow: 3 }, {}, 's')];
    const [fast, slow] = evaluateRouting({ queues, agents }, options).queues;
    // Identical, separate queues; only the threshold differs, so the longer one reports the higher share.
    expect(slow!.measures.serviceLevel).toBeGreaterThan(fast!.measures.serviceLevel + 0.1);
  });

  it('agent speed 2 halves occupancy; queue priority favours the high-priority queue under overload', () => {
    const queues: OptimizeQueue[] = [
      { id: 'q', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } },
    ];
    const normal = evaluateRouting({ queues, agents: staff(30, { q: 1 }) }, options).queues[0]!;
    const fast = evaluateRouting({ queues, agents: staff(30, { q: 1 }, { speed: 2 }) }, options).queues[0]!;
    expect(fast.measures.occupancy / normal.measures.occupancy).toBeGreaterThan(0.48);
    expect(fast.measures.occupancy / normal.measures.occupancy).toBeLessThan(0.52);

    const two = (gold: number): OptimizeQueue[] => [
      {
        id: 'gold',
        callsPerHour: 180,
        ahtSeconds: 300,
        target: { serviceLevel: 0.8, withinSeconds: 20 },
        patienceSeconds: 240,
        priority: gold,
      },
      {
        id: 'std',
        callsPerHour: 180,
        ahtSeconds: 300,
        target: { serviceLevel: 0.8, withinSeconds: 20 },
        patienceSeconds: 240,
      },
    ];
    const shared = staff(28, { gold: 1, std: 1 });
    const [gold, std] = evaluateRouting({ queues: two(5), agents: shared }, options).queues;
    expect(gold!.measures.ci95[0]).toBeGreaterThan(std!.measures.ci95[1]);
    // Without priority the two identical queues are served alike (the same simulator run directly agrees).
    const [g0, s0] = evaluateRouting({ queues: two(0), agents: shared }, options).queues;
    expect(Math.abs(g0!.measures.serviceLevel - s0!.measures.serviceLevel)).toBeLessThan(0.05);
    const direct = simulate({
      queues: two(0).map((q) => ({
        id: q.id,
        skill: q.id,
        arrivalRatePerHour: q.callsPerHour,
        ahtSeconds: q.ahtSeconds,
        patienceSeconds: 240,
      })),
      agents: shared,
      durationSeconds: 20_000,
      warmupSeconds: 2_000,
      replications: 6,
      targetSeconds: 20,
      seed: 1,
    });
    expect(Math.abs((direct.queues[0]?.serviceLevel.mean ?? 0) - g0!.measures.serviceLevel)).toBeLessThan(0.08);
  });

  it('an out-of-range option is a ValidationError that names evaluateRouting and the option', () => {
    const queues: OptimizeQueue[] = [
      { id: 'q', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } },
    ];
    const call = (o: object) => () => evaluateRouting({ queues, agents: staff(14, { q: 3 }) }, o);
    expect(call({ contacts: 10 })).toThrow(ValidationError);
    expect(call({ contacts: 10 })).toThrow(
      /^evaluateRouting: options\.contacts: must be a number in \[1000, 20000000\]/,
    );
    expect(call({ replications: 1 })).toThrow(/^evaluateRouting: options\.replications: /);
    expect(call({ routing: 'fastest' })).toThrow(/^evaluateRouting: options\.routing: /);
  });
});
