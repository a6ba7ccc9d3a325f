// The autopilot's policy: what it watches, how often it decides, when it acts, and its guardrails. A policy file
// (JSON) is checked with zod/mini before anything runs; every problem names its field (`guardrails.maxChangesPerHour`).
import * as z from 'zod/mini';
import { ValidationError } from '../../errors/index.js';
import { safeParse } from '../../internal/parse.js';
import { resolveGuardrails, type Guardrails } from './guardrails.js';

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
  /** Minutes between decisions (simulated minutes on an accelerated clock). Default 5. */
  decisionPeriodMinutes?: number;
  /** Length of the forecast and observation intervals: 15 (default), 30 or 60 minutes. */
  intervalMinutes?: 15 | 30 | 60;
  /** Intervals ahead that the re-forecast predicts and the re-plan must meet the target in. Default 4. */
  horizonIntervals?: number;
  /**
   * Days of history the day's forecast is built from (mean of the same weekday); its whole weeks are the
   * re-forecast prior's strength. Default 28 (four same weekdays).
   */
  historyDays?: number;
  /**
   * A queue is under pressure when its calls run at least this many times its forecast (the lower end of the
   * re-forecast's 90 % interval), or its service level in the last complete interval is below target. Default 1.2.
   */
  surgeRatio?: number;
  /** Periods in a row without pressure after which the autopilot returns the org to its baseline. Default 3. */
  calmPeriods?: number;
  /** Queues under pressure are re-planned to their target plus this margin (0.05: 80 % planned as 85 %). Default 0.05. */
  planMargin?: number;
  /** At most this many changes in one decision. Default 10. */
  maxChangesPerDecision?: number;
  /** Proficiency of a skill the autopilot adds (best-available routing offers the queue's specialists first). Default 1. */
  addProficiency?: number;
  /** Safety cap on the time of one re-plan (optimizeRouting), in ms. Default 5,000. */
  planTimeLimitMs?: number;
  /** Work budget of one re-plan (optimizeRouting's `effort`): a small, quick search. Default 0.25. */
  planEffort?: number;
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
   * and writes it only when accepted within its validity (see `AutopilotProposal`). One decision path for all three.
   */
  mode?: 'shadow' | 'approve' | 'auto';
  /** Approve mode: minutes a proposal can be approved before it is dropped. Default: one decision period. */
  proposalValidityMinutes?: number;
  /** Same as `mode: 'shadow'` (kept for existing policies). Default false. */
  shadow?: boolean;
  /** Return to the baseline when stopped (`stop()`). Default true. */
  restoreOnStop?: boolean;
  /**
   * A queue with fewer than this share of its holders on queue, against the number usually on queue at this time
   * (at least 4), is short-staffed: pressure like a surge, and a reinforced queue stays reinforced while it lasts.
   * Default 0 (off): the usual count comes from history, and on a day with nobody absent it read 0.6 of the usual
   * in the afternoon on the emulator; set it (0.6 to 0.8) once shadow mode shows it fires only on absences.
   */
  shortStaffedShare?: number;
  /** How much evidence the autopilot needs before it acts, and how long its changes stay; see `AutopilotHysteresis`. */
  hysteresis?: AutopilotHysteresis;
  /** Limits on every write (budgets, locked agents and queues, quiet periods); see `Guardrails` for the defaults. */
  guardrails?: Guardrails;
}

/** Evidence before acting and the minimum life of a change: what keeps the autopilot from chasing noise. */
export interface AutopilotHysteresis {
  /**
   * Fewest calls behind count-based pressure: a surge acts only when the re-forecast rests on at least this many
   * calls, a missed service level only when the interval (or the last two, both missed) had this many. Pressure
   * from waiting time is `liveWaitFactor`. Default 20.
   */
  minCalls?: number;
  /** A change stays in place at least this many minutes before the autopilot takes it back. Default 30. */
  minHoldMinutes?: number;
  /** Allow adding, returning and re-adding the same agent to the same queue within one hour. Default false. */
  allowReaddWithinHour?: boolean;
}

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
const PolicySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    queueIds: z.optional(ids),
    queueSkills: z.optional(z.record(z.string(), z.string().check(z.minLength(1)))),
    decisionPeriodMinutes: z.optional(z.number().check(z.gt(0), z.lte(1440))),
    intervalMinutes: z.optional(z.union([z.literal(15), z.literal(30), z.literal(60)])),
    horizonIntervals: z.optional(int(1, 96)),
    historyDays: z.optional(int(1, 90)),
    surgeRatio: z.optional(z.number().check(z.gte(1), z.lte(100))),
    calmPeriods: z.optional(int(1, 1_000)),
    planMargin: z.optional(z.number().check(z.gte(0), z.lte(0.5))),
    maxChangesPerDecision: z.optional(int(1, 10_000)),
    addProficiency: z.optional(z.number().check(z.gte(0), z.lte(5))),
    planTimeLimitMs: z.optional(int(100, 600_000)),
    planEffort: z.optional(z.number().check(z.gte(0.01), z.lte(1_000))),
    seed: z.optional(z.number().check(z.int())),
    observe: z.optional(z.enum(['auto', 'stream', 'aggregates'])),
    watchSeconds: z.optional(z.number().check(z.gte(1), z.lte(86_400))),
    liveWaitFactor: z.optional(z.number().check(z.gte(1), z.lte(100))),
    mode: z.optional(z.enum(['shadow', 'approve', 'auto'])),
    shortStaffedShare: z.optional(z.number().check(z.gte(0), z.lte(1))),
    proposalValidityMinutes: z.optional(z.number().check(z.gt(0), z.lte(1440))),
    shadow: z.optional(z.boolean()),
    restoreOnStop: z.optional(z.boolean()),
    hysteresis: z.optional(
      z.strictObject({
        minCalls: z.optional(int(0, 100_000)),
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
  const result = safeParse(PolicySchema, value);
  if (!result.success) throw ValidationError.fromZod(CONTEXT, result.error);
  const p = result.data as AutopilotPolicy;
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
  return {
    ...(p.queueIds ? { queueIds: p.queueIds } : {}),
    ...(p.queueSkills ? { queueSkills: p.queueSkills } : {}),
    decisionPeriodMinutes: p.decisionPeriodMinutes ?? 5,
    intervalMinutes: p.intervalMinutes ?? 15,
    horizonIntervals: p.horizonIntervals ?? 4,
    historyDays: p.historyDays ?? 28,
    surgeRatio: p.surgeRatio ?? 1.2,
    calmPeriods: p.calmPeriods ?? 3,
    planMargin: p.planMargin ?? 0.05,
    maxChangesPerDecision: p.maxChangesPerDecision ?? 10,
    addProficiency: p.addProficiency ?? 1,
    planTimeLimitMs: p.planTimeLimitMs ?? 5_000,
    planEffort: p.planEffort ?? 0.25,
    seed: p.seed ?? 1,
    observe: p.observe ?? 'auto',
    watchSeconds: p.watchSeconds ?? 60,
    liveWaitFactor: p.liveWaitFactor ?? 4,
    mode,
    shortStaffedShare: p.shortStaffedShare ?? 0,
    proposalValidityMinutes: p.proposalValidityMinutes ?? p.decisionPeriodMinutes ?? 5,
    shadow: mode === 'shadow',
    restoreOnStop: p.restoreOnStop ?? true,
    hysteresis: {
      minCalls: p.hysteresis?.minCalls ?? 20,
      minHoldMinutes: p.hysteresis?.minHoldMinutes ?? 30,
      allowReaddWithinHour: p.hysteresis?.allowReaddWithinHour ?? false,
    },
    guardrails,
  };
}
