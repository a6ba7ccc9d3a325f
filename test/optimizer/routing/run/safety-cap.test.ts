// The safety cap on an injected clock: the caller's cap is the cap; the default one moves with the run's pace.
import { describe, expect, it } from 'vitest';
import { safetyCap } from '../../../../src/optimizer/routing/run/safety-cap.js';
import { DEFAULT_TIME_LIMIT_MS } from '../../../../src/optimizer/routing/types.js';

describe('safetyCap', () => {
  it('is the caller’s limit when one is given, whatever the pace', () => {
    let now = 0;
    const cap = safetyCap(
      5_000,
      0,
      () => 0.01,
      () => now,
    );
    now = 1_000_000;
    expect(cap()).toBe(5_000);
  });

  it('by default is reached only after four times the expected work, however slow the machine', () => {
    let now = 0;
    let share = 0;
    const cap = safetyCap(
      undefined,
      0,
      () => share,
      () => now,
    );
    expect(cap()).toBeGreaterThanOrEqual(DEFAULT_TIME_LIMIT_MS);
    // An idle machine: half the work in 100 s. A machine ten times slower: half the work in 1,000 s.
    for (const seconds of [100, 1_000]) {
      now = seconds * 1_000;
      share = 0.5;
      expect(cap()).toBe(Math.max(DEFAULT_TIME_LIMIT_MS, 8 * now));
      expect(now).toBeLessThan(cap());
      // Four times the work done: the cap is reached now, on either machine.
      share = 4;
      expect(cap()).toBe(Math.max(DEFAULT_TIME_LIMIT_MS, now));
    }
  });
});
