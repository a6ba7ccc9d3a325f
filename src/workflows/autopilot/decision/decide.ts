// The autopilot's decision, pure: from what it saw (calls per interval against the day's forecast, service level,
// who is on queue and who holds what) to which queues are under pressure, the optimizer input for the next
// intervals, and the optimizer's changes as guarded changes. No client, no clock: the caller passes the time.
import type { OptimizeRoutingInput, OptimizeRoutingResult } from '../../../optimizer/index.js';
import type { GuardedChange, Guardrails } from './guardrails.js';
import type { LiveQueue } from '../observe/live-picture.js';
import { DEFAULT_PRIOR_CALLS, ratioPosterior, reforecast } from './reforecast.js';
import { evidence, recentRatios } from './evidence.js';
import { isAbsence, missingGrew, type QueueStaffing } from './absence.js';
import { fromNow } from './window.js';
import type { QueueObservation } from '../observe/source.js';

/** A queue as the autopilot models it. */
export interface QueueModel {
  id: string;
  /** The skill its calls request. */
  skillId: string;
  ahtSeconds: number;
  target: { serviceLevel: number; withinSeconds: number };
  /** The day's forecast: offered calls per interval of the day. */
  forecast: number[];
  /** Mean caller patience (s) the re-plan models hang-ups with; undefined: no caller hangs up. */
  patienceSeconds?: number | undefined;
}

/** What the autopilot made of one queue at one decision. */
export interface QueueAssessment {
  /** The queue. */
  queueId: string;
  /** Interval of the day now (0-based). */
  interval: number;
  /** Calls offered so far in the current interval. */
  offeredNow: number;
  /** The forecast's calls for the whole current interval. */
  forecastNow: number;
  /** Service level of the last complete interval (null: no calls, or no interval complete yet). */
  lastServiceLevel: number | null;
  /** The queue's service-level target, a 0..1 share. */
  target: number;
  /** Re-forecast: calls run at `ratio` × the forecast (90 % interval `low`..`high`). */
  ratio: number;
  /** Lower bound of the ratio's 90 % interval. */
  low: number;
  /** Upper bound of the ratio's 90 % interval. */
  high: number;
  /** Predicted offered calls for the next intervals (the current one first). */
  predicted: number[];
  /** Calls per interval at the rate seen over the last complete interval and the current one so far. */
  recentRate?: number | undefined;
  /** Calls answered late or lost (not within the target) since the last complete interval began. */
  lostToTarget?: number | undefined;
  /** Calls offered over the same span as `lostToTarget`. */
  offeredSinceLastInterval?: number | undefined;
  /**
   * True when the only pressure is a surge or an absence that goes on with agents added and the queue at target:
   * the autopilot keeps what it added and adds no more (it does not return them, and it does not re-plan for this
   * queue).
   */
  holding?: boolean | undefined;
  /**
   * True when the last complete interval missed the target beyond chance (see evidence): the agents on queue now
   * do not suffice, so the re-plan does not count on agents who are yet to come back.
   */
  missedNow?: boolean | undefined;
  /**
   * True when the only pressure is agents away (fewer on queue than their usual pattern, calls on forecast, the
   * last interval at target): the re-plan sizes this queue to its plain target, without `planMargin`.
   */
  shortOnly?: boolean | undefined;
  /**
   * The queue's staff now: how many of its baseline skill holders are on queue, against how many their usual
   * pattern (the usual-availability history) puts there. Absent when none of them has history.
   */
  staff?: QueueStaffing | undefined;
  /** True when the queue is, or will be, under pressure: the autopilot re-plans for it. */
  pressure: boolean;
  /** The assessment in words: the surge, the missed service level, the live pressure, or on forecast and at target. */
  why: string;
  /** What the notification stream showed (stream source only): calls waiting, the oldest's wait, agents on queue. */
  live?: { waiting: number; oldestWaitSeconds: number; onQueueUsers?: number | undefined } | undefined;
  /** Set when the live picture alone put the queue under pressure (before the counts show it). */
  livePressure?: string | undefined;
}

