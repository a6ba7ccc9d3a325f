import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageSpeedOfAnswer, erlangA, occupancy, serviceLevel } from '../../../../src/optimizer/queueing/index.js';
import { whatIf, type WhatIfInput } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

// 100 calls / 30 min x 180 s = 10 Erlangs.
const billing = {
  queueId: 'billing',
  requiredSkillIds: ['billing'],
  calls: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  targetSeconds: 20,
};
const TRAFFIC = 10;
const users = (n: number, prefix = 'a'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

function singleQueue(n: number, extraMembers: string[] = []): WhatIfInput {
  const agents = users(n);
  return {
    queues: [billing],
    membership: {
      members: [...agents, ...extraMembers].map((userId) => ({ queueId: 'billing', userId })),
      userSkills: Object.fromEntries(agents.map((u) => [u, { billing: 3 }])),
    },
    changes: [],
  };
}

describe('whatIf (Erlang)', () => {
  it('derives before/after from the head counts through Erlang C', () => {
    const input = singleQueue(12, ['new1', 'new2']);
    const result = whatIf({
      ...input,
      changes: [
        { action: 'add', userId: 'new1', skillId: 'billing', proficiency: 2 },
        { action: 'add', userId: 'new2', skillId: 'billing', proficiency: 1 },
      ],
    });
    const [q] = result.queues;
    expect(q?.method).toBe('erlangC');
    expect(q?.trafficErlangs).toBeCloseTo(TRAFFIC, 12);
    expect(q?.before).toMatchObject({ agents: 12, headcount: 12, overloaded: false, abandonRate: null });
    expect(q?.after).toMatchObject({ agents: 14, headcount: 14 });
    const sl = (agents: number) => serviceLevel({ agents, traffic: TRAFFIC, ahtSeconds: 180, targetSeconds: 20 });
    expect(q?.before.serviceLevel).toBe(sl(12));
    expect(q?.after.serviceLevel).toBe(sl(14));
    expect(q?.before.asaSeconds).toBe(averageSpeedOfAnswer({ agents: 12, traffic: TRAFFIC, ahtSeconds: 180 }));
    expect(q?.after.occupancy).toBe(occupancy({ agents: 14, traffic: TRAFFIC }));
    expect(q?.delta.serviceLevel).toBeCloseTo(sl(14) - sl(12), 12);
    expect(q?.delta).toMatchObject({ agents: 2, headcount: 2 });
    expect(result.warnings).toEqual([]);
  });

  it('counts an agent only as a member holding every required skill with proficiency > 0', () => {
    const input: WhatIfInput = {
      queues: [{ ...billing, requiredSkillIds: ['billing', 'french'] }],
      membership: {
        members: ['both', 'onlyBilling', 'zeroFrench', 'notMember']
          .filter((u) => u !== 'notMember')
          .map((userId) => ({ queueId: 'billing', userId })),
        userSkills: {
          both: { billing: 3, french: 2 },
          onlyBilling: { billing: 5 },
          zeroFrench: { billing: 4, french: 0 },
          notMember: { billing: 5, french: 5 },
        },
      },
      changes: [
        { action: 'update', userId: 'zeroFrench', skillId: 'french', proficiency: 1 },
        { action: 'remove', userId: 'both', skillId: 'french' },
        { action: 'add', userId: 'notMember', skillId: 'billing', proficiency: 5 },
      ],
    };
    const [q] = whatIf(input).queues;
    expect(q?.before.headcount).toBe(1); // both
    expect(q?.after.headcount).toBe(1); // zeroFrench (raised to 1); both lost french
    const { warnings } = whatIf(input);
    expect(warnings.map((w) => w.path)).toEqual(['changes[2]', 'changes[2]']);
    expect(warnings[0]?.message).toContain('already holds');
    expect(warnings[1]?.message).toContain('not a member');
  });

  it('apportions a shared agent by load, evenly or fully, and interpolates fractional agents', () => {
    const q2 = { ...billing, queueId: 'sales', requiredSkillIds: ['sales'], calls: 300 }; // 30 Erlangs
    const base = {
      queues: [billing, q2],
      membership: {
        members: [
          { queueId: 'billing', userId: 'shared' },
          { queueId: 'sales', userId: 'shared' },
          ...users(11).map((userId) => ({ queueId: 'billing', userId })),
        ],
        userSkills: {
          shared: { billing: 3, sales: 3 },
          ...Object.fromEntries(users(11).map((u) => [u, { billing: 3 }])),
        },
      },
      changes: [],
    };
    const byLoad = whatIf(base).queues;
    expect(byLoad[0]?.before.agents).toBeCloseTo(11.25, 9); // 11 + 10 / (10 + 30)
    expect(byLoad[1]?.before.agents).toBeCloseTo(0.75, 9);
    expect(byLoad[0]?.before.headcount).toBe(12);
    const sl = (n: number) => serviceLevel({ agents: n, traffic: TRAFFIC, ahtSeconds: 180, targetSeconds: 20 });
    expect(byLoad[0]?.before.serviceLevel).toBeCloseTo(sl(11) + 0.25 * (sl(12) - sl(11)), 12);
    expect(byLoad[1]?.before).toMatchObject({ overloaded: true, asaSeconds: null, serviceLevel: 0 });

    expect(whatIf({ ...base, options: { apportion: 'equal' } }).queues[0]?.before.agents).toBeCloseTo(11.5, 9);
    const full = whatIf({ ...base, options: { apportion: 'full' } }).queues;
    expect(full.map((q) => q.before.agents)).toEqual([12, 1]);
  });

  it('shows that giving a shared agent a second queue takes capacity from the first', () => {
    const q2 = { ...billing, queueId: 'sales', requiredSkillIds: ['sales'] };
    const input: WhatIfInput = {
      queues: [billing, q2],
      membership: {
        members: [
          ...users(12).map((userId) => ({ queueId: 'billing', userId })),
          ...users(12).map((userId) => ({ queueId: 'sales', userId })),
        ],
        userSkills: Object.fromEntries(users(12).map((u) => [u, { billing: 3 }])),
      },
      changes: users(3).map((userId) => ({ action: 'add' as const, userId, skillId: 'sales', proficiency: 1 })),
    };
    const [b, s] = whatIf(input).queues;
    expect(b?.delta.agents).toBeCloseTo(-1.5, 9); // three agents now split 50/50
    expect(b?.delta.serviceLevel).toBeLessThan(0);
    expect(s?.delta.agents).toBeCloseTo(1.5, 9);
    expect(s?.delta.headcount).toBe(3);
  });

  it('uses Erlang A when the queue has patience, and handles losing every agent', () => {
    const input = singleQueue(9);
    input.queues = [{ ...billing, patienceSeconds: 120 }];
    const [q] = whatIf({
      ...input,
      changes: users(9).map((userId) => ({ action: 'remove' as const, userId, skillId: 'billing' })),
    }).queues;
    expect(q?.method).toBe('erlangA');
    const a = erlangA({ agents: 9, traffic: TRAFFIC, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 });
    expect(q?.before).toMatchObject({
      serviceLevel: a.serviceLevel,
      asaSeconds: a.asaSeconds,
      occupancy: a.occupancy,
      abandonRate: a.probabilityOfAbandon,
    });
    expect(q?.before.overloaded).toBe(true);
    expect(q?.after).toMatchObject({
      agents: 0,
      headcount: 0,
      serviceLevel: 0,
      asaSeconds: null,
      abandonRate: 1,
      occupancy: 0,
    });
    expect(q?.delta.asaSeconds).toBeNull();
  });

  it('never returns NaN or Infinity, and adding capacity never hurts a single queue (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 10, max: 600 }), { nil: undefined }),
        (n, added, calls, patience) => {
          const input = singleQueue(n, users(added, 'x'));
          input.queues = [{ ...billing, calls, ...(patience === undefined ? {} : { patienceSeconds: patience }) }];
          input.changes = users(added, 'x').map((userId) => ({
            action: 'add' as const,
            userId,
            skillId: 'billing',
            proficiency: 1,
          }));
          const [q] = whatIf(input).queues;
          const numbers = JSON.stringify(q, (_, v: unknown) =>
            typeof v === 'number' && !Number.isFinite(v) ? 'NON-FINITE' : v,
          );
          expect(numbers).not.toContain('NON-FINITE');
          expect(q?.after.headcount).toBe(n + added);
          expect(q?.after.serviceLevel).toBeGreaterThanOrEqual((q?.before.serviceLevel ?? 0) - 1e-12);
          for (const m of [q?.before, q?.after]) {
            expect(m?.serviceLevel).toBeGreaterThanOrEqual(0);
            expect(m?.serviceLevel).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('validates input with field paths', () => {
    const input = singleQueue(2);
    expectValidationError(
      () => whatIf({ ...input, changes: [{ action: 'add', userId: 'a00', skillId: 'billing', proficiency: 9 }] }),
      'changes[0].proficiency',
    );
    expectValidationError(
      () => whatIf({ ...input, changes: [{ action: 'add', userId: 'a00', skillId: 'billing' } as never] }),
      'changes[0].proficiency',
    );
    expectValidationError(() => whatIf({ ...input, queues: [{ ...billing, ahtSeconds: 0 }] }), 'queues[0].ahtSeconds');
    expectValidationError(() => whatIf({ ...input, queues: [billing, billing] }), 'queues[1].queueId');
    expectValidationError(
      () => whatIf({ ...input, membership: { ...input.membership, members: [{ queueId: 'nope', userId: 'a00' }] } }),
      'membership.members[0].queueId',
    );
    expectValidationError(() => whatIf({ ...input, options: { engine: 'montecarlo' as never } }), 'options.engine');
  });
});

describe('whatIf (simulate)', () => {
  const simOptions = {
    engine: 'simulate' as const,
    simulation: { replications: 6, seed: 7, durationSeconds: 40 * 3600, warmupSeconds: 3600 },
  };

  it('agrees with Erlang C for an unshared queue, within the confidence interval', () => {
    const input = {
      ...singleQueue(12, ['new1']),
      changes: [{ action: 'add' as const, userId: 'new1', skillId: 'billing', proficiency: 2 }],
    };
    const sim = whatIf({ ...input, options: simOptions }).queues[0];
    const erl = whatIf(input).queues[0];
    expect(sim?.method).toBe('simulate');
    expect(sim?.after.headcount).toBe(13);
    for (const which of ['before', 'after'] as const) {
      const s = sim?.[which];
      const margin = 3 * (s?.halfWidth?.serviceLevel ?? 1) + 0.02;
      expect(Math.abs((s?.serviceLevel ?? 0) - (erl?.[which].serviceLevel ?? 0))).toBeLessThan(margin);
      expect(Math.abs((s?.occupancy ?? 0) - (erl?.[which].occupancy ?? 0))).toBeLessThan(0.05);
      expect(s?.abandonRate).toBeNull();
    }
    expect(sim?.delta.serviceLevel).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and reports abandonment with patience', () => {
    const input = singleQueue(8);
    input.queues = [
      { ...billing, patienceSeconds: 90 },
      { ...billing, queueId: 'quiet', requiredSkillIds: [], calls: 0, targetSeconds: 30 },
    ];
    const run = () => whatIf({ ...input, options: simOptions });
    expect(run()).toEqual(run());
    const [busy, quiet] = run().queues;
    expect(busy?.before.abandonRate).toBeGreaterThan(0);
    expect(busy?.before.halfWidth?.abandonRate).not.toBeNull();
    expect(quiet?.before).toMatchObject({ serviceLevel: 1, headcount: 0 });
  });

  it('handles a scenario where nobody serves any queue', () => {
    const input = {
      ...singleQueue(3),
      changes: users(3).map((userId) => ({ action: 'remove' as const, userId, skillId: 'billing' })),
    };
    const [q] = whatIf({ ...input, options: simOptions }).queues;
    expect(q?.after).toMatchObject({ headcount: 0, serviceLevel: 0, asaSeconds: null, occupancy: 0 });
  });
});
