// evaluateRoutingAsync: evaluateRouting's figures to the digit, whole or in independent parts, over a horizon,
// with the event loop given turns while it simulates, given up by its signal; the example of docs/optimizer.md.
import { describe, expect, it } from 'vitest';
import { runExample, tsBlocks } from '../../../docs-examples.js';
import { eventLoopTurns } from '../../../event-loop-turns.js';
import * as optimizer from '../../../../src/optimizer/index.js';
import { evaluateRouting, evaluateRoutingAsync, type EvaluateRoutingInput } from '../../../../src/optimizer/index.js';

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

describe('evaluateRoutingAsync', () => {
  it.each([
    ['two queues', teams(false)],
    ['two independent sites', teams(true)],
    ['a horizon of three intervals', day()],
  ])('gives evaluateRouting’s figures on %s', async (_, input) => {
    const options = { seed: 5, contacts: 40_000, acceptance: 'mean' } as const;
    expect(await evaluateRoutingAsync(input, options)).toEqual(evaluateRouting(input, options));
  });
  it('gives the event loop turns while it simulates', async () => {
    // Long enough to span several of the simulation's slices on any machine.
    const turns = await eventLoopTurns(() => evaluateRoutingAsync(teams(true), { seed: 1, contacts: 2_000_000 }));
    expect(turns).toBeGreaterThan(1);
  });
  it('is given up by its signal, and checks its input as evaluateRouting does', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(evaluateRoutingAsync(teams(false), { seed: 1, signal: stop.signal })).rejects.toThrow('stopped');
    const late = new AbortController();
    const run = evaluateRoutingAsync(teams(true), { seed: 1, contacts: 2_000_000, signal: late.signal });
    setTimeout(() => late.abort(new Error('stopped midway')), 20);
    await expect(run).rejects.toThrow('stopped midway');
    await expect(evaluateRoutingAsync(teams(false), { seed: 1, contact: 5 } as never)).rejects.toThrow(
      /evaluateRoutingAsync: options\.contact: unknown key; did you mean contacts\?/,
    );
    await expect(evaluateRoutingAsync(teams(false), { signal: 'soon' } as never)).rejects.toThrow(
      /evaluateRoutingAsync: options\.signal: must be an AbortSignal/,
    );
    expect(() => evaluateRouting(teams(false), { signal: new AbortController().signal } as never)).toThrow(
      /options\.signal: unknown key/,
    );
  });
  it('runs the example of docs/optimizer.md as written', async () => {
    const block = tsBlocks(new URL('../../../../docs/optimizer.md', import.meta.url)).find((b) =>
      b.includes('await evaluateRoutingAsync('),
    );
    expect(block).toBeDefined();
    const { queues, agents } = teams(false);
    const judged = await runExample(
      block as string,
      { 'genesys-routing-sdk/optimizer': optimizer },
      { queues, agents },
      'return judged;',
    );
    expect(judged).toEqual(evaluateRouting({ queues, agents }, { seed: 7 }));
  });
});