export interface AssessOptions {
  /** Epoch ms now, and the start of the day's first interval. */
  now: number;
  dayStart: number;
  intervalMinutes: number;
  horizonIntervals: number;
  surgeRatio: number;
  /** A call waiting this many times the queue's service-level threshold is pressure (live picture). Default 4. */
  liveWaitFactor?: number;
  /**
   * Queues the autopilot reinforced (agents hold them now who did not at the baseline): they stay under pressure
   * while the last interval's calls (or the current one's) run at or above halfway to `surgeRatio` (1.15x for
   * 1.3), so a surge that the added agents now serve well is not taken for its end.
   */
  sustain?: ReadonlySet<string>;
  /**
   * Per queue, its staff now against its usual staffing (see queueStaffing). An absence (see isAbsence) is
   * pressure like a surge, and a reinforced queue holds what it was given while the absence lasts.
   */
  staffing?: Readonly<Record<string, QueueStaffing>>;
  /**
   * Per queue, the agents missing from its usual staffing at the last re-plan: a reinforced queue that has lost
   * another agent since is short again, not holding.
   */
  plannedMissing?: ReadonlyMap<string, number>;
}

/** Shortest stretch (in intervals) whose calls give the recent rate: a few minutes of calls are not a rate. */
const MIN_RECENT_SPAN = 0.5;
/** The live ratio is capped: a burst of a few calls in a minute is not a trend. */
const MAX_LIVE_RATIO = 3;

/**
 * The ratio a re-plan started by callers waiting sizes for: the upper end of the current interval's posterior so far
 * (the day's window needs an interval or two to follow a surge that started minutes ago), from the interval's first
 * minute (the prior keeps a handful of calls from swinging it, and the wait is evidence of its own), at least the
 * last complete interval's, capped.
 */
function liveRatioOf(
  forecast: readonly number[],
  offered: readonly number[],
  at: { interval: number; share: number },
  lastRatio: number,
): number {
  const now = ratioPosterior(offered[at.interval] ?? 0, (forecast[at.interval] ?? 0) * at.share, DEFAULT_PRIOR_CALLS);
  return Math.min(MAX_LIVE_RATIO, Math.max(now.high, lastRatio));
}

/** Re-forecasts each queue and says whether it is, or will be, under pressure. */
export function assessQueues(
  queues: readonly QueueModel[],
  observed: Readonly<Record<string, QueueObservation>>,
  o: AssessOptions,
): QueueAssessment[] {
  const len = o.intervalMinutes * 60_000;
  const interval = Math.max(0, Math.floor((o.now - o.dayStart) / len));
  const share = Math.min(1, Math.max(1e-3, (o.now - o.dayStart - interval * len) / len));
  return queues.map((q) => {
    const obs = observed[q.id];
    const offered = Array.from({ length: interval + 1 }, (_, i) => obs?.offered[i] ?? 0);
    const rf = reforecast({
      forecast: q.forecast,
      observed: offered.slice(0, q.forecast.length),
      currentShare: share,
      horizon: o.horizonIntervals,
    });
    const last = interval > 0 ? (obs?.serviceLevel[interval - 1] ?? null) : null;
    const lastCalls = interval > 0 ? (offered[interval - 1] ?? 0) : 0;
    const { lastRatio, nowPosterior, recent, windowLow } = recentRatios(q.forecast, offered, interval, share, rf.ratio);
    const surging = rf.low >= o.surgeRatio;
    const { missed, early, lostToTarget, offeredSinceLastInterval } = evidence(q, obs, o, interval, {
      last,
      lastCalls,
      lastRatio,
      dayRatio: rf.ratio,
      windowLow,
      nowLow: nowPosterior.low,
    });
    const liveRatio = early ? liveRatioOf(q.forecast, offered, { interval, share }, lastRatio) : 0;
    const holdAt = 1 + (o.surgeRatio - 1) / 2;
    const staff = o.staffing?.[q.id];
    const away = isAbsence(staff);
    const reinforced = o.sustain?.has(q.id) ?? false;
    const calls = !surging && !missed && !early;
    const short = calls && away && (!reinforced || missingGrew(staff, o.plannedMissing?.get(q.id)));
    const sustained = calls && !short && reinforced && (recent >= holdAt || away);
    const why = surging
      ? `calls at ${rf.ratio.toFixed(2)}x the forecast (90 % interval ${rf.low.toFixed(2)}-${rf.high.toFixed(2)}, act at ${o.surgeRatio})`
      : calmOrWhy(q, {
          missed,
          early,
          sustained,
          short,
          staff,
          last,
          lastCalls,
          ratio: rf.ratio,
          nowRatio: nowPosterior.ratio,
          recent,
          holdAt,
        });
    const under = surging || missed || early !== undefined || sustained || short;
    const recentRate = recentRateOf(lastCalls + (offered[interval] ?? 0), interval, share);
    return {
      queueId: q.id,
      interval,
      offeredNow: offered[interval] ?? 0,
      forecastNow: q.forecast[interval] ?? 0,
      lastServiceLevel: last,
      target: q.target.serviceLevel,
      ratio: rf.ratio,
      low: rf.low,
      high: rf.high,
      predicted: predictedCalls(rf, o.horizonIntervals, under && { lastRatio, liveRatio, recentRate }),
      recentRate,
      lostToTarget,
      offeredSinceLastInterval,
      ...(staff ? { staff } : {}),
      pressure: under,
      ...(sustained ? { holding: true } : {}),
      ...(short ? { shortOnly: true } : {}),
      ...(missed ? { missedNow: true } : {}),
      why,
      ...(obs?.live ? { live: liveSummary(obs.live, o.now) } : {}),
      ...(early && !surging && !missed ? { livePressure: early } : {}),
    };
  });
}

