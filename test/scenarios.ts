// The heavy scenario tests: each takes more than about 5 s on a 2-core machine (whole optimizations, chaos and
// fault runs, every example as a child process, long simulations). `npm run test:scenarios` runs them (and
// .ci/run does); `npm test` leaves them out so it stays fast. New ones go under test/scenarios/ as
// *.scenario.test.ts; the files below stay beside the other tests of their area.
export const SCENARIO_GLOBS = ['test/scenarios/**/*.test.ts', 'test/**/*.scenario.test.ts'];

export const SCENARIO_FILES = [
  'test/cli/exit-codes.test.ts',
  'test/testing/emulator/history-clock.test.ts',
  'test/examples/examples.test.ts',
  'test/fuzz/simulation.test.ts',
  'test/report/cli-report.test.ts',
  'test/report/docs-example.test.ts',
  'test/secrets/secrets.test.ts',
  'test/workflows/apply/chaos.test.ts',
  'test/workflows/autopilot/hysteresis.test.ts',
  'test/workflows/autopilot/schedule.test.ts',
  'test/workflows/faults.test.ts',
  'test/workflows/optimize/cli.test.ts',
  'test/workflows/optimize/cli-understaffed.test.ts',
  'test/workflows/optimize/plan-routing-guide.test.ts',
  'test/workflows/optimize/plan-routing-limit.test.ts',
  'test/workflows/optimize/plan-routing.test.ts',
  'test/workflows/skills/plan-relevel.test.ts',
  'test/workflows/skills/recommend.test.ts',
];

/**
 * About how many seconds each file takes alone (wall; docs/testing.md says how to measure a new one):
 * test/scenario-sequencer.ts starts the longest first. Only the order matters. A file not listed starts before all
 * of these.
 */
export const SCENARIO_SECONDS: Record<string, number> = {
  'test/scenarios/demo-twice.scenario.test.ts': 104,
  'test/mcp/mcp-session.scenario.test.ts': 206,
  'test/scenarios/wallace-whitt.scenario.test.ts': 169,
  'test/scenarios/docs-commands.scenario.test.ts': 138,
  'test/scenarios/autopilot.scenario.test.ts': 141,
  'test/workflows/optimize/plan-routing.test.ts': 97,
  'test/workflows/optimize/plan-routing-guide.test.ts': 90,
  'test/workflows/autopilot/loop.scenario.test.ts': 73,
  'test/scenarios/emulator-scenarios.scenario.test.ts': 62,
  'test/testing/emulator/history-clock.test.ts': 17,
  'test/workflows/optimize/cli-understaffed.test.ts': 25,
  'test/scenarios/verdicts.scenario.test.ts': 45,
  'test/examples/examples.test.ts': 37,
  'test/scenarios/optimizer-day.scenario.test.ts': 34,
  'test/scenarios/optimizer-time-limit.scenario.test.ts': 14,
  'test/report/docs-example.test.ts': 26,
  'test/workflows/optimize/plan-routing-limit.test.ts': 19,
  'test/scenarios/languages-as-skills.scenario.test.ts': 21,
  'test/workflows/skills/recommend.test.ts': 21,
  'test/workflows/apply/chaos.test.ts': 16,
  'test/optimizer/routing/threads-lifecycle.scenario.test.ts': 19,
  'test/workflows/autopilot/hysteresis.test.ts': 13,
  'test/workflows/autopilot/schedule.test.ts': 10,
  'test/workflows/optimize/cli.test.ts': 15,
  'test/workflows/autopilot/stream-loop.scenario.test.ts': 14,
  'test/scenarios/concurrent-writer.scenario.test.ts': 13,
  'test/workflows/skills/plan-relevel.test.ts': 11,
  'test/scenarios/file-lock.scenario.test.ts': 27,
  'test/secrets/secrets.test.ts': 10,
  'test/optimizer/routing/work-budget.scenario.test.ts': 6,
  'test/scenarios/lease-pause.scenario.test.ts': 5,
  'test/cli/exit-codes.test.ts': 5,
  'test/fuzz/simulation.test.ts': 5,
  'test/report/cli-report.test.ts': 4,
  'test/workflows/faults.test.ts': 3,
};
