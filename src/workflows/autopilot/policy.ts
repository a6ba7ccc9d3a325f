// The autopilot's policy: what it watches, how often it decides, when it acts, and its guardrails. A policy file
// (JSON) is checked with zod/mini before anything runs; every problem names its field (`guardrails.maxChangesPerHour`).
import * as z from 'zod/mini';
import { ValidationError } from '../../errors/index.js';
import { parseOptions } from '../../internal/options.js';
import { resolveGuardrails, type Guardrails } from './decision/guardrails.js';

/**
 * What the autopilot watches, how often it decides, how it plans and the guardrails it keeps. Every field is optional;
 * `parseAutopilotPolicy` checks a policy (for example a JSON file) and names the bad field.
 */
export interface AutopilotPolicy {
  /** Queues to watch and re-plan (ids). Default: every queue with traffic in the history window. */
  queueIds?: string[];
  /**
   * The skill each queue's calls request, by queue id. Default: the skill most requested by the queue's
   * conversations in the history window.
   */
  queueSkills?: Record<string, string>;
  /** Minutes from one decision's start to the next's (simulated minutes on an accelerated clock). Default 5. */
  decisionPeriodMinutes?: number;
  /** Length of the forecast and observation intervals: 15 (default), 30 or 60 minutes. */
  intervalMinutes?: 15 | 30 | 60;
  /** Intervals ahead that the re-forecast predicts and the re-plan must meet the target in. Default 4. */
  horizonIntervals?: number;
  /**
   * Days of history the day's forecast and the agents' usual pattern are built from (mean of the same weekday).
   * Default 28: four samples of each interval, where 7 gives one, whose Poisson noise the re-forecast would take
   * for a surge or a drop.
   */
  historyDays?: number;
  /**
   * A queue is under pressure when its calls run at least this many times its forecast (the lower end of the
   * re-forecast's 90 % interval), or its service level in the last complete interval is below target. Default 1.3:
   * chance runs of calls above a four-week mean reach 1.2, and acting on them writes on days with nothing to fix.
   */
  surgeRatio?: number;
  /**
   * Re-plans model callers hanging up, with each queue's mean patience estimated from the history window's waits
   * (time to answer and time to abandon; a queue with fewer than 10 abandoned calls there is modelled without).
   * Callers who hang up leave the queue, so a model without them overstates a busy queue's waits and the agents
   * it needs. Default false: on the bench's live days it wrote fewer changes but missed a few more half hours
   * (docs/guides/autopilot.md); the check before the way back never models them.
   */
  abandonment?: boolean;
  /** Periods in a row without pressure after which the autopilot returns the org to its baseline. Default 3. */
  calmPeriods?: number;
  /**
   * Before that return, simulate the baseline and the org now on the last complete interval's calls (at least the
   * re-forecast's): while the agents added hold a queue the autopilot reinforced at target and the baseline would
   * not, keep them and check again at the next decision. Default true; false returns after `calmPeriods` alone.
   */
  confirmReturn?: boolean;
  /**
   * Queues under pressure are re-planned to their target plus this margin (0.05: 80 % planned as 85 %); a queue short
   * of agents alone (calls on forecast, at target so far) to its plain target. Default 0.05.
   */
  planMargin?: number;
  /** At most this many changes in one decision. Default 10. */
  maxChangesPerDecision?: number;
  /** Proficiency of a skill the autopilot adds (best-available routing offers the queue's specialists first). Default 1. */
  addProficiency?: number;
  /**
   * Safety cap on the time of one re-plan (optimizeRouting), in ms. Default 10,000: several times what the
   * default work budget takes on 2 busy cores, so a busy machine gives the same plan later, not another plan.
   */
  planTimeLimitMs?: number;
  /** Work budget of one re-plan (optimizeRouting's `effort`): a small, quick search. Default 0.05. */
  planEffort?: number;
  /**
   * Ruin-and-rebuild rounds in a row without a smaller plan before a re-plan's search stops (optimizeRouting's
   * `evaluation.searchPatience`). Default 0: a re-plan keeps its pruned plan. On the bench's live days ruin and
   * rebuild found no smaller re-plan, and on a fast clock its time is simulated minutes before the changes land
   * (docs/guides/autopilot.md).
   */
  planPatience?: number;
  /**
   * Simulated contacts per search evaluation of a re-plan (optimizeRouting's `evaluation.contactsPerEvaluation`).
   * Default 30,000: a re-plan looks `horizonIntervals` ahead, not a whole day, and must end on its work budget well
   * within `planTimeLimitMs`.
   */
  planContactsPerEvaluation?: number;
  /**
   * Simulated contacts of a re-plan's before/after confirmation (`evaluation.confirmContacts`). Default 75,000:
   * half the contacts for a quicker re-plan, with nearly always the same number of changes on the bench's live
   * days (docs/guides/autopilot.md).
   */
  planConfirmContacts?: number;
  /** Seed of the re-plan's simulation (the same inputs and seed give the same plan). Default 1. */
  seed?: number;
  /**
   * Where the autopilot watches the day: `stream` subscribes to queue observations, agent presence and routing
   * status on the notification stream (and still asks the aggregates query for the day-so-far counts) and fails
   * to start when no stream opens; `aggregates` only asks the aggregates query each decision; `auto` (default)
   * streams when a stream opens and otherwise runs on the aggregates query, saying why in every decision.
   */
  observe?: 'auto' | 'stream' | 'aggregates';
  /**
   * While streaming: how often between decisions the live picture is checked for new pressure, in seconds
   * (simulated seconds on an accelerated clock). New pressure makes a decision at once. Default 60.
   */
  watchSeconds?: number;
  /** While streaming: a call waiting this many times its queue's service-level threshold is pressure. Default 4. */
  liveWaitFactor?: number;
  /**
   * `auto` (default) writes its decisions; `shadow` decides and logs, never writes; `approve` proposes each decision
   * that would write and writes it only when accepted within `proposalValidityMinutes` (see `AutopilotProposal`).
   * The three share one decision path: only the write step differs.
   */
  mode?: AutopilotMode;
  /** Approve mode: minutes (of the autopilot's clock) a proposal can be accepted before it is dropped. Default: one decision period. */
  proposalValidityMinutes?: number;
  /** Same as `mode: 'shadow'` (kept for existing policies); true with another mode is refused. Default false. */
  shadow?: boolean;
  /** Return to the baseline when stopped (`stop()`). Default true. */
  restoreOnStop?: boolean;
  /** How long a change stays in place, and no add-return-add within the hour; see `AutopilotHysteresis`. */
  hysteresis?: AutopilotHysteresis;
  /** Limits on every write (budgets, locked agents and queues, quiet periods); see `Guardrails` for the defaults. */
  guardrails?: Guardrails;
}

