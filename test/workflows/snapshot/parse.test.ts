// parseSnapshot on damaged or hostile documents: a ValidationError naming the field, never a SyntaxError later.
import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../../src/index.js';
import { SNAPSHOT_KIND, parseSnapshot } from '../../../src/workflows/snapshot/snapshot.js';

const good = {
  kind: SNAPSHOT_KIND,
  version: 1,
  takenAt: '2025-01-06T08:00:00.000Z',
  org: 'https://api.example.com',
  queues: [{ id: 'q1', name: 'Sales' }],
  skills: [{ id: 's1', name: 'Billing' }],
  members: [{ queueId: 'q1', queueName: 'Sales', id: 'u1', name: 'Ann' }],
  userSkills: [{ userId: 'u1', userName: 'Ann', id: 's1', name: 'Billing', proficiency: 3 }],
};

function issuesOf(input: unknown): ValidationError['issues'] {
  let caught: unknown;
  try {
    parseSnapshot(input);
  } catch (error) {
    caught = error;
  }
  expect(isValidationError(caught), `expected a ValidationError, got ${String(caught)}`).toBe(true);
  return (caught as ValidationError).issues;
}

describe('parseSnapshot', () => {
  it('accepts a good document, as text or value', () => {
    expect(parseSnapshot(JSON.stringify(good))).toEqual(good);
    expect(parseSnapshot(good)).toBe(good);
  });

  it('turns text that is not JSON into a ValidationError (it was a SyntaxError)', () => {
    for (const text of ['', '{', 'not json', JSON.stringify(good).slice(0, -1)]) {
      const [issue] = issuesOf(text);
      expect(issue?.path).toBe('');
      expect(issue?.message).toMatch(/^not valid JSON/);
    }
    expect(issuesOf(42)[0]?.message).toContain('received number');
    expect(issuesOf([good])[0]?.message).toContain('received an array');
    expect(issuesOf(null)[0]?.message).toContain('received null');
  });

  it('checks every entry deeply and names the field', () => {
    const paths = (patch: Record<string, unknown>) => issuesOf({ ...good, ...patch }).map((i) => i.path);
    expect(paths({ takenAt: 7 })).toEqual(['takenAt']);
    expect(paths({ queues: { q1: {} } })).toEqual(['queues']);
    expect(paths({ queues: [null] })).toEqual(['queues[0]']);
    expect(paths({ skills: [{ id: '' }] })).toContain('skills[0].id');
    expect(paths({ skills: [{ label: 'no id, no name' }] })).toEqual(['skills[0]']);
    expect(paths({ members: [{ id: 'u1' }] })).toEqual(['members[0]']);
    expect(paths({ userSkills: [{ userId: 5, id: 's1' }] })).toContain('userSkills[0].userId');
    expect(paths({ queues: [{ id: 'q1', limits: { max: Number.NaN } }] })).toEqual(['queues[0].limits.max']);
    expect(paths({ queues: [{ id: 'q1', big: 10n }] })).toEqual(['queues[0].big']);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(issuesOf({ ...good, queues: [{ id: 'q1', deep }] })[0]?.message).toContain('nested deeper than 64 levels');
  });
});
