// The threshold-rule baseline of `npm run bench:autopilot` (bench/autopilot/threshold-rules.ts): its decision on
// given observations, which the bench's rules arm applies through the SDK.
import { describe, expect, it } from 'vitest';
import {
  emptyRuleState,
  thresholdRuleStep,
  type RuleAgent,
  type RuleQueue,
} from '../../bench/autopilot/threshold-rules.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-24T11:00:00Z');
const queues = (sales: number | null, support: number | null): RuleQueue[] => [
  { queueId: 'sales', skillId: 'S', target: 0.8, serviceLevel: sales },
  { queueId: 'support', skillId: 'P', target: 0.7, serviceLevel: support },
];
const agent = (
  userId: string,
  status: string,
  since: number,
  skillIds = ['P'],
  joinedQueueIds = ['sales', 'support'],
  memberQueueIds = joinedQueueIds,
): RuleAgent => ({
  userId,
  joinedQueueIds,
  memberQueueIds,
  skillIds,
  status,
  statusSince: since,
});
const agents = [
  agent('a', 'INTERACTING', T0 - 10 * MIN),
  agent('b', 'IDLE', T0 - 2 * MIN),
  agent('c', 'IDLE', T0 - 8 * MIN),
  agent('d', 'OFF_QUEUE', T0 - 30 * MIN),
  agent('e', 'INTERACTING', T0 - 1 * MIN),
  agent('f', 'IDLE', T0 - 20 * MIN, ['S', 'P']), // already holds the sales skill
  agent('g', 'IDLE', T0 - 40 * MIN, ['X']), // holds no watched queue's skill: not another queue's agent
];

describe('threshold rules (the bench baseline)', () => {
  it('fires below target minus 5 points: the skill to the 3 least-busy agents of other queues', () => {
    const quiet = thresholdRuleStep({ now: T0, queues: queues(0.76, 0.9), agents, state: emptyRuleState() });
    expect(quiet.add).toEqual([]);
    const fired = thresholdRuleStep({ now: T0, queues: queues(0.74, 0.9), agents, state: emptyRuleState() });
    // Idle first, longest idle first (c before b), then the longest on a call; never off queue, holders or others.
    expect(fired.add.map((a) => [a.userId, a.skillId, a.queueId])).toEqual([
      ['c', 'S', 'sales'],
      ['b', 'S', 'sales'],
      ['a', 'S', 'sales'],
    ]);
    expect(fired.state.additions).toHaveLength(3);
    expect(fired.remove).toEqual([]);
  });

  it('fires again while below, and removes a queue\u2019s additions after 30 minutes at target', () => {
    let step = thresholdRuleStep({ now: T0, queues: queues(0.6, 0.9), agents, state: emptyRuleState() });
    const held = agents.map((a) => (step.add.some((x) => x.userId === a.userId) ? { ...a, skillIds: ['P', 'S'] } : a));
    step = thresholdRuleStep({ now: T0 + 5 * MIN, queues: queues(0.7, 0.9), agents: held, state: step.state });
    expect(step.add.map((a) => a.userId)).toEqual(['e']);
    expect(step.state.additions).toHaveLength(4);
    // At target from 11:10: nothing removed until 11:40, everything for the queue then.
    for (let m = 10; m < 40; m += 5) {
      step = thresholdRuleStep({ now: T0 + m * MIN, queues: queues(0.85, 0.9), agents: held, state: step.state });
      expect(step.remove).toEqual([]);
    }
    step = thresholdRuleStep({ now: T0 + 40 * MIN, queues: queues(0.85, 0.9), agents: held, state: step.state });
    expect(step.remove.map((a) => a.userId).sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(step.state.additions).toEqual([]);
  });

  it('a dip below target restarts the 30 minutes; a queue with no calls counts as at target', () => {
    let step = thresholdRuleStep({ now: T0, queues: queues(0.5, 0.9), agents, state: emptyRuleState() });
    step = thresholdRuleStep({ now: T0 + 5 * MIN, queues: queues(0.9, 0.9), agents, state: step.state });
    step = thresholdRuleStep({ now: T0 + 20 * MIN, queues: queues(0.78, 0.9), agents, state: step.state });
    expect(step.add).toEqual([]); // below target, not below the trigger
    step = thresholdRuleStep({ now: T0 + 35 * MIN, queues: queues(null, 0.9), agents, state: step.state });
    expect(step.remove).toEqual([]);
    step = thresholdRuleStep({ now: T0 + 65 * MIN, queues: queues(0.81, 0.9), agents, state: step.state });
    expect(step.remove).toHaveLength(3);
  });

  it('makes an agent of another queue a member when they are not one; leaves an unjoined member alone', () => {
    const crowd = [
      agent('m', 'IDLE', T0 - 50 * MIN, ['P'], ['support']), // not a member of sales
      agent('u', 'IDLE', T0 - 60 * MIN, ['P'], ['support'], ['support', 'sales']), // unjoined from sales
      agent('x', 'IDLE', T0 - 70 * MIN, ['P'], ['sales']), // holds P but is not joined to support
      ...agents,
    ];
    const step = thresholdRuleStep({ now: T0, queues: queues(0.5, 0.9), agents: crowd, state: emptyRuleState() });
    expect(step.add.map((a) => [a.userId, a.membership])).toEqual([
      ['m', true],
      ['c', false],
      ['b', false],
    ]);
  });

  it('two queues below at once each get their own agents', () => {
    const both = [...agents, agent('h', 'IDLE', T0 - 3 * MIN, ['S'])];
    const step = thresholdRuleStep({ now: T0, queues: queues(0.5, 0.5), agents: both, state: emptyRuleState() });
    expect(step.add.filter((a) => a.queueId === 'support').map((a) => a.userId)).toEqual(['h']);
    expect(step.add.filter((a) => a.queueId === 'sales')).toHaveLength(3);
  });
});