/**
 * What keeps the autopilot from churning: a change it made stays in place a minimum time, and an agent it added to
 * a queue and then returned is not added again within the hour. A refused change is in the decision's `refused`
 * (rule `minHold` or `readd`), like a guardrail's. The return when the autopilot stops or resumes after a crash is
 * the operator's order and is never held back.
 */
export interface AutopilotHysteresis {
  /**
   * A gain the autopilot wrote is not taken back (by a re-plan or by the return once calm) sooner than this many
   * minutes after the decision that wrote it (or the acceptance of its proposal), counted to the decision that
   * would take it back to the nearest minute, so a slow re-plan or a late timer does not move the hold past a
   * decision. 0 turns the rule off. Default 30.
   */
  minHoldMinutes?: number;
  /** Allow adding, returning and re-adding the same agent to the same queue within one hour. Default false. */
  allowReaddWithinHour?: boolean;
}

/** How the autopilot treats a decision that would write: write it, log it only, or ask first. */
export type AutopilotMode = 'shadow' | 'approve' | 'auto';

/** A policy with its defaults filled in. */
export type ResolvedPolicy = Required<Omit<AutopilotPolicy, 'queueIds' | 'queueSkills' | 'guardrails' | 'hysteresis'>> &
  Pick<AutopilotPolicy, 'queueIds' | 'queueSkills'> & {
    guardrails: Guardrails;
    hysteresis: Required<AutopilotHysteresis>;
  };

const CONTEXT = 'autopilot policy';
const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const ids = /* @__PURE__ */ (() => z.array(z.string().check(z.minLength(1))))();
const window = /* @__PURE__ */ (() =>
  z.strictObject({
    days: z.optional(z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))),
    start: z.string(),
    end: z.string(),
  }))();
const GuardrailsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    maxChangesPerHour: z.optional(int(0, 10_000)),
    maxChangesPerAgentPerDay: z.optional(int(0, 1_000)),
    lockedUserIds: z.optional(ids),
    lockedQueueIds: z.optional(ids),
    minHoldersPerQueue: z.optional(z.union([int(0, 100_000), z.record(z.string(), int(0, 100_000))])),
    gainOnlyQueueIds: z.optional(ids),
    loseOnlyQueueIds: z.optional(ids),
    quietPeriods: z.optional(z.array(window)),
    timeZone: z.optional(z.string()),
  }))();
/** The watched queues: at least one (leave the field out to watch every queue with traffic), each once. */
const watchedQueueIds = /* @__PURE__ */ (() =>
  ids.check(
    z.minLength(1, 'must name at least one queue id (leave queueIds out to watch every queue with traffic)'),
    z.superRefine((list, ctx) => {
      const repeated = new Set(list.filter((id, i) => list.indexOf(id) !== i));
      if (repeated.size === 0) return;
      const named = [...repeated].slice(0, 3).join(', ') + (repeated.size > 3 ? ', ...' : '');
      const extra = list.length - new Set(list).size;
      ctx.addIssue({ code: 'custom', message: `lists a queue id more than once (${extra} repeats: ${named})` });
    }),
  ))();
const PolicySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    queueIds: z.optional(watchedQueueIds),
    queueSkills: z.optional(z.record(z.string(), z.string().check(z.minLength(1)))),
    decisionPeriodMinutes: z.optional(z.number().check(z.gt(0), z.lte(1440))),
    intervalMinutes: z.optional(z.union([z.literal(15), z.literal(30), z.literal(60)])),
    horizonIntervals: z.optional(int(1, 96)),
    historyDays: z.optional(int(1, 90)),
    surgeRatio: z.optional(z.number().check(z.gte(1), z.lte(100))),
    abandonment: z.optional(z.boolean()),
    calmPeriods: z.optional(int(1, 1_000)),
    confirmReturn: z.optional(z.boolean()),
    planMargin: z.optional(z.number().check(z.gte(0), z.lte(0.5))),
    maxChangesPerDecision: z.optional(int(1, 10_000)),
    addProficiency: z.optional(z.number().check(z.gte(0), z.lte(5))),
    planTimeLimitMs: z.optional(int(100, 600_000)),
    planEffort: z.optional(z.number().check(z.gte(0.01), z.lte(1_000))),
    planPatience: z.optional(int(0, 100_000)),
    planContactsPerEvaluation: z.optional(int(1_000, 20_000_000)),
    planConfirmContacts: z.optional(int(1_000, 50_000_000)),
    seed: z.optional(z.number().check(z.int())),
    observe: z.optional(z.enum(['auto', 'stream', 'aggregates'])),
    watchSeconds: z.optional(z.number().check(z.gte(1), z.lte(86_400))),
    liveWaitFactor: z.optional(z.number().check(z.gte(1), z.lte(100))),
    mode: z.optional(z.enum(['shadow', 'approve', 'auto'])),
    proposalValidityMinutes: z.optional(z.number().check(z.gt(0), z.lte(1440))),
    shadow: z.optional(z.boolean()),
    restoreOnStop: z.optional(z.boolean()),
    hysteresis: z.optional(
      z.strictObject({
        minHoldMinutes: z.optional(z.number().check(z.gte(0), z.lte(1440))),
        allowReaddWithinHour: z.optional(z.boolean()),
      }),
    ),
    guardrails: z.optional(GuardrailsSchema),
  }))();

/**
 * Checks a policy (an object, e.g. a parsed policy file) and fills its defaults. Unknown fields are refused, so a
 * typo (`maxChangesPerHr`) is an error rather than a guardrail silently left at its default.
 * @throws ValidationError whose issues name each bad field (`guardrails.maxChangesPerHour`, `surgeRatio`).
 * @example
 * const policy = parseAutopilotPolicy(JSON.parse(await readFile('policy.json', 'utf8')));
 */
export function parseAutopilotPolicy(value: unknown): ResolvedPolicy {
  const p = parseOptions(CONTEXT, PolicySchema, value, '') as AutopilotPolicy;
  const guardrails = p.guardrails ?? {};
  try {
    resolveGuardrails(guardrails);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        CONTEXT,
        error.issues.map((i) => ({ ...i, path: `guardrails.${i.path}` })),
      );
    throw error;
  }
  if (p.shadow === true && p.mode !== undefined && p.mode !== 'shadow')
    throw new ValidationError(CONTEXT, [
      { path: 'shadow', message: `is true but mode is '${p.mode}': set one of them` },
    ]);
  const mode = p.mode ?? (p.shadow ? 'shadow' : 'auto');
  const decisionPeriodMinutes = p.decisionPeriodMinutes ?? 5;
  return {
    ...(p.queueIds ? { queueIds: p.queueIds } : {}),
    ...(p.queueSkills ? { queueSkills: p.queueSkills } : {}),
    decisionPeriodMinutes,
    intervalMinutes: p.intervalMinutes ?? 15,
    horizonIntervals: p.horizonIntervals ?? 4,
    historyDays: p.historyDays ?? 28,
    surgeRatio: p.surgeRatio ?? 1.3,
    abandonment: p.abandonment ?? false,
    calmPeriods: p.calmPeriods ?? 3,
    confirmReturn: p.confirmReturn ?? true,
    planMargin: p.planMargin ?? 0.05,
    maxChangesPerDecision: p.maxChangesPerDecision ?? 10,
    addProficiency: p.addProficiency ?? 1,
    planTimeLimitMs: p.planTimeLimitMs ?? 10_000,
    planEffort: p.planEffort ?? 0.05,
    planPatience: p.planPatience ?? 0,
    planContactsPerEvaluation: p.planContactsPerEvaluation ?? 30_000,
    planConfirmContacts: p.planConfirmContacts ?? 75_000,
    seed: p.seed ?? 1,
    observe: p.observe ?? 'auto',
    watchSeconds: p.watchSeconds ?? 60,
    liveWaitFactor: p.liveWaitFactor ?? 4,
    mode,
    proposalValidityMinutes: p.proposalValidityMinutes ?? decisionPeriodMinutes,
    shadow: mode === 'shadow',
    restoreOnStop: p.restoreOnStop ?? true,
    hysteresis: {
      minHoldMinutes: p.hysteresis?.minHoldMinutes ?? 30,
      allowReaddWithinHour: p.hysteresis?.allowReaddWithinHour ?? false,
    },
    guardrails,
  };
}
