// A queue's caller patience from its waits: exponential patience with the answered calls' waits censored.
import { describe, expect, it } from 'vitest';
import { estimatePatienceSeconds, MIN_ABANDONED_FOR_PATIENCE } from '../../src/workflows/patience.js';
import { Random } from '../../src/testing/emulator/random.js';

describe('estimatePatienceSeconds', () => {
  it('is every second callers waited over the calls abandoned', () => {
    // 90 answered after 20 s on average, 10 hung up after 60 s: (1,800 + 600) s / 10.
    expect(
      estimatePatienceSeconds({ answeredWaitMs: 90 * 20_000, answered: 90, abandonWaitMs: 10 * 60_000, abandoned: 10 }),
    ).toBe(240);
  });

  it('says nothing with fewer than 10 calls abandoned', () => {
    expect(MIN_ABANDONED_FOR_PATIENCE).toBe(10);
    const few = { answeredWaitMs: 1e7, answered: 500, abandonWaitMs: 9 * 60_000, abandoned: 9 };
    expect(estimatePatienceSeconds(few)).toBeUndefined();
    expect(
      estimatePatienceSeconds({ answeredWaitMs: 0, answered: 0, abandonWaitMs: 0, abandoned: 10 }),
    ).toBeUndefined();
  });

  it('recovers the patience of callers whose wait is cut short by an answer (censored draws)', () => {
    const rng = new Random(7);
    const exp = (mean: number) => -Math.log(1 - rng.float()) * mean;
    const totals = { answeredWaitMs: 0, answered: 0, abandonWaitMs: 0, abandoned: 0 };
    for (let i = 0; i < 20_000; i++) {
      const patience = exp(150_000);
      const answerAfter = exp(40_000);
      if (answerAfter <= patience) {
        totals.answeredWaitMs += answerAfter;
        totals.answered++;
      } else {
        totals.abandonWaitMs += patience;
        totals.abandoned++;
      }
    }
    const estimate = estimatePatienceSeconds(totals) as number;
    // About 4,200 abandoned: the estimate's standard error is about 150 / sqrt(4,200), 2.3 s.
    expect(estimate).toBeGreaterThan(140);
    expect(estimate).toBeLessThan(160);
    // The mean time to abandon alone (callers who were not answered first) reads far lower.
    expect(totals.abandonWaitMs / totals.abandoned / 1000).toBeLessThan(40);
  });
});
