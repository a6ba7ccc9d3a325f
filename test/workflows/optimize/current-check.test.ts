// planRoutingOptimization's check of the org as it is: an empty plan when every queue meets its target on one long
// run, nothing when one misses; the run leaves the event loop free and stops on the caller's signal.
import { describe, expect, it } from 'vitest';
import { eventLoopTurns } from '../../event-loop-turns.js';
import type { OptimizeRoutingInput } from '../../../src/optimizer/index.js';
import { currentConfigurationMeetsTargets } from '../../../src/workflows/optimize/current-check.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

/** Two queues of 60 and 100 calls an hour (5 and 8.3 Erlangs) with `staff` specialists each. */
function org(staff: [number, number]): OptimizeRoutingInput {
  return {
    queues: [
      { id: 'a', callsPerHour: 60, ahtSeconds: 300, target },
      { id: 'b', callsPerHour: 100, ahtSeconds: 300, target },
    ],
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `${i}-${k}`, skills: { [i === 0 ? 'a' : 'b']: 1 } })),
    ),
  };
}

describe('currentConfigurationMeetsTargets', () => {
  it('returns the empty plan when every queue meets its target, nothing when one misses', async () => {
    const staffed = await currentConfigurationMeetsTargets(org([9, 13]), 1);
    expect(staffed?.changes).toEqual([]);
    expect(staffed?.queues.every((q) => q.meetsTarget)).toBe(true);
    expect(await currentConfigurationMeetsTargets(org([6, 13]), 1)).toBeUndefined();
  });
  it('gives the event loop turns while it simulates, and stops on the signal', async () => {
    expect(await eventLoopTurns(() => currentConfigurationMeetsTargets(org([9, 13]), 1))).toBeGreaterThan(1);
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(currentConfigurationMeetsTargets(org([9, 13]), 1, stop.signal)).rejects.toThrow('stopped');
  });
});
