import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRecommendationThresholds as T,
  recommendSkillChanges,
  recommendationsToChanges,
  type RecommendationInput,
} from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

type Usage = RecommendationInput['usage'][number];
const holder = (userId: string, skillId: string, offered: number, handled: number, proficiency = 2): Usage => ({
  userId,
  skillId,
  offered,
  handled,
  proficiency,
});

describe('recommendSkillChanges', () => {
  it('suggests ADD for a user who handles a skill they do not hold', () => {
    const { recommendations } = recommendSkillChanges({
      usage: [
        { userId: 'ann', skillId: 'billing', offered: 0, handled: 14 },
        holder('bob', 'billing', 100, 80),
        holder('cat', 'billing', 100, 70),
      ],
    });
    expect(recommendations).toEqual([
      expect.objectContaining({
        action: 'ADD',
        userId: 'ann',
        skillId: 'billing',
        proficiency: T.addProficiency,
        rule: 'handledWithoutSkill',
        evidence: 14,
      }),
    ]);
    expect(recommendations[0]?.reasons.join(' ')).toContain('handled 14');
  });

  it('suggests REMOVE for an unused skill and for a declined one, ranked by evidence', () => {
    const { recommendations } = recommendSkillChanges({
      usage: [
        holder('ann', 'sales', 0, 0),
        holder('bob', 'sales', 40, 5),
        holder('cat', 'sales', 200, 180),
        holder('dan', 'sales', 200, 150),
      ],
    });
    expect(recommendations.map((r) => [r.action, r.userId, r.rule, r.evidence])).toEqual([
      // Demand falls back to the usage sum: 0 + 40 + 200 + 200 = 440.
      ['REMOVE', 'ann', 'unused', 440],
      ['REMOVE', 'bob', 'declined', 35],
    ]);
    expect(recommendations[1]?.reasons[0]).toContain('12.5%');
  });

  it('applies the noise floor to skill demand', () => {
    const usage = [holder('ann', 'rare', 0, 0), holder('bob', 'rare', 10, 10), holder('cat', 'rare', 10, 10)];
    expect(recommendSkillChanges({ usage }).recommendations).toEqual([]);
    expect(
      recommendSkillChanges({ usage, demand: [{ skillId: 'rare', offered: T.minSkillDemand }] }).recommendations,
    ).toHaveLength(1);
    expect(recommendSkillChanges({ usage, thresholds: { minSkillDemand: 0 } }).recommendations).toHaveLength(1);
  });

  it('does not remove back-up holders of a skill under pressure; adds there only when asked', () => {
    const usage = [
      holder('ann', 'claims', 0, 0),
      holder('bob', 'claims', 90, 90),
      holder('cat', 'claims', 90, 90),
      { userId: 'dan', skillId: 'claims', offered: 0, handled: 12 },
    ];
    const demand = [{ skillId: 'claims', offered: 500, serviceLevel: 0.6, serviceLevelTarget: 0.8 }];
    const pressed = recommendSkillChanges({ usage, demand, thresholds: { addOnlyUnderPressure: true } });
    expect(pressed.recommendations.map((r) => `${r.action}:${r.userId}`)).toEqual(['ADD:dan']);
    const calm = recommendSkillChanges({
      usage,
      demand: [{ ...demand[0]!, serviceLevel: 0.9 }],
      thresholds: { addOnlyUnderPressure: true },
    });
    expect(calm.recommendations.map((r) => `${r.action}:${r.userId}`)).toEqual(['REMOVE:ann']);
  });

  it('defers removals that would leave a skill with too few holders', () => {
    const { recommendations, deferred } = recommendSkillChanges({
      usage: [holder('ann', 'vip', 0, 0), holder('bob', 'vip', 0, 0), holder('cat', 'vip', 80, 80)],
    });
    // Three holders, minHoldersPerSkill 2: the first removal leaves 2, the second would leave 1.
    expect(recommendations.map((r) => r.userId)).toEqual(['ann']);
    expect(deferred.map((d) => [d.userId, d.deferredBy])).toEqual([['bob', 'minHoldersPerSkill']]);
    expect(deferred[0]?.deferReason).toContain('1 holder(s)');
    const looser = recommendSkillChanges({
      usage: [holder('ann', 'vip', 0, 0), holder('bob', 'vip', 0, 0), holder('cat', 'vip', 80, 80)],
      thresholds: { minHoldersPerSkill: 1 },
    });
    expect(looser.recommendations.map((r) => r.userId)).toEqual(['ann', 'bob']);
  });

  it('turns recommendations into skill changes', () => {
    const { recommendations } = recommendSkillChanges({
      usage: [
        { userId: 'ann', skillId: 'x', offered: 0, handled: 60 },
        holder('bob', 'x', 100, 0, 3),
        holder('c', 'x', 1, 1),
        holder('d', 'x', 1, 1),
      ],
    });
    // bob's unused skill: evidence = demand 0 + 100 + 1 + 1 = 102, ahead of ann's 60 handled.
    expect(recommendationsToChanges(recommendations)).toEqual([
      { action: 'remove', userId: 'bob', skillId: 'x', previousProficiency: 3 },
      { action: 'add', userId: 'ann', skillId: 'x', proficiency: T.addProficiency },
    ]);
    expectValidationError(
      () => recommendationsToChanges([{ ...recommendations[1]!, proficiency: undefined }]),
      '[0].proficiency',
    );
  });

  it('validates input with paths', () => {
    expectValidationError(() => recommendSkillChanges({ usage: [holder('a', 's', 5, 9)] }), 'usage[0].handled');
    expectValidationError(
      () => recommendSkillChanges({ usage: [holder('a', 's', 1, 1), holder('a', 's', 2, 2)] }),
      'usage[1]',
    );
    expectValidationError(
      () => recommendSkillChanges({ usage: [], thresholds: { maxChanges: -1 } }),
      'thresholds.maxChanges',
    );
    expectValidationError(
      () => recommendSkillChanges({ usage: [], thresholds: { maxChange: 1 } as never }),
      'thresholds.maxChange',
    );
    expectValidationError(
      () =>
        recommendSkillChanges({
          usage: [],
          demand: [
            { skillId: 's', offered: 1 },
            { skillId: 's', offered: 2 },
          ],
        }),
      'demand[1].skillId',
    );
  });

  it('never exceeds the caps, and defers only what a cap holds back (property)', () => {
    const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
    const skills = ['s0', 's1', 's2', 's3'];
    const rowArb = fc.record({
      offered: fc.integer({ min: 0, max: 200 }),
      handledShare: fc.integer({ min: 0, max: 100 }),
      held: fc.boolean(),
      present: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: users.length * skills.length, maxLength: users.length * skills.length }),
        fc.record({
          maxChanges: fc.integer({ min: 0, max: 12 }),
          maxChangesPerUser: fc.integer({ min: 0, max: 4 }),
          minHoldersPerSkill: fc.integer({ min: 0, max: 3 }),
          minSkillDemand: fc.integer({ min: 0, max: 300 }),
          addMinHandled: fc.integer({ min: 1, max: 30 }),
        }),
        (rows, thresholds) => {
          const usage: Usage[] = [];
          rows.forEach((r, i) => {
            if (!r.present) return;
            const userId = users[i % users.length] ?? 'u0';
            const skillId = skills[Math.floor(i / users.length)] ?? 's0';
            const handled = Math.floor((r.offered * r.handledShare) / 100);
            usage.push(
              r.held ? holder(userId, skillId, r.offered, handled) : { userId, skillId, offered: r.offered, handled },
            );
          });
          const { recommendations, deferred } = recommendSkillChanges({ usage, thresholds });
          expect(recommendations.length).toBeLessThanOrEqual(thresholds.maxChanges);
          const perUser = new Map<string, number>();
          for (const r of recommendations) perUser.set(r.userId, (perUser.get(r.userId) ?? 0) + 1);
          for (const n of perUser.values()) expect(n).toBeLessThanOrEqual(thresholds.maxChangesPerUser);
          for (const s of skills) {
            const holders = usage.filter((u) => u.skillId === s && u.proficiency !== undefined).length;
            const removed = recommendations.filter((r) => r.skillId === s && r.action === 'REMOVE').length;
            if (removed > 0) expect(holders - removed).toBeGreaterThanOrEqual(thresholds.minHoldersPerSkill);
          }
          // No user-skill pair twice; ranked by evidence.
          const keys = [...recommendations, ...deferred].map((r) => `${r.userId}/${r.skillId}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (let i = 1; i < recommendations.length; i++) {
            expect(recommendations[i - 1]!.evidence).toBeGreaterThanOrEqual(recommendations[i]!.evidence);
          }
          // Something is deferred by maxChanges only when the total cap is full.
          if (deferred.some((d) => d.deferredBy === 'maxChanges'))
            expect(recommendations.length).toBe(thresholds.maxChanges);
          for (const d of deferred.filter((x) => x.deferredBy === 'maxChangesPerUser')) {
            expect(perUser.get(d.userId) ?? 0).toBe(thresholds.maxChangesPerUser);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
