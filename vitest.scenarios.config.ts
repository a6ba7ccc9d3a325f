// `npm run test:scenarios`: the heavy scenario tests listed in test/scenarios.ts (.ci/run runs them too).
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/scenario-sequencer.js';
import { SCENARIO_FILES, SCENARIO_GLOBS } from './test/scenarios.js';

export default defineConfig({
  test: {
    include: [...SCENARIO_GLOBS, ...SCENARIO_FILES],
    exclude: ['**/node_modules/**'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time on 2 cores: the optimizer's search stops on a work budget, not the clock, so a plan does
    // not depend on how busy the machine is (vitest's default here would be one worker).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    setupFiles: ['test/setup.ts'],
  },
});
