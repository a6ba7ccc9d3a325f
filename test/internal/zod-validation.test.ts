// What the SDK relies on from zod/mini and ValidationError.fromZod (ported from the tests of the hand-written
// checker zod replaced): field paths in messages, finite numbers, strict/loose objects, unions, transforms.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ValidationError } from '../../src/errors/index.js';
import { parseInput } from '../../src/optimizer/parse-input.js';
import { parseArgs } from '../../src/resources/validate.js';
import { safeParse } from '../../src/internal/parse.js';

const Queue = z.object({
  id: z.string().check(z.minLength(1)),
  agents: z.int().check(z.gte(0)),
  target: z._default(z.number().check(z.gte(0), z.lte(1)), 0.8),
  note: z.optional(z.string()),
});

const messagesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('did not throw');
};

describe('ValidationError.fromZod', () => {
  it('names each bad field with a dotted/indexed path', () => {
    expect(
      messagesOf(() =>
        parseInput('f', z.object({ queues: z.array(Queue) }), {
          queues: [
            { id: 'q', agents: 1 },
            { id: '', agents: 1.5 },
          ],
        }),
      ),
    ).toEqual([
      'queues[1].id: Too small: expected string to have >=1 characters',
      'queues[1].agents: Invalid input: expected int, received number',
    ]);
    expect(() => parseInput('f', z.object({ queues: z.array(Queue) }), { queues: [{ id: 'q', agents: -1 }] })).toThrow(
      /f: queues\[0\]\.agents: Too small/,
    );
  });

  it('prefixes paths with the argument name', () => {
    expect(
      messagesOf(() => parseArgs('op', z.array(z.object({ userId: z.string() })), [{ userId: 1 }], 'changes')),
    ).toEqual(['changes[0].userId: Invalid input: expected string, received number']);
  });

  it('reports the nested issues of the union option that accepted the type, not "Invalid input"', () => {
    const Shape = z.union([z.string(), z.object({ id: z.string() })]);
    expect(messagesOf(() => parseInput('f', z.object({ ref: Shape }), { ref: { id: 1 } }))).toEqual([
      'ref.id: Invalid input: expected string, received number',
    ]);
    // No option came close: one issue at the union's path.
    expect(messagesOf(() => parseInput('f', z.object({ ref: Shape }), { ref: true }))).toEqual(['ref: Invalid input']);
  });
});

describe('internal/parse safeParse', () => {
  it("gives English messages without installing a locale for the caller's own zod/mini schemas", () => {
    expect(safeParse(z.string(), 1).error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
    expect(z.string().safeParse(1).error?.issues[0]?.message).toBe('Invalid input');
  });
});

describe('the zod/mini behaviour the SDK schemas rely on', () => {
  const issuesOf = (r: {
    success: boolean;
    error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
  }) => (r.success ? [] : r.error!.issues.map((i) => ({ path: i.path, message: i.message })));

  it('refuses NaN and +-Infinity as numbers', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, '1']) expect(z.number().safeParse(bad).success).toBe(false);
    expect(z.int().safeParse(2 ** 60).success).toBe(false);
  });

  it('applies defaults, strips unknown keys, strictObject refuses them, looseObject keeps them', () => {
    expect(Queue.parse({ id: 'q', agents: 2, extra: 1 })).toEqual({ id: 'q', agents: 2, target: 0.8 });
    expect(
      issuesOf(safeParse(z.strictObject(Queue.shape), { id: 'q', agents: 1, typo: 2 })).map((i) => i.message),
    ).toEqual(['Unrecognized key: "typo"']);
    expect(z.looseObject(Queue.shape).parse({ id: 'q', agents: 2, extra: 1 })).toMatchObject({ extra: 1 });
  });

  it('runs refinements only on values that passed their type checks, with paths relative to the value', () => {
    const Range = z.object({ min: z.number(), max: z.number() }).check(
      z.superRefine((r, ctx) => {
        if (r.min > r.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'must be <= max' });
      }),
    );
    expect(issuesOf(z.object({ range: Range }).safeParse({ range: { min: 3, max: 1 } }))).toEqual([
      { path: ['range', 'min'], message: 'must be <= max' },
    ]);
    expect(issuesOf(Range.safeParse({ min: 'x', max: 1 })).map((i) => i.path)).toEqual([['min']]);
  });

  it('discriminated unions pick the option by tag and name the tag when none matches', () => {
    const Change = z.discriminatedUnion('action', [
      z.object({ action: z.literal('add'), n: z.number() }),
      z.object({ action: z.literal('remove') }),
    ]);
    expect(Change.parse({ action: 'remove', n: 'ignored' })).toEqual({ action: 'remove' });
    expect(issuesOf(Change.safeParse({ action: 'move' })).map((i) => i.path)).toEqual([['action']]);
  });

  it('trim feeds the trimmed value to later checks; a constructor message replaces the wrong-type message', () => {
    const name = z.string('is required').check(z.trim(), z.minLength(1, 'is required'));
    expect(name.parse('  q  ')).toBe('q');
    expect(issuesOf(name.safeParse('   '))).toEqual([{ path: [], message: 'is required' }]);
    expect(issuesOf(name.safeParse(undefined))).toEqual([{ path: [], message: 'is required' }]);
  });

  it('a recursive (z.lazy) schema keeps nested paths', () => {
    type Node = { name: string; children?: Node[] | undefined };
    const node: z.ZodMiniType<Node> = z.lazy(() =>
      z.strictObject({ name: z.string().check(z.minLength(1)), children: z.optional(z.array(node)) }),
    );
    expect(
      issuesOf(node.safeParse({ name: 'a', children: [{ name: 'b', children: [{ name: '' }] }] })).map((i) => i.path),
    ).toEqual([['children', 0, 'children', 0, 'name']]);
  });
});
