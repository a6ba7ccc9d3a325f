// Fuzz: every simulation function of the optimizer entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { describe, expect, it } from 'vitest';
import { fuzz, summary, type FuzzStats } from './harness.js';
import { simulationTargets } from './targets-simulation.js';

describe('fuzz: simulation', () => {
  const all: FuzzStats[] = [];
  for (const target of simulationTargets) {
    it(target.name, async () => {
      const stats = await fuzz(target);
      all.push(stats);
      expect(stats.failures, `${stats.failed} of ${stats.cases} cases failed`).toEqual([]);
    }, 300_000);
  }
  it('summary', () => {
    console.log(summary('simulation', all));
    expect(all.reduce((n, s) => n + s.cases, 0)).toBeGreaterThan(0);
  });
});
