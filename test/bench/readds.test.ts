// `npm run bench:autopilot`'s re-added column (bench/autopilot/readds.ts), read from audit records alone.
import { describe, expect, it } from 'vitest';
import { readdsWithinHour } from '../../bench/autopilot/readds.js';
import type { EmulatorAuditEntry } from '../../src/testing/index.js';

const MIN = 60_000;
const start = Date.parse('2026-11-24T10:00:00Z');

function skills(userId: string, minute: number, before: string[], after: string[]): EmulatorAuditEntry {
  const value = (id: string) => JSON.stringify({ id, name: id, proficiency: 1 });
  return {
    action: 'Update',
    entityType: 'User',
    entity: { id: userId },
    eventDate: new Date(start + minute * MIN).toISOString(),
    propertyChanges: [{ property: 'skills', oldValues: before.map(value), newValues: after.map(value) }],
  } as EmulatorAuditEntry;
}

function members(queueId: string, minute: number, before: string[], after: string[]): EmulatorAuditEntry {
  return {
    action: 'MemberAdd',
    entityType: 'Queue',
    entity: { id: queueId },
    eventDate: new Date(start + minute * MIN).toISOString(),
    propertyChanges: [{ property: 'members', oldValues: before, newValues: after }],
  } as EmulatorAuditEntry;
}

describe('readdsWithinHour', () => {
  it('counts a skill added, returned and added again within the hour', () => {
    const log = [
      skills('u1', 0, ['a'], ['a', 's']),
      skills('u1', 40, ['a', 's'], ['a']),
      skills('u1', 100, ['a'], ['a', 's']),
    ];
    expect(readdsWithinHour(log)).toBe(1);
  });

  it('does not count a re-add more than an hour after the return', () => {
    const log = [skills('u1', 0, [], ['s']), skills('u1', 40, ['s'], []), skills('u1', 101, [], ['s'])];
    expect(readdsWithinHour(log)).toBe(0);
  });

  it('does not count giving back a skill the agent held before the records began', () => {
    const log = [skills('u1', 0, ['s'], []), skills('u1', 10, [], ['s'])];
    expect(readdsWithinHour(log)).toBe(0);
  });

  it('keeps agents and skills apart, and reads memberships too', () => {
    const log = [
      skills('u1', 0, [], ['s']),
      skills('u1', 10, ['s'], []),
      skills('u2', 20, [], ['s']),
      skills('u1', 30, [], ['t']),
      members('q1', 0, [], ['u1']),
      members('q1', 10, ['u1'], []),
      members('q1', 20, [], ['u1']),
    ];
    expect(readdsWithinHour(log)).toBe(1);
  });
});
