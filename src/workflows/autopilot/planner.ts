// The autopilot's re-plans: optimizeRouting on the policy's plan settings, with its worker threads kept warm from
// one decision to the next. A re-plan on a cold worker pays for the threads' start, the solver's load and the JIT
// warm-up (seconds on a small org), and on a fast clock that delay is simulated minutes before the changes land.
import { isTimeoutError } from '../../errors/index.js';
import {
  optimizeRouting,
  warmUpOptimizer,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
} from '../../optimizer/index.js';
import type { ResolvedPolicy } from './policy.js';

/** When the planner last ran, on this thread's performance.now() (worker threads idle by real time). */
export interface Planner {
  lastRunAt: number | undefined;
  /** The warm-up started with the run (see startWarming), until it ends; it never rejects. */
  warming?: Promise<void> | undefined;
}

/** How long the optimizer's workers wait for the next re-plan: two decision periods. */
export function keepWarmMs(policy: ResolvedPolicy): number {
  return 2 * policy.decisionPeriodMinutes * 60_000;
}

/**
 * The re-plan. A busy machine can keep it from confirming any plan within `planTimeLimitMs`: undefined then, so
 * the decision writes nothing and the next one plans again, rather than the autopilot ending.
 */
export async function replan(
  planner: Planner,
  policy: ResolvedPolicy,
  input: OptimizeRoutingInput,
  signal: AbortSignal | undefined,
): Promise<OptimizeRoutingResult | undefined> {
  // Two runs at once would each take a worker: the re-plan waits for the warm-up and finds its worker warm.
  await planner.warming;
  return plan(planner, policy, input, signal);
}

async function plan(
  planner: Planner,
  policy: ResolvedPolicy,
  input: OptimizeRoutingInput,
  signal: AbortSignal | undefined,
): Promise<OptimizeRoutingResult | undefined> {
  try {
    return await optimizeRouting(input, {
      seed: policy.seed,
      timeLimitMs: policy.planTimeLimitMs,
      effort: policy.planEffort,
      evaluation: {
        contactsPerEvaluation: policy.planContactsPerEvaluation,
        confirmContacts: policy.planConfirmContacts,
        searchPatience: policy.planPatience,
      },
      addProficiency: policy.addProficiency,
      acceptance: 'mean',
      keepWarmMs: keepWarmMs(policy),
      signal,
    });
  } catch (error) {
    if (isTimeoutError(error) && !signal?.aborted) return undefined;
    throw error;
  } finally {
    planner.lastRunAt = performance.now();
  }
}

/**
 * Whether the workers may be cold by the next decision: never started, or idle for a decision period already. A
 * warm-up still running counts as warm.
 */
export function plannerCold(planner: Planner, policy: ResolvedPolicy, now = performance.now()): boolean {
  if (planner.warming) return false;
  return planner.lastRunAt === undefined || now - planner.lastRunAt > policy.decisionPeriodMinutes * 60_000;
}

/**
 * A re-plan whose result is not used, on the picture of a decision that did not plan: it starts the workers (or
 * keeps them), so the next re-plan that matters finds them warm. `stopping` ends it when the run stops. It never
 * fails the decision: its only effect is the next re-plan's speed.
 */
export async function warmPlanner(
  planner: Planner,
  policy: ResolvedPolicy,
  input: OptimizeRoutingInput,
  stopping: AbortSignal,
): Promise<void> {
  await replan(planner, policy, input, stopping).catch(() => undefined);
}

/**
 * The warm-up of a run's start, while the run goes on with its other reads: the workers started and the solver's
 * branch-and-bound code compiled (warmUpOptimizer), then a re-plan on an input of the setup's (see warmUpInput).
 * The first decision's re-plan waits for it, if at all, instead of starting cold; that re-plan is the one an
 * autopilot started in a surge needs at once.
 */
export function startWarming(
  planner: Planner,
  policy: ResolvedPolicy,
  input: OptimizeRoutingInput,
  stopping: AbortSignal,
): void {
  const warming: Promise<void> = warmUpOptimizer({ keepWarmMs: keepWarmMs(policy), signal: stopping })
    .catch(() => undefined)
    .then(() => plan(planner, policy, input, stopping))
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      if (planner.warming === warming) planner.warming = undefined;
    });
  planner.warming = warming;
}
