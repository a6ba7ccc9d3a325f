// The one options check (internal/options.ts, internal/unknown-keys.ts): unknown keys at any depth are issues at
// the key's own path, naming the closest known key, or listing the known keys when none is close.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isValidationError, type ValidationError } from '../../src/index.js';
import { explainUnknownKeys, parseOptions } from '../../src/internal/options.js';
import { safeParse } from '../../src/internal/parse.js';
import { nearMissKeyIssues, rejectUnknownKeys, unknownKeyMessage } from '../../src/internal/unknown-keys.js';

const Options = z.strictObject({
  dryRun: z.optional(z.boolean()),
  lease: z.optional(z.strictObject({ ttlMs: z.optional(z.number()), owner: z.optional(z.string()) })),
  check: z.optional(z.union([z.literal(false), z.strictObject({ reapply: z.optional(z.boolean()) })])),
  byQueue: z.optional(z.record(z.string(), z.strictObject({ target: z.optional(z.number()) }))),
  rows: z.optional(z.array(z.strictObject({ id: z.string() }))),
});

function caught(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('parseOptions', () => {
  it('names an unknown key at its path with the closest known key', () => {
    const error = caught(() => parseOptions('applyPlan', Options, { dryrun: true }));
    expect(error.message).toBe('applyPlan: options.dryrun: unknown key; did you mean dryRun?');
    expect(error.issues).toEqual([{ path: 'options.dryrun', message: 'unknown key; did you mean dryRun?' }]);
  });

  it('finds the known keys through nested objects, unions, records and arrays', () => {
    const error = caught(() =>
      parseOptions('f', Options, {
        lease: { ttlMS: 1 },
        check: { reaply: true },
        byQueue: { q1: { traget: 0.8 } },
        rows: [{ id: 'a' }, { id: 'b', idd: 'c' }],
      }),
    );
    expect(error.issues).toEqual([
      { path: 'options.lease.ttlMS', message: 'unknown key; did you mean ttlMs?' },
      { path: 'options.check.reaply', message: 'unknown key; did you mean reapply?' },
      { path: 'options.byQueue.q1.traget', message: 'unknown key; did you mean target?' },
      { path: 'options.rows[1].idd', message: 'unknown key; did you mean id?' },
    ]);
  });

  it('lists the known keys when no key is close, and reports every unknown key', () => {
    const error = caught(() => parseOptions('f', Options, { zzzzzz: 1, dryRum: true }));
    expect(error.issues.map((i) => i.path)).toEqual(['options.zzzzzz', 'options.dryRum']);
    expect(error.issues[0]!.message).toBe('unknown key; known keys: dryRun, lease, check, byQueue, rows');
  });

  it('keeps the English messages of other issues, reads undefined as no options, and returns the data', () => {
    const error = caught(() => parseOptions('f', Options, { dryRun: 'yes' }));
    expect(error.issues).toEqual([
      { path: 'options.dryRun', message: 'Invalid input: expected boolean, received string' },
    ]);
    expect(parseOptions('f', Options, undefined)).toEqual({});
    expect(parseOptions('f', Options, { dryRun: true }, '')).toEqual({ dryRun: true });
  });

  it('explainUnknownKeys serves callers that list issues instead of throwing', () => {
    const parsed = safeParse(Options, { lease: { ownr: 'x' } });
    expect(parsed.success).toBe(false);
    const issues = explainUnknownKeys(Options, parsed.error!.issues);
    expect(issues.map((i) => [i.path, i.message])).toEqual([[['lease', 'ownr'], 'unknown key; did you mean owner?']]);
  });
});

describe('the zod-free core', () => {
  it('rejectUnknownKeys throws naming each key; non-objects are left to the caller', () => {
    const error = caught(() => rejectUnknownKeys('erlangC', { agents: 1, trafic: 2 }, ['agents', 'traffic'], ''));
    expect(error.message).toBe('erlangC: trafic: unknown key; did you mean traffic?');
    expect(() => rejectUnknownKeys('f', null as never, ['a'], 'options')).not.toThrow();
  });

  it('formats paths as every other issue and says when no key is allowed', () => {
    const error = caught(() => rejectUnknownKeys('f', { 'a b': 1 }, [], 'options'));
    expect(error.issues).toEqual([{ path: 'options.a b', message: 'unknown key; no keys are allowed here' }]);
    expect(unknownKeyMessage('timeLimitMS', ['seed', 'timeLimitMs'])).toBe('unknown key; did you mean timeLimitMs?');
  });

  it('nearMissKeyIssues refuses only near misses (open formats keep their extra fields)', () => {
    expect(nearMissKeyIssues({ chnages: [], optimization: {} }, ['changes', 'memberships'], '')).toEqual([
      { path: 'chnages', message: 'unknown key; did you mean changes?' },
    ]);
  });
});
