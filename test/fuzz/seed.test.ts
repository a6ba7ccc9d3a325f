// `npm test` is deterministic: every property runs with the suite's fixed seed unless FC_SEED says otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FC_SEED, seedFromEnv } from '../setup.js';

describe('fast-check seed (test/setup.ts)', () => {
  it('is fixed by default, an integer replays, "random" explores', () => {
    expect(seedFromEnv(undefined)).toBe(DEFAULT_FC_SEED);
    expect(seedFromEnv('')).toBe(DEFAULT_FC_SEED);
    expect(seedFromEnv('1815499103')).toBe(1815499103);
    expect(seedFromEnv('random')).toBeUndefined();
    expect(() => seedFromEnv('tuesday')).toThrow(/FC_SEED must be an integer or "random"/);
  });

  it('is what this run uses', () => {
    expect(fc.readConfigureGlobal().seed).toBe(seedFromEnv(process.env.FC_SEED));
  });
});
