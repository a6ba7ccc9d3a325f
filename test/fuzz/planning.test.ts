// Fuzz: every planning function of the optimizer entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { describe, expect, it } from 'vitest';
import { fuzz, summary, type FuzzStats } from './harness.js';
import { planningTargets } from './targets-planning.js';

describe('fuzz: planning', () => {
  const all: FuzzStats[] = [];
  for (const target of planningTargets) {
    it(target.name, async () => {
      const stats = await fuzz(target);
      all.push(stats);
      expect(stats.failures, `${stats.failed} of ${stats.cases} cases failed`).toEqual([]);
    }, 120_000);
  }
  it('summary', () => {
    console.log(summary('planning', all));
    expect(all.reduce((n, s) => n + s.cases, 0)).toBeGreaterThan(0);
  });
});
