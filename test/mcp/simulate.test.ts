// The assistant's simulation of a plan's model (explain_queue, skill_change_what_if): the optimizer's evaluator on
// the plan's seed, without holding the server's event loop, given up by the tool call's signal.
import { describe, expect, it } from 'vitest';
import { evaluateRouting, type OptimizeRoutingInput } from '../../src/optimizer/index.js';
import { simulate } from '../../src/mcp/actions/simulate.js';
import { CURRENT_CHECK_CONTACTS } from '../../src/workflows/optimize/current-check.js';
import { eventLoopTurns } from '../event-loop-turns.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };
const model: OptimizeRoutingInput = {
  queues: [
    { id: 'a', callsPerHour: 60, ahtSeconds: 300, target },
    { id: 'b', callsPerHour: 100, ahtSeconds: 300, target },
  ],
  agents: Array.from({ length: 20 }, (_, k) => ({ id: `u${k}`, skills: { [k < 8 ? 'a' : 'b']: 1 } })),
};
/** A session plan whose optimizer ran with seed 3. */
const entry = { plan: { inputs: { optimizer: { seed: 3 } } } } as never;

describe('the assistant’s simulate', () => {
  it('judges on the plan’s seed as a re-plan would, with the event loop turning meanwhile', async () => {
    let queues: unknown;
    const turns = await eventLoopTurns(async () => (queues = await simulate(entry, model)));
    const options = { seed: 3, contacts: CURRENT_CHECK_CONTACTS, acceptance: 'mean' } as const;
    expect(queues).toEqual(evaluateRouting(model, options).queues);
    expect(turns).toBeGreaterThan(1);
  });
  it('is given up by the tool call’s signal', async () => {
    const stop = new AbortController();
    stop.abort(new Error('cancelled by the client'));
    await expect(simulate(entry, model, stop.signal)).rejects.toThrow('cancelled by the client');
  });
});
