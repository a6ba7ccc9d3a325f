// Longest first: the scenario files run two at a time, so a two-minute file that starts last keeps one core busy
// alone at the end. vitest's own order puts files it has no timing for (a fresh clone, as in CI) by size, and
// size says nothing here (the slowest files are among the shortest). Files without a measured time (a new one)
// go first, in vitest's order, as vitest itself runs unknown files first.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { relative } from 'node:path';
import { SCENARIO_SECONDS } from './scenarios.js';

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byVitest = await super.sort(files);
    const seconds = (f: TestSpecification) => SCENARIO_SECONDS[relative(this.ctx.config.root, f.moduleId)] ?? Infinity;
    // Array.prototype.sort is stable: ties (and unmeasured files) keep vitest's order.
    return byVitest.sort((a, b) => (seconds(a) === seconds(b) ? 0 : seconds(b) - seconds(a)));
  }
}
