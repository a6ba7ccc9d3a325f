// The heavy scenario tests: each takes more than about 5 s on a 2-core machine (whole optimizations, chaos and
// fault runs, every example as a child process, long simulations). `npm run test:scenarios` runs them (and
// .ci/run does); `npm test` leaves them out so it stays fast. New ones go under test/scenarios/ as
// *.scenario.test.ts; the files below are listed where they are, measured with the verbose reporter.
export const SCENARIO_GLOBS = ['test/scenarios/**/*.test.ts', 'test/**/*.scenario.test.ts'];

export const SCENARIO_FILES = [
  'test/cli/exit-codes.test.ts',
  'test/emulator/history-clock.test.ts',
  'test/examples/examples.test.ts',
  'test/fuzz/simulation.test.ts',
  'test/report/cli-report.test.ts',
  'test/report/docs-example.test.ts',
  'test/secrets/secrets.test.ts',
  'test/workflows/apply-chaos.test.ts',
  'test/workflows/faults.test.ts',
  'test/workflows/optimize-cli.test.ts',
  'test/workflows/optimize-routing-guide.test.ts',
  'test/workflows/optimize-routing-limit.test.ts',
  'test/workflows/optimize-routing.test.ts',
  'test/workflows/plan-skills.test.ts',
  'test/workflows/recommend.test.ts',
];

/**
 * Seconds each of the slowest files took (wall, alone, `npx vitest run --config vitest.scenarios.config.ts <file>`
 * on 2 cores): test/scenario-sequencer.ts starts the longest first. A file not listed starts before these.
 */
export const SCENARIO_SECONDS: Record<string, number> = {
  'test/scenarios/wallace-whitt.scenario.test.ts': 150,
  'test/scenarios/emulator-scenarios.scenario.test.ts': 95,
  'test/scenarios/docs-commands.scenario.test.ts': 120,
  'test/workflows/optimize-routing.test.ts': 95,
  'test/scenarios/autopilot.scenario.test.ts': 89,
  'test/workflows/optimize-routing-guide.test.ts': 80,
  'test/workflows/autopilot-loop.scenario.test.ts': 56,
};
