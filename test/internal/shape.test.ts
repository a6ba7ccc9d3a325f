import { describe, expect, it } from 'vitest';
import * as z from '../../src/internal/shape.js';
import { parseInput } from '../../src/optimizer/validate.js';
import { ValidationError } from '../../src/errors.js';

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

describe('the checker parts the resource schemas use', () => {
  const issuesOf = (r: z.SafeParseResult<unknown>) => (r.success ? [] : r.error.issues);

  it('union / or: the first accepting option wins; a type mismatch names every option', () => {
    const version = z.union([z.string(), z.number()]);
    expect(version.parse(3)).toBe(3);
    expect(version.parse('3')).toBe('3');
    expect(issuesOf(z.object({ version }).safeParse({ version: true }))).toEqual([
      { path: ['version'], message: 'Invalid input: expected string | number, received boolean' },
    ]);
    const state = z.enum(['active', 'inactive']).or(z.string());
    expect(state.parse('archived')).toBe('archived');
    expect(issuesOf(state.safeParse(1))).toEqual([{ path: [], message: 'Invalid input: expected "active"|"inactive" | string, received number' }]);
  });

  it('union: an option that accepted the type reports its own nested issues', () => {
    const shape = z.union([z.string(), z.object({ id: z.string() })]);
    expect(issuesOf(shape.safeParse({ id: 1 }))).toEqual([{ path: ['id'], message: 'Invalid input: expected string, received number' }]);
  });

  it('lazy: a recursive shape keeps nested paths', () => {
    type Node = { name: string; children?: Node[] | undefined };
    const node: z.Shape<Node> = z.lazy(() => z.strictObject({ name: z.string().min(1), children: z.array(node).optional() }));
    expect(node.parse({ name: 'a', children: [{ name: 'b' }] })).toEqual({ name: 'a', children: [{ name: 'b' }] });
    expect(issuesOf(node.safeParse({ name: 'a', children: [{ name: 'b', children: [{ name: '' }] }] })).map((i) => i.path)).toEqual([
      ['children', 0, 'children', 0, 'name'],
    ]);
  });

  it('string trim() feeds the trimmed value to later checks and to the result', () => {
    const name = z.string('is required').trim().min(1, 'is required');
    expect(name.parse('  q  ')).toBe('q');
    expect(issuesOf(name.safeParse('   '))).toEqual([{ path: [], message: 'is required' }]);
    expect(issuesOf(name.safeParse(undefined))).toEqual([{ path: [], message: 'is required' }]);
  });

  it('constructor messages replace the wrong-type message only', () => {
    const count = z.number('maximumCapacity is required').int('must be a whole number');
    expect(issuesOf(count.safeParse(undefined))).toEqual([{ path: [], message: 'maximumCapacity is required' }]);
    expect(issuesOf(count.safeParse(1.5))).toEqual([{ path: [], message: 'must be a whole number' }]);
    expect(issuesOf(z.boolean('must be true or false').safeParse('yes'))).toEqual([{ path: [], message: 'must be true or false' }]);
    expect(issuesOf(z.enum(['and', 'or'], { message: "must be 'and' or 'or'" }).safeParse('xor'))).toEqual([{ path: [], message: "must be 'and' or 'or'" }]);
    expect(issuesOf(z.custom<'x'>((v) => v === 'x', 'expected x').safeParse('y'))).toEqual([{ path: [], message: 'expected x' }]);
  });

  it('transform maps a valid value; its ctx issues reject the value under the field path', () => {
    const interval = z.unknown().transform((v, ctx) => {
      if (typeof v !== 'string') ctx.addIssue({ message: 'must be a string', path: ['from'] });
      return String(v).toUpperCase();
    });
    expect(z.object({ interval }).parse({ interval: 'ab' })).toEqual({ interval: 'AB' });
    expect(issuesOf(z.object({ interval }).safeParse({ interval: 1 }))).toEqual([{ path: ['interval', 'from'], message: 'must be a string' }]);
  });

  it('partial(mask) makes only the named keys optional; loose objects keep unknown fields; nullable accepts null', () => {
    const user = z.looseObject({ id: z.string(), name: z.string() }).partial({ id: true });
    expect(user.parse({ name: 'n', extra: 1 })).toEqual({ name: 'n', extra: 1 });
    expect(issuesOf(user.safeParse({ id: 'u' })).map((i) => i.path)).toEqual([['name']]);
    expect(z.string().nullable().optional().parse(null)).toBeNull();
  });
});
