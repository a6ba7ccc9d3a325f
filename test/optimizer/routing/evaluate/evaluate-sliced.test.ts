// evaluateRoutingSliced: evaluateRouting's figures to the digit, whole or in independent parts, over a horizon,
// with the event loop given turns while it simulates, and given up by its signal.
import { describe, expect, it } from 'vitest';
import { eventLoopTurns } from '../../../event-loop-turns.js';
import { evaluateRouting, type EvaluateRoutingInput } from '../../../../src/optimizer/index.js';
import { evaluateRoutingSliced } from '../../../../src/optimizer/routing/evaluate/evaluate-routing.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

/** Two queues whose agents may hold both; with `sites`, a second pair that shares no agent with the first. */
function teams(sites: boolean): EvaluateRoutingInput {
  const site = (s: string, staff: [number, number]) =>
    staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({
        id: `${s}${i}-${k}`,
        skills: { [`${s}${i}`]: 3, ...(k === 0 ? { [`${s}${1 - i}`]: 1 } : {}) } as Record<string, number>,
      })),
    );
  const queue = (id: string, callsPerHour: number) => ({ id, callsPerHour, ahtSeconds: 300, target });
  return {
    queues: [queue('n0', 60), queue('n1', 100), ...(sites ? [queue('s0', 80), queue('s1', 70)] : [])],
    agents: [...site('n', [7, 8]), ...(sites ? site('s', [6, 9]) : [])],
  };
}

/** The same two queues over three half hours of changing demand. */
function day(): EvaluateRoutingInput {
  const base = teams(false);
  const demand = (calls: number[]) => ({ intervalSeconds: 1800, calls });
  return {
    agents: base.agents,
    queues: [
      { id: 'n0', ahtSeconds: 300, target, demand: demand([20, 40, 30]) },
      { id: 'n1', ahtSeconds: 300, target, demand: demand([50, 45, 60]) },
    ],
  };
}

describe('evaluateRoutingSliced', () => {
  it.each([
    ['two queues', teams(false)],
    ['two independent sites', teams(true)],
    ['a horizon of three intervals', day()],
  ])('gives evaluateRouting’s figures on %s', async (_, input) => {
    const options = { seed: 5, contacts: 40_000, acceptance: 'mean' } as const;
    expect(await evaluateRoutingSliced(input, options)).toEqual(evaluateRouting(input, options));
  });
  it('gives the event loop turns while it simulates', async () => {
    // Long enough to span several of the simulation's slices on any machine.
    const turns = await eventLoopTurns(() => evaluateRoutingSliced(teams(true), { seed: 1, contacts: 2_000_000 }));
    expect(turns).toBeGreaterThan(1);
  });
  it('is given up by its signal, and checks its input as evaluateRouting does', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(evaluateRoutingSliced(teams(false), { seed: 1 }, stop.signal)).rejects.toThrow('stopped');
    await expect(evaluateRoutingSliced(teams(false), { seed: 1, contact: 5 } as never)).rejects.toThrow(
      /options\.contact.*contacts/,
    );
  });
});
