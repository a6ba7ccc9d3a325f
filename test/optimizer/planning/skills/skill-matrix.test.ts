import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDiff,
  diffSkillMatrix,
  diffToChanges,
  isEmptyDiff,
  skillMatrixFromRows,
  type DiffMode,
  type SkillMatrix,
} from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const current: SkillMatrix = {
  u1: { billing: 3, sales: 2, legacy: 1 },
  u2: { sales: 4 },
  untouched: { billing: 5 },
};
const desired: SkillMatrix = {
  u1: { billing: 4, sales: 1, french: 2 },
  u2: {},
  u3: { billing: 1 },
};

describe('diffSkillMatrix', () => {
  it("'set' adds and updates what desired lists and never removes", () => {
    const d = diffSkillMatrix(current, desired, { mode: 'set' });
    expect(d.mode).toBe('set');
    expect(d.add).toEqual([
      { userId: 'u1', skillId: 'french', proficiency: 2 },
      { userId: 'u3', skillId: 'billing', proficiency: 1 },
    ]);
    expect(d.update).toEqual([
      { userId: 'u1', skillId: 'billing', proficiency: 4, previousProficiency: 3 },
      { userId: 'u1', skillId: 'sales', proficiency: 1, previousProficiency: 2 },
    ]);
    expect(d.remove).toEqual([]);
    expect(d.skipped).toEqual([]);
  });

  it("'upgradeOnly' skips lowering with a reason", () => {
    const d = diffSkillMatrix(current, desired, { mode: 'upgradeOnly' });
    expect(d.update).toEqual([{ userId: 'u1', skillId: 'billing', proficiency: 4, previousProficiency: 3 }]);
    expect(d.remove).toEqual([]);
    expect(d.skipped).toEqual([
      expect.objectContaining({
        userId: 'u1',
        skillId: 'sales',
        code: 'wouldLower',
        proficiency: 1,
        reason: expect.stringContaining('2 -> 1'),
      }),
    ]);
  });

  it("'replace' also removes what desired does not list, but never touches users desired omits", () => {
    const d = diffSkillMatrix(current, desired, { mode: 'replace' });
    expect(d.remove).toEqual([
      { userId: 'u1', skillId: 'legacy', previousProficiency: 1 },
      { userId: 'u2', skillId: 'sales', previousProficiency: 4 },
    ]);
    expect([...d.add, ...d.update, ...d.remove, ...d.unchanged].some((e) => e.userId === 'untouched')).toBe(false);
  });

  it('treats changes below minDelta as unchanged and records the desired value', () => {
    const d = diffSkillMatrix({ u: { a: 3, b: 3, c: 3 } }, { u: { a: 3.25, b: 3.5, c: 3 } }, { minDelta: 0.5 });
    expect(d.update).toEqual([{ userId: 'u', skillId: 'b', proficiency: 3.5, previousProficiency: 3 }]);
    expect(d.unchanged).toEqual([
      { userId: 'u', skillId: 'a', proficiency: 3, desiredProficiency: 3.25 },
      { userId: 'u', skillId: 'c', proficiency: 3 },
    ]);
  });

  it('skips adds beyond maxSkillsPerUser, keeping the highest desired proficiencies', () => {
    const d = diffSkillMatrix({ u: { a: 1, b: 1 } }, { u: { a: 1, x: 2, y: 5, z: 3 } }, { maxSkillsPerUser: 4 });
    // 'set' keeps a and b: room for 2 adds -> y (5) and z (3); x (2) is skipped.
    expect(d.add.map((a) => a.skillId)).toEqual(['y', 'z']);
    expect(d.skipped).toEqual([
      expect.objectContaining({ skillId: 'x', code: 'maxSkillsPerUser', reason: expect.stringContaining('4') }),
    ]);
    // 'replace' drops b first, so there is room for all three adds.
    const r = diffSkillMatrix(
      { u: { a: 1, b: 1 } },
      { u: { a: 1, x: 2, y: 5, z: 3 } },
      { mode: 'replace', maxSkillsPerUser: 4 },
    );
    expect(r.add.map((a) => a.skillId)).toEqual(['x', 'y', 'z']);
    expect(r.skipped).toEqual([]);
  });

  it('treats ids that look like Object.prototype members as plain data', () => {
    const d = diffSkillMatrix({ constructor: { toString: 1 } }, { constructor: { toString: 2, hasOwnProperty: 1 } });
    expect(d.update).toEqual([{ userId: 'constructor', skillId: 'toString', proficiency: 2, previousProficiency: 1 }]);
    expect(d.add).toEqual([{ userId: 'constructor', skillId: 'hasOwnProperty', proficiency: 1 }]);
    expect(applyDiff({}, diffSkillMatrix({}, { toString: { valueOf: 1 } }))).toEqual({ toString: { valueOf: 1 } });
  });

  it('reports bad input with field paths', () => {
    expectValidationError(() => diffSkillMatrix({}, { u1: { billing: 6 } }), 'desired.u1.billing');
    expectValidationError(() => diffSkillMatrix({ u1: { billing: -1 } }, {}), 'current.u1.billing');
    expectValidationError(() => diffSkillMatrix({}, {}, { mode: 'merge' as DiffMode }), 'options.mode');
    expectValidationError(() => diffSkillMatrix({}, {}, { minDelta: -1 }), 'options.minDelta');
    expect(
      expectValidationError(() => diffSkillMatrix({}, {}, { maxSkilsPerUser: 3 } as never), 'options.maxSkilsPerUser')
        .message,
    ).toContain('did you mean maxSkillsPerUser?');
  });
});

