// One fuzz suite per entry area: a test per target (no failing case allowed), then a summary line with the counts.
import { describe, expect, it } from 'vitest';
import { fuzz, summary, type FuzzStats, type Target } from './harness.js';

export function fuzzSuite(name: string, targets: readonly Target[], timeoutMs = 120_000): void {
  describe(`fuzz: ${name}`, () => {
    const all: FuzzStats[] = [];
    for (const target of targets) {
      it(
        target.name,
        async () => {
          const stats = await fuzz(target);
          all.push(stats);
          expect(stats.failures, `${stats.failed} of ${stats.cases} cases failed`).toEqual([]);
        },
        timeoutMs,
      );
    }
    it('summary', () => {
      console.log(summary(name, all));
      expect(all.reduce((n, s) => n + s.cases, 0)).toBeGreaterThan(0);
    });
  });
}
