// The autopilot's guardrails: which of the changes it would like to make it may make now. Pure (no client, no
// clock of its own): the caller passes the time, what was changed before and how many agents hold each queue, so
// the same inputs always give the same answer and tests need no timers.
import * as z from 'zod/mini';
import { ValidationError } from '../../../errors/index.js';
import { parseOptions, type OptionsShape } from '../../../internal/options.js';
import { isWithinWindow, type ChangeWindow } from '../../../optimizer/planning/checks/windows.js';

/** One change the autopilot proposes: an agent gains or loses the ability to take a queue's calls. */
export interface GuardedChange {
  /** The agent. */
  userId: string;
  /** The queue. */
  queueId: string;
  /** `gain`: the agent starts taking the queue's calls (skill or membership added); `lose`: stops. */
  direction: 'gain' | 'lose';
}

/** A change that was written earlier, for the hourly and per-agent budgets. */
export interface PastChange {
  /** The agent changed. */
  userId: string;
  /** The queue they gained or lost. */
  queueId: string;
  /** When it was written. */
  at: Date;
}

/** The hourly budget when the policy sets none: room for two queues' surges at once (see docs/guides/autopilot.md). */
export const DEFAULT_MAX_CHANGES_PER_HOUR = 30;

/** Limits every autopilot write must respect; a plan that breaks one is cut down or refused, and the decision says which. */
export interface Guardrails {
  /** At most this many changes in any rolling hour (every autopilot write counts, returns to baseline too). Default 30. */
  maxChangesPerHour?: number;
  /** At most this many changes per agent per rolling 24 h. Default 4. */
  maxChangesPerAgentPerDay?: number;
  /** Agents the autopilot never changes. */
  lockedUserIds?: readonly string[];
  /** Queues the autopilot never changes (no agent gains or loses them). */
  lockedQueueIds?: readonly string[];
  /** Fewest agents that must keep each queue: a number for every queue, or per queue id. Default 1. */
  minHoldersPerQueue?: number | Readonly<Record<string, number>>;
  /** Queues that may only gain agents. */
  gainOnlyQueueIds?: readonly string[];
  /** Queues that may only lose agents. */
  loseOnlyQueueIds?: readonly string[];
  /** Weekly windows in which nothing is written (shift changes, the morning huddle). */
  quietPeriods?: readonly ChangeWindow[];
  /** IANA time zone of `quietPeriods`. Default `UTC`. */
  timeZone?: string;
}

/** Why a change was held back: the rule that refused it, in words a reviewer reads. */
export interface RefusedChange {
  /** The change refused. */
  change: GuardedChange;
  /**
   * The guardrail that refused it: a quiet period, a locked agent or queue, a gain-only or lose-only queue, the
   * queue's minimum holders, the hourly or per-agent budget, or the policy's hysteresis (`minHold`: a gain kept
   * its minimum time; `readd`: no add, return and add again of the same agent and queue within the hour).
   */
  rule:
    | 'quietPeriod'
    | 'lockedUser'
    | 'lockedQueue'
    | 'gainOnly'
    | 'loseOnly'
    | 'minHolders'
    | 'hourlyBudget'
    | 'agentBudget'
    | 'minHold'
    | 'readd';
  /** The refusal in words, for the decision log. */
  message: string;
}

/** What the guardrails count against: changes already written this hour and today per agent, and holders per queue. */
export interface GuardrailState {
  /** The time the changes would be written (quiet periods and the rolling hour and day are counted from it). */
  now: Date;
  /** Changes written in the last 24 hours at least (older ones are ignored). */
  history: readonly PastChange[];
  /** How many agents hold each queue now (before the proposed changes). */
  holders: Readonly<Record<string, number>>;
}

/** The guardrails' answer for one proposed plan: the changes allowed and, for each refused one, why. */
export interface GuardrailVerdict {
  /** The changes that may be written now, in the order proposed. */
  allowed: GuardedChange[];
  /** The others, each with the rule that refused it. */
  refused: RefusedChange[];
}

// Keys strict at every depth; values as wide as the checks below accept (a policy file's own schema is tighter).
const whole = /* @__PURE__ */ (() => z.number().check(z.int(), z.gte(0)))();
const ids = /* @__PURE__ */ (() => z.array(z.string()))();
const window = /* @__PURE__ */ (() =>
  z.strictObject({
    days: z.optional(z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))),
    start: z.string(),
    end: z.string(),
  } satisfies OptionsShape<ChangeWindow>))();
const GuardrailsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    maxChangesPerHour: z.optional(whole),
    maxChangesPerAgentPerDay: z.optional(whole),
    lockedUserIds: z.optional(ids),
    lockedQueueIds: z.optional(ids),
    minHoldersPerQueue: z.optional(z.union([whole, z.record(z.string(), whole)])),
    gainOnlyQueueIds: z.optional(ids),
    loseOnlyQueueIds: z.optional(ids),
    quietPeriods: z.optional(z.array(window)),
    timeZone: z.optional(z.string()),
  } satisfies OptionsShape<Guardrails>))();

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CONTEXT = 'autopilot guardrails';

function count(path: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new ValidationError(CONTEXT, [{ path, message: `must be a whole number >= 0, got ${String(value)}` }]);
  return value;
}

