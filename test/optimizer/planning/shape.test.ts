import { describe, expect, it } from 'vitest';
import * as z from '../../../src/optimizer/planning/shape.js';
import { parseInput } from '../../../src/optimizer/validate.js';
import { ValidationError } from '../../../src/errors.js';

const Queue = z.object({
  id: z.string().min(1),
  agents: z.number().int().min(0),
  target: z.number().min(0).max(1).default(0.8),
  note: z.string().optional(),
});

describe('the planning input checker (zod-shaped, no dependency)', () => {
  it('names the bad field with zod-style paths', () => {
    const r = z.object({ queues: z.array(Queue) }).safeParse({ queues: [{ id: 'q', agents: 1 }, { id: '', agents: 1.5 }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path)).toEqual([
      ['queues', 1, 'id'],
      ['queues', 1, 'agents'],
    ]);
    expect(() => parseInput('f', z.object({ queues: z.array(Queue) }), { queues: [{ id: 'q', agents: -1 }] })).toThrow(/queues\[0\]\.agents/);
    expect(() => parseInput('f', Queue, {})).toThrow(ValidationError);
  });

  it('applies defaults, drops unknown keys, keeps explicit undefined optional', () => {
    expect(Queue.parse({ id: 'q', agents: 2, extra: 1 })).toEqual({ id: 'q', agents: 2, target: 0.8 });
    expect(Queue.parse({ id: 'q', agents: 2, note: undefined, target: undefined })).toEqual({ id: 'q', agents: 2, target: 0.8, note: undefined });
    expect(Queue.loose().parse({ id: 'q', agents: 2, extra: 1 })).toMatchObject({ extra: 1 });
  });

  it('refuses NaN, Infinity, unknown keys under strict(), and bad record keys', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, '1']) expect(z.number().safeParse(bad).success).toBe(false);
    const strict = Queue.strict().safeParse({ id: 'q', agents: 1, typo: 2 });
    expect(strict.success ? [] : strict.error.issues.map((i) => i.message)).toEqual(['Unrecognized key: "typo"']);
    const rec = z.record(z.string().min(1), z.number()).safeParse({ '': 1, a: 'x' });
    expect(rec.success ? [] : rec.error.issues.map((i) => i.path)).toEqual([[''], ['a']]);
  });

  it('runs refinements only on values that passed, and picks union members by tag', () => {
    const Range = z.object({ min: z.number(), max: z.number() }).superRefine((r, ctx) => {
      if (r.min > r.max) ctx.addIssue({ path: ['min'], message: 'must be <= max' });
    });
    const bad = z.object({ range: Range }).safeParse({ range: { min: 3, max: 1 } });
    expect(bad.success ? [] : bad.error.issues).toEqual([{ path: ['range', 'min'], message: 'must be <= max' }]);
    expect(Range.safeParse({ min: 'x', max: 1 }).success).toBe(false);
    const Change = z.discriminatedUnion('action', [z.object({ action: z.literal('add'), n: z.number() }), z.object({ action: z.literal('remove') })]);
    expect(Change.parse({ action: 'remove', n: 'ignored' })).toEqual({ action: 'remove' });
    const wrong = Change.safeParse({ action: 'move' });
    expect(wrong.success ? [] : wrong.error.issues.map((i) => i.path)).toEqual([['action']]);
  });
});
