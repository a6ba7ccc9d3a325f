// The re-plan's window starts now: late in an interval, the plan counts the agents who start the next one for the
// part of its first window they will be there, and does not add an agent for minutes that are almost gone.
import { describe, expect, it } from 'vitest';
import { fromNow } from '../../../../src/workflows/autopilot/decision/window.js';
import { replanInput, type QueueAssessment } from '../../../../src/workflows/autopilot/decision/decide.js';
import { replan } from '../../../../src/workflows/autopilot/planner.js';
import { parseAutopilotPolicy } from '../../../../src/workflows/autopilot/policy.js';

const queue = {
  id: 'a',
  skillId: 's',
  ahtSeconds: 360,
  target: { serviceLevel: 0.8, withinSeconds: 30 },
  forecast: [],
};

/** Five agents on queue now and six whose shift starts with the next interval; s1 and s2 hold a calm queue. */
function shiftChange(elapsed: number) {
  const onQueue = ['u1', 'u2', 'u3', 'u4', 'u5', 's1', 's2'];
  const coming = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
  return replanInput({
    queues: [queue, { ...queue, id: 'b', skillId: 't' }],
    assessments: [
      { queueId: 'a', pressure: true, shortOnly: true, predicted: [14, 14, 14, 14] },
      { queueId: 'b', pressure: false, predicted: [1, 1, 1, 1] },
    ] as unknown as QueueAssessment[],
    holds: Object.fromEntries(
      [...onQueue, ...coming].map((id): [string, Record<string, number>] => [
        id,
        id.startsWith('s') ? { b: 3 } : { a: 3 },
      ]),
    ),
    onQueue: new Set(onQueue),
    intervalMinutes: 15,
    guardrails: {},
    maxChanges: 5,
    returning: new Map(coming.map((id) => [id, [0, 1, 1, 1, 1]])),
    elapsed,
  });
}

describe('the re-plan window from now', () => {
  it('blends each interval with the next by the share of the current one gone', () => {
    expect(fromNow([10, 20, 30], 0, 2)).toEqual([10, 20]);
    expect(fromNow([0, 1, 1, 1, 1], 2 / 3, 4).map((v) => +v.toFixed(4))).toEqual([0.6667, 1, 1, 1]);
    expect(fromNow([12, 15], 0.5, 3)).toEqual([13.5, 15, 15]); // past the last value, the last one stands
    expect(fromNow([12, 15], 1.5, 1)).toEqual([15]); // elapsed is a share: held to 0..1
  });

  it('counts the agents starting next interval for the part of the first window they are there', () => {
    const late = shiftChange(2 / 3);
    const shares = late.agents.find((a) => a.id === 'n1')?.available as number[] | undefined;
    expect(shares?.map((v) => +v.toFixed(4))).toEqual([0.6667, 1, 1, 1]);
    expect(late.queues[0]?.demand?.calls).toEqual([14, 14, 14, 14]);
    expect(shiftChange(0).agents.find((a) => a.id === 'n1')?.available).toEqual([0, 1, 1, 1]);
  });

  it('adds an agent at the interval start, with the shift change a whole interval away, and not 10 minutes in', async () => {
    const policy = parseAutopilotPolicy({
      planEffort: 0.05,
      planContactsPerEvaluation: 2_000,
      planConfirmContacts: 5_000,
    });
    const early = await replan({ lastRunAt: undefined }, policy, shiftChange(0), undefined);
    const late = await replan({ lastRunAt: undefined }, policy, shiftChange(2 / 3), undefined);
    // Five agents for 14 calls of 6 minutes in the current interval: short until the shift change.
    expect(early?.changes.map((c) => `${c.action} ${c.queueId}`)).toEqual(['add a']);
    expect(late?.changes).toEqual([]);
    expect(late?.feasible).toBe(true);
  }, 60_000);
});
