import { describe, expect, it } from 'vitest';
import { checkRoutingConstraints, type RoutingConstraintsInput } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const ok = { active: true, hasRoutingRole: true, hasRoutingLicense: true };
const base: RoutingConstraintsInput = {
  changes: [],
  users: [
    { userId: 'alice', ...ok, certifications: ['pci'] },
    { userId: 'bob', ...ok, active: false },
    { userId: 'carol', ...ok, hasRoutingRole: false, hasRoutingLicense: false },
    { userId: 'dave', ...ok, occupancy: 0.95 },
  ],
  skills: [{ skillId: 'billing', requiredCertifications: ['pci'] }, { skillId: 'sales' }],
  queues: [
    { queueId: 'q-billing', requiredSkillIds: ['billing'], occupancy: 0.92 },
    { queueId: 'q-sales', requiredSkillIds: ['sales'], occupancy: 0.5 },
  ],
};

describe('checkRoutingConstraints', () => {
  it('returns no violation for an allowed plan', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [
        { action: 'add', userId: 'alice', skillId: 'billing', proficiency: 3 },
        { action: 'remove', userId: 'alice', skillId: 'sales' },
      ],
    });
    expect(violations).toEqual([]);
  });

  it('flags users who cannot take routed work, one violation per reason', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [
        { action: 'add', userId: 'bob', skillId: 'sales', proficiency: 2 },
        { action: 'update', userId: 'carol', skillId: 'sales', proficiency: 4 },
      ],
    });
    expect(violations.map((v) => [v.kind, v.userId, v.changeIndex])).toEqual([
      ['userInactive', 'bob', 0],
      ['missingRoutingRole', 'carol', 1],
      ['missingRoutingLicense', 'carol', 1],
    ]);
    for (const v of violations) expect(v.skillId).toBe('sales');
  });

  it('allows removing skills from ineligible users (clean-up)', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [{ action: 'remove', userId: 'bob', skillId: 'sales' }],
    });
    expect(violations).toEqual([]);
  });

  it('flags a missing certification and names it', () => {
    const [v, ...rest] = checkRoutingConstraints({
      ...base,
      changes: [{ action: 'add', userId: 'dave', skillId: 'billing', proficiency: 1 }],
    }).filter((x) => x.kind === 'missingCertification');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ kind: 'missingCertification', userId: 'dave', skillId: 'billing' });
    expect(v?.message).toContain('pci');
  });

  it('flags unknown users and unknown skills instead of skipping them', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [{ action: 'add', userId: 'zed', skillId: 'french', proficiency: 1 }],
    });
    expect(violations.map((v) => v.kind).sort()).toEqual(['unknownSkill', 'unknownUser']);
  });

  it('flags removals from a queue above the occupancy threshold, with the queue id', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [
        { action: 'remove', userId: 'alice', skillId: 'billing' },
        { action: 'update', userId: 'alice', skillId: 'billing', proficiency: 0 },
        { action: 'update', userId: 'alice', skillId: 'billing', proficiency: 1 },
        { action: 'remove', userId: 'alice', skillId: 'sales' },
      ],
    });
    const over = violations.filter((v) => v.kind === 'queueOverCapacity');
    expect(over.map((v) => [v.changeIndex, v.queueId])).toEqual([
      [0, 'q-billing'],
      [1, 'q-billing'],
    ]);
    expect(over[0]?.message).toContain('92%');
  });

  it('respects a custom queue threshold', () => {
    const violations = checkRoutingConstraints({
      ...base,
      options: { queueOccupancyThreshold: 0.95 },
      changes: [{ action: 'remove', userId: 'alice', skillId: 'billing' }],
    });
    expect(violations).toEqual([]);
  });

  it('flags adding work to a saturated agent', () => {
    const violations = checkRoutingConstraints({
      ...base,
      changes: [{ action: 'add', userId: 'dave', skillId: 'sales', proficiency: 1 }],
    });
    expect(violations.map((v) => v.kind)).toEqual(['agentOverCapacity']);
  });

  it('reports bad input with field paths', () => {
    expectValidationError(
      () =>
        checkRoutingConstraints({
          ...base,
          changes: [{ action: 'add', userId: 'alice', skillId: 'sales', proficiency: 7 }],
        }),
      'changes[0].proficiency',
    );
    expectValidationError(
      () => checkRoutingConstraints({ ...base, users: [base.users[0]!, base.users[0]!] }),
      'users[1].userId',
    );
    expectValidationError(
      () => checkRoutingConstraints({ ...base, users: [{ userId: 'x', active: true } as never] }),
      'users[0].hasRoutingRole',
    );
  });
});