/** Checks a guardrails object and fills its defaults; throws a ValidationError naming the bad field. */
export function resolveGuardrails(guardrails: Guardrails = {}): Required<Omit<Guardrails, 'minHoldersPerQueue'>> & {
  /** The fewest agents that must keep serving a queue (from `minHoldersPerQueue`: one number or per queue id). */
  minHolders: (queueId: string) => number;
} {
  parseOptions(CONTEXT, GuardrailsSchema, guardrails, '');
  const perQueue = guardrails.minHoldersPerQueue;
  let minHolders: (queueId: string) => number;
  if (perQueue === undefined || typeof perQueue === 'number') {
    const floor = count('minHoldersPerQueue', perQueue, 1);
    minHolders = () => floor;
  } else {
    for (const [queueId, n] of Object.entries(perQueue)) count(`minHoldersPerQueue.${queueId}`, n, 0);
    minHolders = (queueId) => perQueue[queueId] ?? 1;
  }
  const timeZone = guardrails.timeZone ?? 'UTC';
  const quietPeriods = guardrails.quietPeriods ?? [];
  // Parse the windows once now, so a bad window fails when the policy is loaded rather than at the first decision.
  if (quietPeriods.length > 0) isWithinWindow(quietPeriods, new Date(0), { timeZone });
  const both = (guardrails.gainOnlyQueueIds ?? []).filter((id) => (guardrails.loseOnlyQueueIds ?? []).includes(id));
  if (both.length > 0)
    throw new ValidationError(CONTEXT, [
      { path: 'gainOnlyQueueIds', message: `queue ${both[0]} is also in loseOnlyQueueIds` },
    ]);
  return {
    maxChangesPerHour: count('maxChangesPerHour', guardrails.maxChangesPerHour, DEFAULT_MAX_CHANGES_PER_HOUR),
    maxChangesPerAgentPerDay: count('maxChangesPerAgentPerDay', guardrails.maxChangesPerAgentPerDay, 4),
    lockedUserIds: guardrails.lockedUserIds ?? [],
    lockedQueueIds: guardrails.lockedQueueIds ?? [],
    gainOnlyQueueIds: guardrails.gainOnlyQueueIds ?? [],
    loseOnlyQueueIds: guardrails.loseOnlyQueueIds ?? [],
    quietPeriods,
    timeZone,
    minHolders,
  };
}

/**
 * Splits proposed changes into those the guardrails allow now and those they refuse, each with its rule. Changes
 * are taken in the order given (put the most urgent first): budgets are spent on the earlier ones.
 * @example
 * const { allowed, refused } = checkGuardrails(proposed, { now: new Date(), history, holders }, { maxChangesPerHour: 10 });
 */
export function checkGuardrails(
  proposed: readonly GuardedChange[],
  state: GuardrailState,
  guardrails: Guardrails = {},
): GuardrailVerdict {
  const rules = resolveGuardrails(guardrails);
  const now = state.now.getTime();
  if (!Number.isFinite(now))
    throw new ValidationError(CONTEXT, [{ path: 'state.now', message: 'must be a valid Date' }]);
  const allowed: GuardedChange[] = [];
  const refused: RefusedChange[] = [];
  const refuse = (change: GuardedChange, rule: RefusedChange['rule'], message: string) =>
    refused.push({ change, rule, message });

  const quiet =
    rules.quietPeriods.length > 0 && isWithinWindow(rules.quietPeriods, state.now, { timeZone: rules.timeZone });
  let hourly = state.history.filter((c) => now - c.at.getTime() < HOUR_MS).length;
  const perAgent = new Map<string, number>();
  for (const c of state.history)
    if (now - c.at.getTime() < DAY_MS) perAgent.set(c.userId, (perAgent.get(c.userId) ?? 0) + 1);
  const holders = new Map(Object.entries(state.holders));

  for (const change of proposed) {
    const { userId, queueId, direction } = change;
    if (quiet) refuse(change, 'quietPeriod', `inside a quiet period (${rules.timeZone})`);
    else if (rules.lockedUserIds.includes(userId)) refuse(change, 'lockedUser', `agent ${userId} is locked`);
    else if (rules.lockedQueueIds.includes(queueId)) refuse(change, 'lockedQueue', `queue ${queueId} is locked`);
    else if (direction === 'lose' && rules.gainOnlyQueueIds.includes(queueId))
      refuse(change, 'gainOnly', `queue ${queueId} may only gain agents`);
    else if (direction === 'gain' && rules.loseOnlyQueueIds.includes(queueId))
      refuse(change, 'loseOnly', `queue ${queueId} may only lose agents`);
    else if (direction === 'lose' && (holders.get(queueId) ?? 0) - 1 < rules.minHolders(queueId)) {
      refuse(
        change,
        'minHolders',
        `queue ${queueId} would keep ${(holders.get(queueId) ?? 0) - 1} holders, fewer than ${rules.minHolders(queueId)}`,
      );
    } else if (hourly >= rules.maxChangesPerHour)
      refuse(change, 'hourlyBudget', `${rules.maxChangesPerHour} changes in the last hour already`);
    else if ((perAgent.get(userId) ?? 0) >= rules.maxChangesPerAgentPerDay) {
      refuse(
        change,
        'agentBudget',
        `agent ${userId} was changed ${perAgent.get(userId)} times in the last 24 h (limit ${rules.maxChangesPerAgentPerDay})`,
      );
    } else {
      allowed.push(change);
      hourly += 1;
      perAgent.set(userId, (perAgent.get(userId) ?? 0) + 1);
      holders.set(queueId, (holders.get(queueId) ?? 0) + (direction === 'gain' ? 1 : -1));
    }
  }
  return { allowed, refused };
}
