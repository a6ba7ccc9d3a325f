// The day model's input contract: demand per interval, agents' availability, the objective option. Fast checks
// of validation only (the day's optimization is tested in test/scenarios).
import { describe, expect, it } from 'vitest';
import { isValidationError, optimizeRouting, type OptimizeRoutingInput } from '../../../src/optimizer/index.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function day(): OptimizeRoutingInput {
  return {
    queues: [
      { id: 'a', ahtSeconds: 300, target, demand: { intervalSeconds: 1800, calls: [10, 40, 20] } },
      {
        id: 'b',
        ahtSeconds: 300,
        target,
        demand: { intervalSeconds: 1800, calls: [30, 10, 5], ahtSeconds: [240, 300, 300] },
      },
    ],
    agents: [
      { id: 'x', skills: { a: 3 }, available: [true, true, false] },
      { id: 'y', skills: { b: 3 }, available: [0.5, 1, 1] },
    ],
  };
}

async function fieldOf(input: unknown, options?: unknown): Promise<string> {
  try {
    await optimizeRouting(input as OptimizeRoutingInput, options as never);
  } catch (error) {
    if (isValidationError(error)) return error.issues[0]?.path ?? '';
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('optimizeRouting day input', () => {
  it('names the bad field of demand, availability and objective', async () => {
    const short = day();
    (short.queues[1]!.demand as { calls: number[] }).calls = [1, 2];
    expect(await fieldOf(short)).toBe('queues[1].demand.calls');
    const width = day();
    (width.queues[1]!.demand as { intervalSeconds: number }).intervalSeconds = 900;
    expect(await fieldOf(width)).toBe('queues[1].demand.intervalSeconds');
    const aht = day();
    (aht.queues[1]!.demand as { ahtSeconds: number[] }).ahtSeconds = [300];
    expect(await fieldOf(aht)).toBe('queues[1].demand.ahtSeconds');
    const avail = day();
    (avail.agents[0] as { available: unknown }).available = [true, true];
    expect(await fieldOf(avail)).toBe('agents[0].available');
    const share = day();
    (share.agents[1] as { available: unknown }).available = [0.5, 1.5, 1];
    expect(await fieldOf(share)).toBe('agents[1].available[1]');
    const noRate = day();
    (noRate.queues as unknown[]).push({ id: 'c', ahtSeconds: 300, target });
    expect(await fieldOf(noRate)).toBe('queues[2].callsPerHour');
    expect(await fieldOf(day(), { objective: 'peak' })).toBe('options.objective');
  });

  it('names the intervals and queues that cannot be met, and by how many agents', async () => {
    const input: OptimizeRoutingInput = {
      queues: [{ id: 'a', ahtSeconds: 300, target, demand: { intervalSeconds: 1800, calls: [4, 120] } }],
      agents: Array.from({ length: 4 }, (_, i) => ({ id: `x${i}`, skills: { a: 3 }, available: [true, i < 3] })),
    };
    const r = await optimizeRouting(input, {
      seed: 2,
      timeLimitMs: 20_000,
      evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 40_000, searchPatience: 2 },
    });
    expect(r.feasible).toBe(false);
    expect(r.changes).toEqual([]); // nobody else can take the calls
    const q = r.queues[0]!;
    expect(q.intervals.map((x) => x.index)).toEqual([0, 1]);
    expect(q.intervals[0]!.after.serviceLevel).toBeGreaterThan(0.8);
    expect(q.intervals[1]!.after.serviceLevel).toBeLessThan(0.5);
    expect(q.worstInterval.index).toBe(1);
    expect(r.shortfall).toHaveLength(1);
    expect(r.shortfall[0]!.intervals.map((x) => x.index)).toEqual([1]);
    // 20 Erlangs need about 24 agents at 80 % in 30 s; 3 are on shift.
    expect(r.shortfall[0]!.intervals[0]!.agentsMissing).toBeGreaterThan(15);
  }, 60_000);
});
