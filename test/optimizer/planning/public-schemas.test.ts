// The optimizer's exported `schemas` are real zod 4 schemas: users infer types, compose, validate through the
// Standard Schema interface and export JSON Schema with zod's own functions (zod and zod/mini alike).
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as zm from 'zod/mini';
import * as z from 'zod';
import { schemas, type SkillChange } from '../../../src/optimizer/planning/index.js';

describe('public optimizer schemas are zod schemas', () => {
  it('z.infer gives the exported types', () => {
    expectTypeOf<z.infer<typeof schemas.SkillChangeSchema>>().toEqualTypeOf<SkillChange>();
    type Policy = zm.infer<typeof schemas.ProficiencyPolicySchema>;
    expectTypeOf<Policy['bounds']>().toEqualTypeOf<{ min: number; max: number }>();
  });

  it('compose with zod/mini (z.extend) and with zod (as members of a new object)', () => {
    const Tagged = zm.extend(schemas.WhatIfQueueSchema, { tag: zm.string() });
    expect(Tagged.safeParse({ ...validQueue(), tag: 't' }).success).toBe(true);
    expect(Tagged.safeParse(validQueue()).success).toBe(false);
    const File = z.object({ changes: z.array(schemas.SkillChangeSchema), note: z.string().optional() });
    const parsed = File.parse({ changes: [{ action: 'add', userId: 'u1', skillId: 's1', proficiency: 3 }] });
    expect(parsed.changes[0]).toEqual({ action: 'add', userId: 'u1', skillId: 's1', proficiency: 3 });
    const bad = File.safeParse({ changes: [{ action: 'add', userId: 'u1', skillId: 's1', proficiency: 9 }] });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path)).toEqual([['changes', 0, 'proficiency']]);
  });

  it('validate through ~standard (Standard Schema v1)', async () => {
    const std = schemas.ProficiencySchema['~standard'];
    expect(std.vendor).toBe('zod');
    expect(std.version).toBe(1);
    expect(await std.validate(3)).toEqual({ value: 3 });
    const failed = await std.validate(7);
    expect('issues' in failed && failed.issues?.[0]?.message).toBe('must be <= 5');
  });

  it('export JSON Schema with z.toJSONSchema', () => {
    const json = z.toJSONSchema(schemas.SkillChangeSchema) as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((json.oneOf ?? json.anyOf)?.length).toBe(3);
    const proficiency = zm.toJSONSchema(schemas.ProficiencySchema);
    expect(proficiency).toMatchObject({ type: 'number', minimum: 0, maximum: 5 });
    // Every exported schema converts (refinements are dropped from JSON Schema; no transforms to refuse).
    for (const [name, schema] of Object.entries(schemas))
      expect(z.toJSONSchema(schema), name).toHaveProperty('$schema');
  });
});

function validQueue(): Record<string, unknown> {
  return {
    queueId: 'q1',
    requiredSkillIds: ['s1'],
    calls: 10,
    intervalSeconds: 1800,
    ahtSeconds: 300,
    targetSeconds: 20,
  };
}