/**
 * The calls the re-plan sizes for, per interval ahead: the re-forecast, and under pressure the last complete
 * interval's own ratio when it is higher (the prior and the window smooth a surge that started minutes ago, and
 * planning for too few calls is the costly mistake), at least the recent rate (see recentRateOf).
 */
function predictedCalls(
  rf: { calls: readonly number[]; ratio: number },
  horizon: number,
  pressure: false | { lastRatio: number; liveRatio: number; recentRate: number },
): number[] {
  if (!pressure) return pad(rf.calls, horizon);
  const { lastRatio, liveRatio, recentRate } = pressure;
  return pad(
    rf.calls.map((c) => Math.max(c * Math.max(1, lastRatio / rf.ratio, liveRatio / rf.ratio), recentRate)),
    horizon,
  );
}

/**
 * Calls per interval at the rate seen over the last complete interval and the current one so far (`calls`): under
 * pressure the plan is sized to at least that, whatever the day's forecast says (a forecast from a few weeks of
 * history is still an average, and a ratio to a forecast that is low by chance under-sizes the plan). The rate
 * itself, not the upper end of its interval: the plan's target already carries `planMargin`, and both together
 * add agents a queue meeting its target does not need.
 */
function recentRateOf(calls: number, interval: number, share: number): number {
  const span = (interval > 0 ? 1 : 0) + share;
  return span < MIN_RECENT_SPAN ? 0 : calls / span;
}

/** What a decision shows of the live picture: callers waiting, the longest wait so far, agents on queue. */
function liveSummary(live: LiveQueue, now: number): NonNullable<QueueAssessment['live']> {
  const since = live.oldestWaitingSince;
  return {
    waiting: live.waiting,
    oldestWaitSeconds: since === undefined ? 0 : Math.max(0, Math.round((now - since) / 1000)),
    onQueueUsers: live.onQueueUsers,
  };
}

