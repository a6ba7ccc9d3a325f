import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseRoutingRules,
  validateRoutingRules,
  type RoutingRules,
} from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const good: RoutingRules = {
  skills: ['billing', 'sales', 'french'],
  queues: [
    {
      name: 'Billing',
      priority: 50,
      capacity: 1,
      requiredSkills: ['billing'],
      overflowQueue: 'Billing Overflow',
      overflowAfterSeconds: 120,
    },
    { name: 'Billing Overflow', priority: 60, capacity: 2, requiredSkills: ['billing', 'sales'] },
    { name: 'Sales FR', priority: 0, capacity: 3, requiredSkills: ['sales', 'french'] },
  ],
};

const paths = (rules: unknown): [string, string][] => validateRoutingRules(rules).errors.map((e) => [e.path, e.code]);

describe('validateRoutingRules', () => {
  it('accepts a valid rules file', () => {
    expect(validateRoutingRules(good)).toEqual({ valid: true, errors: [] });
    expect(parseRoutingRules(good)).toEqual(good);
  });

  it('checks ranges: priority 0..100 integer, capacity >= 1, at least one skill', () => {
    const rules = structuredClone(good);
    rules.queues[0]!.priority = 101;
    rules.queues[1]!.priority = 2.5;
    rules.queues[1]!.capacity = 0;
    rules.queues[2]!.requiredSkills = [];
    expect(paths(rules)).toEqual([
      ['queues[0].priority', 'invalidValue'],
      ['queues[1].priority', 'invalidValue'],
      ['queues[1].capacity', 'invalidValue'],
      ['queues[2].requiredSkills', 'invalidValue'],
    ]);
  });

  it('checks references: unknown skill, missing overflow queue, duplicates', () => {
    const rules = structuredClone(good);
    rules.skills.push('sales');
    rules.queues[2]!.requiredSkills = ['sales', 'german'];
    rules.queues[1]!.overflowQueue = 'Nowhere';
    rules.queues.push({ name: 'Billing', priority: 1, capacity: 1, requiredSkills: ['billing'] });
    expect(paths(rules)).toEqual([
      ['skills[3]', 'duplicateSkill'],
      ['queues[3].name', 'duplicateQueue'],
      ['queues[1].overflowQueue', 'unknownOverflowQueue'],
      ['queues[2].requiredSkills[1]', 'unknownSkill'],
    ]);
  });

  it('detects overflow cycles, including a queue overflowing to itself, once each', () => {
    const q = (name: string, overflowQueue?: string) => ({
      name,
      priority: 1,
      capacity: 1,
      requiredSkills: ['s'],
      ...(overflowQueue ? { overflowQueue } : {}),
    });
    const result = validateRoutingRules({
      skills: ['s'],
      queues: [q('C', 'A'), q('A', 'B'), q('B', 'C'), q('Self', 'Self'), q('Tail', 'A'), q('End')],
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.path, e.code, e.message])).toEqual([
      ['queues[1].overflowQueue', 'overflowCycle', 'overflow cycle: A -> B -> C -> A'],
      ['queues[3].overflowQueue', 'overflowCycle', 'queue Self overflows to itself'],
    ]);
  });

  it('reports schema and reference errors in one run even for a partly broken file', () => {
    const result = validateRoutingRules({
      skills: ['s'],
      queues: [{ name: 'A', priority: 'high', capacity: 1, requiredSkills: ['t'], overflowQueue: 'B', colour: 'red' }],
    });
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['queues[0].priority', 'invalidValue'],
      ['queues[0].colour', 'invalidValue'],
      ['queues[0].requiredSkills[0]', 'unknownSkill'],
      ['queues[0].overflowQueue', 'unknownOverflowQueue'],
    ]);
    expect(validateRoutingRules(null)).toMatchObject({ valid: false });
    expect(validateRoutingRules(null).errors.length).toBeGreaterThan(0);
  });

  it('parseRoutingRules throws a ValidationError listing every error', () => {
    const error = expectValidationError(() =>
      parseRoutingRules({ skills: [], queues: [{ name: 'A', priority: 1, capacity: 0, requiredSkills: ['x'] }] }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['queues[0].capacity', 'queues[0].requiredSkills[0]']);
  });

  it('finds a cycle exactly when following overflow from some queue returns to it (property)', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: names.length - 1 }), { nil: undefined }), {
          minLength: 6,
          maxLength: 6,
        }),
        (targets) => {
          const queues = names.map((name, i) => {
            const t = targets[i];
            return {
              name,
              priority: 1,
              capacity: 1,
              requiredSkills: ['s'],
              ...(t === undefined ? {} : { overflowQueue: names[t]! }),
            };
          });
          const next = (i: number): number | undefined => targets[i];
          let cyclic = false;
          for (let start = 0; start < names.length && !cyclic; start++) {
            let node = next(start);
            for (let steps = 0; node !== undefined && steps < names.length; steps++) {
              if (node === start) cyclic = true;
              node = next(node);
            }
          }
          const errors = validateRoutingRules({ skills: ['s'], queues }).errors;
          expect(errors.every((e) => e.code === 'overflowCycle')).toBe(true);
          expect(errors.length > 0).toBe(cyclic);
        },
      ),
    );
  });
});