describe('applyDiff', () => {
  it('applies adds, updates and removals without mutating the input', () => {
    const before = JSON.stringify(current);
    const next = applyDiff(current, diffSkillMatrix(current, desired, { mode: 'replace' }));
    expect(JSON.stringify(current)).toBe(before);
    expect(next).toEqual({
      u1: { billing: 4, sales: 1, french: 2 },
      u2: {},
      u3: { billing: 1 },
      untouched: { billing: 5 },
    });
  });

  it('isEmptyDiff looks only at add, update and remove', () => {
    expect(isEmptyDiff(diffSkillMatrix(current, current))).toBe(true);
    expect(isEmptyDiff(diffSkillMatrix(current, desired))).toBe(false);
    expectValidationError(() => isEmptyDiff({ add: [], update: [] } as never), 'remove');
  });

  it('rejects a stale diff', () => {
    const d = diffSkillMatrix(current, desired, { mode: 'replace' });
    expectValidationError(() => applyDiff(applyDiff(current, d), d), 'diff.add[0]');
    expectValidationError(() => applyDiff({}, { ...d, add: [] }), 'diff.update[0]');
    expectValidationError(() => applyDiff({}, { ...d, add: [], update: [] }), 'diff.remove[0]');
  });
});

describe('diff idempotence (property)', () => {
  const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const proficiencyArb = fc.integer({ min: 0, max: 10 }).map((x) => x / 2);
  const matrixArb = fc.dictionary(
    fc.constantFrom(...ids('u', 5)),
    fc.dictionary(fc.constantFrom(...ids('s', 8)), proficiencyArb),
    {
      maxKeys: 5,
    },
  );
  const optionsArb = fc.record({
    mode: fc.constantFrom<DiffMode>('set', 'upgradeOnly', 'replace'),
    maxSkillsPerUser: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    minDelta: fc.constantFrom(0, 0.5, 1, 2),
  });

  it('a diff computed after applying the previous diff is empty', () => {
    fc.assert(
      fc.property(matrixArb, matrixArb, optionsArb, (cur, des, options) => {
        const first = diffSkillMatrix(cur, des, options);
        const next = applyDiff(cur, first);
        const second = diffSkillMatrix(next, des, options);
        expect(isEmptyDiff(second)).toBe(true);
        // Whatever was skipped stays skipped for the same reason; nothing new appears.
        expect(second.skipped.map((s) => [s.userId, s.skillId, s.code])).toEqual(
          first.skipped.map((s) => [s.userId, s.skillId, s.code]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('every desired entry is accounted for exactly once, and caps hold', () => {
    fc.assert(
      fc.property(matrixArb, matrixArb, optionsArb, (cur, des, options) => {
        const d = diffSkillMatrix(cur, des, options);
        const listed = [...d.add, ...d.update, ...d.unchanged, ...d.skipped]
          .map((e) => `${e.userId}/${e.skillId}`)
          .sort();
        const wanted = Object.entries(des)
          .flatMap(([u, skills]) => Object.keys(skills).map((s) => `${u}/${s}`))
          .sort();
        expect(listed).toEqual(wanted);
        if (options.mode !== 'replace') expect(d.remove).toEqual([]);
        if (options.maxSkillsPerUser !== undefined) {
          const next = applyDiff(cur, d);
          for (const u of Object.keys(des)) {
            const had = Object.keys(cur[u] ?? {}).length;
            expect(Object.keys(next[u] ?? {}).length).toBeLessThanOrEqual(Math.max(had, options.maxSkillsPerUser));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('diffToChanges and skillMatrixFromRows', () => {
  it('flattens a diff into changes in add, update, remove order', () => {
    const changes = diffToChanges(diffSkillMatrix(current, desired, { mode: 'replace' }));
    expect(changes.map((c) => `${c.action}:${c.userId}/${c.skillId}`)).toEqual([
      'add:u1/french',
      'add:u3/billing',
      'update:u1/billing',
      'update:u1/sales',
      'remove:u1/legacy',
      'remove:u2/sales',
    ]);
  });

  it('builds a matrix from API rows and rejects duplicates', () => {
    expect(
      skillMatrixFromRows(
        [
          { userId: 'u1', skillId: 'a', proficiency: 1 },
          { userId: 'u1', skillId: 'b', proficiency: 2.5 },
        ],
        ['u9'],
      ),
    ).toEqual({ u9: {}, u1: { a: 1, b: 2.5 } });
    expectValidationError(
      () =>
        skillMatrixFromRows([
          { userId: 'u1', skillId: 'a', proficiency: 1 },
          { userId: 'u1', skillId: 'a', proficiency: 2 },
        ]),
      'rows[1]',
    );
  });
});
