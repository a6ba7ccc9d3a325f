// restrictionOf decides which queues a conversations query generates: it must never leave out a queue the filter
// could match, so each case is checked against the compiled filter itself on every queue.
import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../../../../src/testing/emulator/respond/validate.js';
import { compileFilter, restrictionOf } from '../../../../src/testing/emulator/traffic/query/filters.js';

const queue = (value: string) => ({ type: 'dimension', dimension: 'queueId', value });
const media = (value: string) => ({ type: 'dimension', dimension: 'mediaType', value });
const QUEUES = ['a', 'b', 'c', 'd'];

function passing(filter: unknown): Set<string> {
  const test = compileFilter(filter, 'filter', new FieldErrors(), () => true, 'any');
  return new Set(QUEUES.filter((q) => ['voice', 'chat'].some((m) => test({ queueId: q, mediaType: m }))));
}

describe('restrictionOf', () => {
  const cases: Array<[string, unknown, string[] | undefined]> = [
    ['no filter', undefined, undefined],
    ['an or of queues', { type: 'or', predicates: [queue('a'), queue('b')] }, ['a', 'b']],
    ['an and with one queue', { type: 'and', predicates: [queue('c'), media('voice')] }, ['c']],
    ['an or with another dimension', { type: 'or', predicates: [queue('a'), media('voice')] }, undefined],
    ['exists', { type: 'or', predicates: [{ dimension: 'queueId', operator: 'exists' }] }, undefined],
    [
      'an and of two ors',
      {
        type: 'and',
        clauses: [
          { type: 'or', predicates: [queue('a'), queue('b')] },
          { type: 'or', predicates: [queue('b'), queue('c')] },
        ],
      },
      ['b'],
    ],
    [
      'an or of a clause and a queue',
      { type: 'or', predicates: [queue('d')], clauses: [{ type: 'and', predicates: [queue('a'), media('chat')] }] },
      ['a', 'd'],
    ],
  ];
  for (const [name, filter, expected] of cases)
    it(`${name}: ${expected ? expected.join(', ') : 'every queue'}`, () => {
      const got = restrictionOf(filter, 'queueId');
      expect(got ? [...got].sort() : undefined).toEqual(expected);
      // Sound: every queue the filter can pass is in the restriction.
      for (const q of passing(filter)) expect(got === undefined || got.has(q)).toBe(true);
    });
});