/** The assessment in words when the queue does not surge: the miss, the live pressure, holding, or calm. */
function calmOrWhy(
  q: QueueModel,
  a: {
    missed: boolean;
    early: string | undefined;
    sustained: boolean;
    short: boolean;
    staff: QueueStaffing | undefined;
    last: number | null;
    lastCalls: number;
    ratio: number;
    nowRatio: number;
    recent: number;
    holdAt: number;
  },
): string {
  if (a.missed)
    return `service level ${(a.last ?? 0).toFixed(3)} below its target ${q.target.serviceLevel} in the last interval (${a.lastCalls} calls)`;
  if (a.early)
    return `live: ${a.early}; calls at ${a.ratio.toFixed(2)}x the forecast, ${a.nowRatio.toFixed(2)}x in this interval so far`;
  const away = a.staff
    ? `${a.staff.onQueue} agents on queue where their usual pattern has ${a.staff.usual.toFixed(1)}`
    : '';
  if (a.short) return `${away}: planned with the agents on queue`;
  if (a.sustained)
    return a.recent >= a.holdAt
      ? `calls still at ${a.recent.toFixed(2)}x the forecast of late, with agents added (the surge ends below ${a.holdAt.toFixed(2)}x)`
      : `${away}, with agents added: they stay while the absence lasts`;
  return `on forecast (${a.ratio.toFixed(2)}x) and at target`;
}

function pad(calls: readonly number[], n: number): number[] {
  const last = calls[calls.length - 1] ?? 0;
  return Array.from({ length: n }, (_, i) => calls[i] ?? last);
}

/** What a re-plan needs of a queue's assessment. */
export type PlannedQueue = Pick<QueueAssessment, 'queueId' | 'predicted' | 'pressure' | 'holding' | 'shortOnly'>;

export interface ReplanInput {
  queues: readonly QueueModel[];
  assessments: readonly PlannedQueue[];
  /** userId -> queueId -> proficiency: who can take which queue's calls now (member and skill holder). */
  holds: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Agents on queue now: only they are planned with. */
  onQueue: ReadonlySet<string>;
  /** `userId\u0000queueId` of unjoined memberships: the autopilot does not join agents, so it never plans those. */
  unjoined?: ReadonlySet<string>;
  intervalMinutes: number;
  guardrails: Guardrails;
  /** Most changes this decision may make (the policy's per-decision cap and what is left of the hourly budget). */
  maxChanges: number;
  /** Queues under pressure are planned to their target plus this (a plan at the margin misses half the time). Default 0. */
  margin?: number;
  /**
   * An agent's share of each horizon interval on queue (their shift and breaks); undefined: on queue throughout.
   * The plan then counts an agent about to go on break or off shift for the time they will really be there. One
   * more value than the horizon (the interval after it) gives the last window its end (see `elapsed`).
   */
  availability?: (userId: string) => readonly number[] | undefined;
  /**
   * Agents off queue now who usually come on queue within the horizon (back from a break, a shift starting), with
   * their share of each horizon interval: the plan counts their time as it comes and changes nothing of theirs.
   */
  returning?: ReadonlyMap<string, readonly number[]>;
  /**
   * Share of the current interval already gone (0..1, default 0): the plan's windows start now (see fromNow), so
   * a plan made late in an interval counts the agents who start the next one for the time they will be there.
   */
  elapsed?: number;
}

/**
 * The optimizer's input for the next intervals: the predicted calls, the agents on queue now with what they hold,
 * and the guardrails that shape the search (locked agents and queues, gain-only and lose-only queues). Only queues
 * under pressure gain agents, and only agents who hold one of them may drop a queue.
 */
