import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../src/optimizer/index.js';
import {
  applyDiff,
  diffSkillMatrix,
  toBulkPayloads,
  type BulkPayload,
  type DiffMode,
  type SkillMatrix,
} from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

/** The platform's semantics for the three calls (user routing skills, Genesys Cloud Platform API), applied to a matrix. */
function execute(
  matrix: SkillMatrix,
  payloads: readonly BulkPayload[],
  onStep?: (m: Record<string, Record<string, number>>) => void,
) {
  const out: Record<string, Record<string, number>> = {};
  for (const [u, skills] of Object.entries(matrix)) out[u] = { ...skills };
  for (const p of payloads) {
    const skills = (out[p.userId] ??= {});
    if (p.method === 'DELETE') delete skills[p.skillId];
    else if (p.method === 'PATCH') for (const item of p.items) skills[item.id] = item.proficiency;
    else out[p.userId] = Object.fromEntries(p.items.map((i) => [i.id, i.proficiency]));
    onStep?.(out);
  }
  return out;
}

const manySkills = (n: number, proficiency = 1): Record<string, number> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${String(i).padStart(3, '0')}`, proficiency]));

describe('toBulkPayloads', () => {
  it("'set': PATCH chunks of at most 50 items, no removals", () => {
    const diff = diffSkillMatrix({ u1: { old: 2 } }, { u1: manySkills(120) }, { mode: 'set' });
    const payloads = toBulkPayloads(diff);
    expect(payloads.map((p) => p.method)).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(payloads.map((p) => (p.method === 'DELETE' ? 0 : p.items.length))).toEqual([50, 50, 20]);
    expect(payloads[0]?.path).toBe('/api/v2/users/u1/routingskills/bulk');
    expect(execute({ u1: { old: 2 } }, payloads)).toEqual(applyDiff({ u1: { old: 2 } }, diff));
  });

  it("'replace' with <= 50 resulting skills: one PUT carrying the whole set, unchanged skills included", () => {
    const cur = { u1: { keep: 3, drop: 2, bump: 1 } };
    const diff = diffSkillMatrix(cur, { u1: { keep: 3, bump: 2, fresh: 1 } }, { mode: 'replace' });
    const payloads = toBulkPayloads(diff);
    expect(payloads).toEqual([
      {
        userId: 'u1',
        method: 'PUT',
        path: '/api/v2/users/u1/routingskills/bulk',
        items: [
          { id: 'bump', proficiency: 2 },
          { id: 'fresh', proficiency: 1 },
          { id: 'keep', proficiency: 3 },
        ],
      },
    ]);
  });

  it("'replace' with > 50 resulting skills: PATCH chunks first, then one DELETE per removal", () => {
    const cur = { u1: { ...manySkills(60), gone: 1 } };
    const want = { ...manySkills(60), s000: 4, s059: 5, extra: 2 };
    const diff = diffSkillMatrix(cur, { u1: want }, { mode: 'replace' });
    const payloads = toBulkPayloads(diff);
    expect(payloads.map((p) => p.method)).toEqual(['PATCH', 'DELETE']);
    const [patch, del] = payloads;
    expect(patch?.method === 'PATCH' && patch.items.map((i) => i.id)).toEqual(['extra', 's000', 's059']);
    expect(del).toEqual({
      userId: 'u1',
      method: 'DELETE',
      path: '/api/v2/users/u1/routingskills/gone',
      skillId: 'gone',
    });
    expect(execute(cur, payloads)).toEqual({ u1: want });
  });

  it("'replace' to an empty set uses DELETEs, not an empty PUT", () => {
    const diff = diffSkillMatrix({ u1: { a: 1, b: 2 } }, { u1: {} }, { mode: 'replace' });
    expect(toBulkPayloads(diff).map((p) => (p.method === 'DELETE' ? p.skillId : p.method))).toEqual(['a', 'b']);
  });

  it('emits nothing for users without changes and encodes ids in paths', () => {
    const diff = diffSkillMatrix(
      { same: { a: 1 }, 'x/y': {} },
      { same: { a: 1 }, 'x/y': { 'b c': 1 } },
      { mode: 'replace' },
    );
    const payloads = toBulkPayloads(diff);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.path).toBe('/api/v2/users/x%2Fy/routingskills/bulk');
  });

  it('rejects a malformed diff or options', () => {
    const diff = diffSkillMatrix({}, { u: { a: 1 } });
    expectValidationError(
      () => toBulkPayloads({ ...diff, add: [{ userId: 'u', skillId: 'a', proficiency: 9 }] }),
      'diff.add[0].proficiency',
    );
    expectValidationError(() => toBulkPayloads(diff, { maxItems: 51 }), 'options.maxItems');
  });

  const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const matrixArb = fc.dictionary(
    fc.constantFrom(...ids('u', 4)),
    fc.dictionary(fc.constantFrom(...ids('s', 9)), fc.integer({ min: 0, max: 5 })),
    { maxKeys: 4 },
  );

  it('executing the payloads with platform semantics yields applyDiff, within limits, never dropping a kept skill (property)', () => {
    fc.assert(
      fc.property(
        matrixArb,
        matrixArb,
        fc.constantFrom<DiffMode>('set', 'upgradeOnly', 'replace'),
        fc.integer({ min: 1, max: 6 }),
        (cur, des, mode, maxItems) => {
          const diff = diffSkillMatrix(cur, des, { mode });
          const payloads = toBulkPayloads(diff, { maxItems });
          const expected = applyDiff(cur, diff);
          // Skills a user holds before and after must never be missing in between.
          const stays = (u: string): string[] => Object.keys(cur[u] ?? {}).filter((s) => s in (expected[u] ?? {}));
          const result = execute(cur, payloads, (state) => {
            for (const u of Object.keys(state)) for (const s of stays(u)) expect(state[u]).toHaveProperty(s);
          });
          expect(result).toEqual(expected);
          for (const p of payloads) {
            if (p.method !== 'DELETE') {
              expect(p.items.length).toBeGreaterThan(0);
              expect(p.items.length).toBeLessThanOrEqual(maxItems);
            }
            if (mode !== 'replace') expect(p.method).toBe('PATCH');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses the platform limit of 50 by default', () => {
    expect(LIMITS.skillsPerBulkCall).toBe(50);
    const diff = diffSkillMatrix({}, { u: manySkills(51) });
    expect(toBulkPayloads(diff).map((p) => (p.method === 'DELETE' ? 0 : p.items.length))).toEqual([50, 1]);
  });

  it('refuses ids with a lone surrogate (they cannot go into a URL) instead of throwing URIError', () => {
    const diff = diffSkillMatrix({}, { 'u\ud800': { s: 1 } });
    expectValidationError(() => toBulkPayloads(diff), 'diff.add[0].userId');
    const removal = diffSkillMatrix({ u: { 's\udc00': 1 } }, { u: {} }, { mode: 'replace' });
    expectValidationError(() => toBulkPayloads(removal), 'diff.remove[0].skillId');
    // A well-formed astral character is fine, and encoded.
    expect(toBulkPayloads(diffSkillMatrix({}, { 'u\u{1F600}': { s: 1 } }))[0]?.path).toBe(
      '/api/v2/users/u%F0%9F%98%80/routingskills/bulk',
    );
  });
});
