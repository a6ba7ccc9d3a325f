import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from '../../src/internal/shape.js';
import { defaultRecommendationThresholds, schemas } from '../../src/optimizer/index.js';

describe('z.deferred: a module-level checker built on first use', () => {
  it('builds nothing until used, then once', () => {
    let builds = 0;
    const Id = z.deferred(() => {
      builds += 1;
      return z.string().min(1, 'must be a non-empty id');
    });
    expect(builds).toBe(0);
    expect(Id.safeParse('u1')).toEqual({ success: true, data: 'u1' });
    expect(Id.parse('u2')).toBe('u2');
    expect(Id.safeParse('').success).toBe(false);
    expect(builds).toBe(1);
  });

  it('is the built shape to its users: prototype, fields, getters, methods, keys', () => {
    const Queue = z.deferred(() => z.object({ id: z.string(), agents: z.number().int() }).strict());
    const Mode = z.deferred(() => z.enum(['set', 'replace']));
    expect(Queue).toBeInstanceOf(z.ObjectShape);
    expect(Object.keys(Queue.shape)).toEqual(['id', 'agents']);
    expect(Queue.unknownKeys).toBe('strict');
    expect('shape' in Queue).toBe(true);
    expect(Object.keys(Queue)).toEqual(Object.keys(z.built(Queue)));
    expect(Mode.options).toEqual(['set', 'replace']);
    expect(Mode.enum).toEqual({ set: 'set', replace: 'replace' });
    // Methods work detached too, and are the same function on each read.
    const { safeParse } = Queue;
    expect(safeParse({ id: 'q', agents: 2 }).success).toBe(true);
    expect(Queue.safeParse).toBe(Queue.safeParse);
    // Refinements and wrappers made from it are ordinary shapes.
    expect(Queue.extend({ note: z.string().optional() }).parse({ id: 'q', agents: 1, note: 'n' })).toEqual({ id: 'q', agents: 1, note: 'n' });
    expect(Mode.default('set').parse(undefined)).toBe('set');
    // console.log shows the shape, not the deferral's bookkeeping.
    expect(inspect(Mode)).toBe(inspect(z.built(Mode)));
  });

  it('is composed as the built shape, so parsing does not go through the deferral', () => {
    const Id = z.deferred(() => z.string().min(1));
    expect(z.built(Id)).not.toBe(Id);
    expect(z.built(z.built(Id))).toBe(z.built(Id));
    expect(z.object({ id: Id }).shape.id).toBe(z.built(Id));
    expect(z.object({ a: z.number() }).extend({ id: Id }).shape.id).toBe(z.built(Id));
    expect(z.array(Id).element).toBe(z.built(Id));
    const rec = z.record(Id, Id);
    expect([rec.key, rec.value]).toEqual([z.built(Id), z.built(Id)]);
    expect(z.union([Id, z.number()]).options[0]).toBe(z.built(Id));
    const Add = z.deferred(() => z.object({ action: z.literal('add'), id: Id }));
    expect(z.discriminatedUnion('action', [Add]).options[0]).toBe(z.built(Add));
    expect(z.object({ id: Id }).safeParse({ id: '' }).success).toBe(false);
  });
});

describe('the public planning checkers (`schemas`)', () => {
  it('are all deferred, and work as documented once used', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      expect(z.built(schema), name).not.toBe(schema);
      expect(typeof schema.safeParse, name).toBe('function');
    }
    expect(Object.keys(schemas.RoutingRulesSchema.shape)).toEqual(['skills', 'queues']);
    expect(schemas.DiffModeSchema.options).toEqual(['set', 'upgradeOnly', 'replace']);
  });

  it('defaultRecommendationThresholds are the schema defaults', () => {
    expect(defaultRecommendationThresholds).toEqual(schemas.RecommendationThresholdsSchema.parse({}));
    expect(Object.isFrozen(defaultRecommendationThresholds)).toBe(true);
  });
});