export function replanInput(r: ReplanInput): OptimizeRoutingInput {
  const g = r.guardrails;
  const lockedUsers = new Set(g.lockedUserIds ?? []);
  const lockedQueues = new Set(g.lockedQueueIds ?? []);
  const gainOnly = new Set(g.gainOnlyQueueIds ?? []);
  const loseOnly = new Set(g.loseOnlyQueueIds ?? []);
  const elapsed = r.elapsed ?? 0;
  const predicted = new Map(r.assessments.map((a) => [a.queueId, fromNow(a.predicted, elapsed, a.predicted.length)]));
  const horizon = Math.max(1, ...r.assessments.map((a) => a.predicted.length));
  // An agent's shares over the windows; undefined when on queue throughout them (nothing to say).
  const window = (shares: readonly number[] | undefined) => {
    const out = shares && fromNow(shares, elapsed, horizon);
    return out?.every((v) => v >= 1) ? undefined : out;
  };
  // Agents are added only to queues under pressure: the hourly budget goes where callers wait now, not to a queue
  // that the model alone finds short while its observed service level is fine.
  const pressured = new Set(r.assessments.filter((a) => a.pressure).map((a) => a.queueId));
  // A queue holding its reinforcement keeps it but gains no more.
  const gainable = new Set(r.assessments.filter((a) => a.pressure && !a.holding).map((a) => a.queueId));
  const locked: Array<{ agentId: string; queueId: string }> = [];
  const agents = [...r.onQueue].sort().map((id) => {
    const skills = { ...(r.holds[id] ?? {}) };
    // An agent who holds no queue under pressure keeps what they hold (they may still gain one): dropping one of
    // their queues frees time only for queues that the model alone finds short, the same rule as for gains.
    const keepsAll = lockedUsers.has(id) || !Object.keys(skills).some((q) => pressured.has(q));
    for (const queueId of Object.keys(skills))
      if (keepsAll || lockedQueues.has(queueId) || gainOnly.has(queueId)) locked.push({ agentId: id, queueId });
    const eligible = lockedUsers.has(id)
      ? []
      : r.queues
          .map((q) => q.id)
          .filter(
            (q) => gainable.has(q) && !lockedQueues.has(q) && !loseOnly.has(q) && !r.unjoined?.has(`${id}\u0000${q}`),
          );
    const available = r.availability && window(r.availability(id));
    return { id, skills, eligible, ...(available ? { available } : {}) };
  });
  for (const [id, shares] of [...(r.returning ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
    const skills = { ...(r.holds[id] ?? {}) };
    const available = window(shares);
    // Back only after the horizon's last window: nothing to count.
    if (r.onQueue.has(id) || Object.keys(skills).length === 0 || !available?.some((v) => v > 0)) continue;
    for (const queueId of Object.keys(skills)) locked.push({ agentId: id, queueId });
    agents.push({ id, skills, eligible: [], available });
  }
  const floor = typeof g.minHoldersPerQueue === 'number' ? g.minHoldersPerQueue : 1;
  const margin = r.margin ?? 0;
  const shortOnly = new Set(r.assessments.filter((a) => a.shortOnly).map((a) => a.queueId));
  return {
    queues: r.queues.map((q) => ({
      id: q.id,
      ahtSeconds: q.ahtSeconds,
      ...(q.patienceSeconds !== undefined ? { patienceSeconds: q.patienceSeconds } : {}),
      target:
        pressured.has(q.id) && !shortOnly.has(q.id)
          ? { ...q.target, serviceLevel: Math.min(0.99, q.target.serviceLevel + margin) }
          : q.target,
      demand: { intervalSeconds: r.intervalMinutes * 60, calls: predicted.get(q.id) ?? [0] },
    })),
    agents,
    constraints: {
      maxChanges: r.maxChanges,
      maxChangesPerAgent: 1,
      minHoldersPerQueue: floor,
      ...(locked.length > 0 ? { locked } : {}),
    },
  };
}

/** The optimizer's changes as guarded changes, gains into queues under pressure first (budgets go to them). */
export function guardedChanges(
  result: Pick<OptimizeRoutingResult, 'changes'>,
  pressured: ReadonlySet<string>,
): GuardedChange[] {
  const out: GuardedChange[] = [];
  for (const c of result.changes) {
    if (c.action === 'update') continue;
    out.push({ userId: c.agentId, queueId: c.queueId, direction: c.action === 'add' ? 'gain' : 'lose' });
  }
  const rank = (c: GuardedChange) => (c.direction === 'gain' ? (pressured.has(c.queueId) ? 0 : 1) : 2);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** How many agents hold each queue (member and skill holder), for the minimum-holders guardrail. */
export function holderCounts(
  holds: Readonly<Record<string, Readonly<Record<string, number>>>>,
  queueIds: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(queueIds.map((q) => [q, 0]));
  for (const row of Object.values(holds)) for (const q of Object.keys(row)) if (q in out) out[q] = (out[q] ?? 0) + 1;
  return out;
}
