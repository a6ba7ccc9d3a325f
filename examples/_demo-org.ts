// Shared settings of `npm run demo` (examples/demo.ts) and the browser check of its report
// (test/browser/demo-report.ts), so the check covers the very plan the demo prints (not an example itself).
import type { EmulatorOptions } from '../src/testing/index.js';
import type { PlanRoutingOptimizationOptions } from '../src/workflows/index.js';

/**
 * The emulator's synthetic contact centre, in its 'understaffed' scenario: agents working shifts, enough of them
 * on shift overall, but half of the queues' skills held by too few of them. Its rate limit is enforced like the
 * platform's (429 + Retry-After + inin-ratelimit headers), at 50 requests per second instead of the platform's
 * ~300 per minute so the demo takes seconds, not minutes.
 */
export const DEMO_EMULATOR = {
  seed: 42,
  scenario: 'understaffed',
  org: { users: 120, skills: 9, queues: 5 },
  rateLimit: { requests: 50, windowSeconds: 1 },
} as const satisfies EmulatorOptions;

/**
 * The optimization step: at most 3 queue skills per agent and 80 changes in all. The search is measured in work
 * (`effort`: 0.3 of the default budget, a quick plan), never in time; the time limit is only a safety cap far above
 * what that work needs: two runs print the same plan whatever the machine's load.
 */
export const DEMO_OPTIMIZE = {
  constraints: { maxSkillsPerAgent: 3, maxChanges: 80 },
  effort: 0.3,
} as const satisfies PlanRoutingOptimizationOptions;
