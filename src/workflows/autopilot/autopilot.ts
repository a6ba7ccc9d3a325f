// startAutopilot: watch the day as it happens, re-plan within guardrails, apply, verify, and go back to the
// baseline when the pressure is gone. One decision per period of the injected clock:
//   read the org (who holds what, who is on queue) and the day so far -> re-forecast each queue -> under
//   pressure: re-plan the next intervals with optimizeRouting (agents on queue now) -> guardrails -> kill switch ->
//   applyPlan -> read back (verify); calm for K periods while away from the baseline: plan the way back.
// One autopilot per org holds a lease; the baseline and the changes written survive a crash in the state store.
import { EventEmitter } from 'eventemitter3';
import type { GenesysClient } from '../../client/client.js';
import { GenesysError, PlanLockedError, ValidationError } from '../../errors/index.js';
import { systemClock, type Clock } from '../../internal/clock.js';
import { planOrgId } from '../plan.js';
import { MemoryJournal } from '../journal/journals.js';
import type { JournalLease } from '../journal/types.js';
import { defaultOwner } from '../apply/journaling/lease.js';
import { parseAutopilotPolicy, type AutopilotPolicy, type ResolvedPolicy } from './policy.js';
import type { ObservationSource } from './observe/source.js';
import { analyticsSource } from './observe/source.js';
import { streamSource } from './observe/stream-source.js';
import { livePressure } from './decision/evidence.js';
import { MemoryAutopilotStore, type AutopilotState, type AutopilotStateStore } from './store.js';
import { DecisionLog, type AutopilotDecision } from './decision-log.js';
import { prepareAutopilot, type AutopilotSetup } from './observe/setup.js';
import { readUsualAvailability } from './observe/availability.js';
import { holdings, readOrgView, sameAssignment } from './observe/assignment.js';
import { startWarming, type Planner } from './planner.js';
import { warmUpInput } from './decision/warm-up.js';
import { decideOnce, type Step } from './step.js';
import { ProposalBook, type AutopilotProposal } from './proposals.js';
import type { AutopilotMode } from './policy.js';
import * as z from 'zod/mini';
import {
  checkedElsewhere,
  optionalFunction,
  optionalObject,
  optionalSignal,
  parseOptions,
  type OptionsShape,
} from '../../internal/options.js';

export type { AutopilotProposal } from './proposals.js';
export type {
  AutopilotEvents,
  AutopilotHandle,
  AutopilotLeaseOptions,
  AutopilotOptions,
  AutopilotSummary,
} from './types.js';
import type {
  AutopilotEvents,
  AutopilotHandle,
  AutopilotLeaseOptions,
  AutopilotOptions,
  AutopilotSummary,
} from './types.js';

let processLeases: MemoryJournal | undefined;

class Autopilot extends EventEmitter<AutopilotEvents> implements AutopilotHandle {
  readonly done: Promise<AutopilotSummary>;
  readonly mode: AutopilotMode;
  /** Approve mode's pending proposals (always empty in the other modes). */
  readonly book: ProposalBook;
  readonly #stopCtl = new AbortController();

  constructor(client: GenesysClient, policy: ResolvedPolicy, options: AutopilotOptions) {
    super();
    this.mode = policy.mode;
    const clock = options.clock ?? systemClock;
    this.book = new ProposalBook(clock, `p${clock.now().toString(36)}`);
    // Started on a later turn, so listeners attached right after startAutopilot see every event.
    this.done = Promise.resolve().then(() => run(client, policy, options, this, this.#stopCtl.signal));
  }

  proposals(): AutopilotProposal[] {
    return this.book.list();
  }

  approve(id: string): boolean {
    return this.book.approve(id);
  }

  reject(id: string, reason?: string): boolean {
    return this.book.reject(id, reason);
  }

  async stop(): Promise<void> {
    this.#stopCtl.abort(new Error('autopilot stopped'));
    await this.done;
  }
}

/**
 * Starts the routing autopilot (see docs/guides/autopilot.md). Returns at once; the loop runs until `stop()`, the
 * signal, a lost lease or an error, and `done` resolves with its summary (it never rejects).
 * @throws ValidationError naming the bad policy field, before anything is read.
 * @example
 * const pilot = startAutopilot(client, { shadow: true, guardrails: { maxChangesPerHour: 10 } }, { auditPath: 'autopilot.jsonl' });
 * pilot.on('decision', (d) => console.log(d.at, d.kind, d.why));
 * process.on('SIGINT', () => void pilot.stop());
 * const summary = await pilot.done;
 */
export function startAutopilot(
  client: GenesysClient,
  policy: AutopilotPolicy,
  options: AutopilotOptions = {},
): AutopilotHandle {
  const resolved = parseAutopilotPolicy(policy);
  parseOptions('startAutopilot', AutopilotOptionsSchema, options);
  return new Autopilot(client, resolved, options);
}

const AutopilotOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    clock: optionalObject('a clock (now, sleep)'),
    source: optionalObject('an observation source'),
    killSwitch: optionalObject('a kill switch'),
    lease: z.optional(
      z.strictObject({
        journal: optionalObject('a journal with acquire'),
        ttlMs: z.optional(z.number().check(z.positive())),
        waitMs: z.optional(z.number().check(z.gte(0))),
        owner: z.optional(z.string()),
      } satisfies OptionsShape<AutopilotLeaseOptions>),
    ),
    journal: optionalObject('a journal (e.g. FileJournal)'),
    store: optionalObject('a state store'),
    onResume: z.optional(z.enum(['resume', 'baseline'])),
    auditPath: z.optional(z.string()),
    forecast: checkedElsewhere(),
    schedule: z.optional(z.record(z.string(), z.array(z.number().check(z.gte(0), z.lte(1))))),
    onProposal: optionalFunction(),
    signal: optionalSignal(),
  } satisfies OptionsShape<AutopilotOptions>))();

async function run(
  client: GenesysClient,
  policy: ResolvedPolicy,
  options: AutopilotOptions,
  events: Autopilot,
  stopSignal: AbortSignal,
): Promise<AutopilotSummary> {
  const clock = options.clock ?? systemClock;
  const startedAt = new Date(clock.now()).toISOString();
  const signal = options.signal;
  const decisions: AutopilotDecision[] = [];
  const summary = summaryOf(startedAt, clock, policy, decisions);
  const both = AbortSignal.any([stopSignal, ...(signal ? [signal] : [])]);
  let lease: JournalLease | undefined;
  let leaseLost = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let source: ObservationSource | undefined;
  // Ends the warm-up begun at the start when the run ends first (a setup read that failed).
  const ended = new AbortController();
  try {
    const orgId = await planOrgId(client, signal);
    const org = { apiBaseUrl: client.org.apiBaseUrl, orgId };
    lease = await takeLease(events, options.lease, `autopilot-${orgId ?? client.org.apiBaseUrl}`, both);
    const ttlMs = options.lease?.ttlMs ?? 60_000;
    timer = keepRenewing(lease, ttlMs, () => void (leaseLost = true));

    const setupAt = clock.now();
    const setup: AutopilotSetup = await prepareAutopilot(client, policy, setupAt, options.forecast, signal);
    const store = options.store ?? new MemoryAutopilotStore();
    const opened = await loadOrStartState(client, store, setup, { apiBaseUrl: org.apiBaseUrl, clock, signal });
    const { state, queueSkills, resuming } = opened;
    const planner = warmingPlanner(policy, setup, holdings(state.baseline, queueSkills), [both, ended.signal]);
    source =
      options.source ?? (policy.observe === 'aggregates' ? analyticsSource(client) : streamSource(client, { clock }));
    await source.start?.(sourceScope(setup, state, both));
    const users = Object.keys(state.baseline.skills).sort();
    const available = await usualAvailability(client, setup, policy, users, signal, options.schedule);
    requireStreamWhenAsked(policy, source);
    const step: Step = {
      client,
      policy,
      options,
      events,
      clock,
      org,
      store,
      state,
      setup,
      queueSkills,
      source,
      log: options.auditPath ? new DecisionLog(options.auditPath) : undefined,
      decisions,
      calm: 0,
      lastPlan: undefined,
      boost: new Map(),
      planner,
      available,
      lastChange: undefined,
      signal,
      leaseHeld: () => !leaseLost,
      proposals: events.book,
      stopping: both,
    };
    const loop = { stopSignal, both, users, setupAt };
    await decideUntilStopped(step, resuming && options.onResume === 'baseline', loop);
    if (leaseLost) return summary('leaseLost', finalFields(step, false));
    if (signal?.aborted) return summary('signal', finalFields(step, false));
    return summary('stop', finalFields(step, await closeAtStop(step)));
  } catch (error) {
    if (error instanceof PlanLockedError && both.aborted) return summary(signal?.aborted ? 'signal' : 'stop');
    const err = error instanceof GenesysError ? error : new GenesysError(String((error as Error)?.message ?? error));
    if (!(error instanceof GenesysError)) (err as { cause?: unknown }).cause = error;
    events.emit('error', err);
    return summary(signal?.aborted ? 'signal' : 'error', { error: err });
  } finally {
    ended.abort();
    if (timer) clearInterval(timer);
    if (source && source !== options.source) await source.close?.().catch(() => undefined);
    await lease?.release().catch(() => undefined);
  }
}

/**
 * Decides, then waits for the next decision, until a stop, the caller's signal or the lease's loss. The first
 * decision counts from the whole period of the clock in which the setup began (10:30 for a setup begun at 10:31:28
 * with 5-minute periods), so the next ones fall on the clock's whole periods, when intervals end, however long the
 * start and the setup's reads took (on a fast clock, simulated minutes).
 */
async function decideUntilStopped(
  step: Step,
  returnFirst: boolean,
  loop: { stopSignal: AbortSignal; both: AbortSignal; users: readonly string[]; setupAt: number },
): Promise<void> {
  const { client, policy, options, clock, signal } = step;
  const { stopSignal, both, users } = loop;
  const period = policy.decisionPeriodMinutes * 60_000;
  let due: number | undefined = Math.floor(loop.setupAt / period) * period;
  let returnNow = returnFirst;
  while (!stopSignal.aborted && !signal?.aborted && step.leaseHeld()) {
    if (Math.floor(clock.now() / 86_400_000) !== Math.floor(step.setup.grid.start / 86_400_000)) {
      step.setup = await prepareAutopilot(client, policy, clock.now(), options.forecast, signal);
      step.available = await usualAvailability(client, step.setup, policy, users, signal, options.schedule);
    }
    // A decision on schedule counts from when it was due (a real clock wakes a little late), an early one from now.
    const began = due ?? clock.now();
    step.answeredAt = undefined;
    const last = await decideOnce(step, returnNow ? 'resume' : undefined, onTime(due, clock.now()));
    returnNow = false;
    try {
      // The time a person took to answer a proposal is theirs, not the decision's: the period counts from the answer.
      const next = await waitForNextDecision(step, last, step.answeredAt ?? began, both);
      step.trigger = next.trigger;
      due = next.trigger ? undefined : next.at;
    } catch {
      break;
    }
  }
}

/** How late a decision may wake and still look at the org as of its due time. */
const ON_TIME_MS = 60_000;

/**
 * The instant a scheduled decision looks at: its due time, when it wakes within a minute of it. A timer wakes a
 * little late (on a fast clock, simulated seconds), and the intervals it judges end at the due time: counted to
 * the late instant they would hold a sliver of the next interval, and two runs of one day would plan on different
 * rates. A decision that starts well after its due time (a long one before it) looks at now.
 */
function onTime(due: number | undefined, now: number): number | undefined {
  return due !== undefined && now >= due && now - due < ON_TIME_MS ? due : undefined;
}

/**
 * Each agent's usual time on queue over the setup's day: `options.schedule` when given, else from the policy's
 * days of history before it.
 */
async function usualAvailability(
  client: GenesysClient,
  setup: AutopilotSetup,
  policy: ResolvedPolicy,
  users: readonly string[],
  signal: AbortSignal | undefined,
  schedule: Readonly<Record<string, readonly number[]>> | undefined,
): Promise<Map<string, number[]>> {
  if (schedule) return checkedSchedule(schedule, setup.grid.intervals, policy.intervalMinutes);
  return readUsualAvailability(
    client,
    setup.grid,
    { from: new Date(setup.grid.start - policy.historyDays * 86_400_000), to: new Date(setup.grid.start) },
    users,
    signal,
  );
}

/** `options.schedule` as the usual availability, once each agent's row is known to cover the day. */
function checkedSchedule(
  schedule: Readonly<Record<string, readonly number[]>>,
  intervals: number,
  intervalMinutes: number,
): Map<string, number[]> {
  const wrong = Object.entries(schedule).filter(([, row]) => row.length !== intervals);
  if (wrong.length > 0)
    throw new ValidationError(
      'startAutopilot',
      wrong.map(([userId, row]) => ({
        path: `schedule.${userId}`,
        message: `must have ${intervals} intervals (a day of ${intervalMinutes} min), got ${row.length}`,
      })),
    );
  return new Map(Object.entries(schedule).map(([userId, row]) => [userId, [...row]]));
}

/** policy.observe 'stream' is a requirement: a source that fell back to the aggregates is an error. */
function requireStreamWhenAsked(policy: ResolvedPolicy, source: ObservationSource): void {
  const status = source.status?.() ?? { kind: 'aggregates' };
  if (policy.observe === 'stream' && status.kind !== 'stream')
    throw new GenesysError(
      `autopilot: policy.observe is 'stream' but ${status.fallback ?? 'the source does not stream'}`,
    );
}

/** The run's summary, as of when it is asked for. */
function summaryOf(startedAt: string, clock: Clock, policy: ResolvedPolicy, decisions: AutopilotDecision[]) {
  return (stoppedBy: AutopilotSummary['stoppedBy'], extra: Partial<AutopilotSummary> = {}) => ({
    startedAt,
    stoppedAt: new Date(clock.now()).toISOString(),
    stoppedBy,
    decisions,
    changes: decisions.reduce((n, d) => n + d.changes.length, 0),
    refused: decisions.reduce((n, d) => n + d.refused.length, 0),
    atBaseline: false,
    shadow: policy.shadow,
    queueNames: {},
    day: { start: startedAt, intervalMinutes: policy.intervalMinutes },
    warnings: [],
    ...extra,
  });
}

/** Renews the lease every third of its time to live; `lost` when a renewal fails or is refused. */
function keepRenewing(held: JournalLease, ttlMs: number, lost: () => void): ReturnType<typeof setInterval> {
  const timer = setInterval(
    () =>
      void held.renew().then(
        (ok) => {
          if (!ok) lost();
        },
        () => lost(),
      ),
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  timer.unref?.();
  return timer;
}

/** The re-plans' planner, its workers warming while the run reads the rest of its setup (see startWarming). */
function warmingPlanner(
  policy: ResolvedPolicy,
  setup: AutopilotSetup,
  holds: ReturnType<typeof holdings>,
  stopping: AbortSignal[],
): Planner {
  const planner: Planner = { lastRunAt: undefined };
  const input = warmUpInput({
    queues: setup.queues,
    holds,
    intervalMinutes: policy.intervalMinutes,
    horizonIntervals: policy.horizonIntervals,
    guardrails: policy.guardrails,
    maxChanges: policy.maxChangesPerDecision,
    margin: policy.planMargin,
  });
  startWarming(planner, policy, input, AbortSignal.any(stopping));
  return planner;
}

/** What the observation source watches: the queues in scope and the users of the baseline. */
function sourceScope(setup: AutopilotSetup, state: AutopilotState, signal: AbortSignal) {
  const users = new Set([...Object.keys(state.baseline.skills), ...Object.keys(state.baseline.queues)]);
  return { queueIds: setup.queues.map((q) => q.id), userIds: [...users].sort(), signal };
}

/** The saved state of an unfinished run on this org (resumed), or a new one with the org as it is as baseline. */
async function loadOrStartState(
  client: GenesysClient,
  store: AutopilotStateStore,
  setup: AutopilotSetup,
  { apiBaseUrl, clock, signal }: { apiBaseUrl: string; clock: Clock; signal: AbortSignal | undefined },
): Promise<{ state: AutopilotState; queueSkills: AutopilotState['queueSkills']; resuming: boolean }> {
  const saved = await store.load();
  const resuming = saved !== undefined && !saved.closed && saved.org === apiBaseUrl;
  const queueSkills = resuming ? { ...setup.queueSkills, ...saved.queueSkills } : setup.queueSkills;
  if (resuming) return { state: saved, queueSkills, resuming };
  const view = await readOrgView(client, queueSkills, [], signal);
  const state: AutopilotState = {
    kind: 'genesys-routing-sdk/autopilot-state',
    version: 1,
    org: apiBaseUrl,
    queueSkills,
    baseline: view.assignment,
    baselineAt: new Date(clock.now()).toISOString(),
    history: [],
    away: false,
    closed: false,
  };
  await store.save(state);
  return { state, queueSkills, resuming };
}

/** On a stop: back to the baseline when the policy says so, then the state saved as closed or still away. */
async function closeAtStop(step: Step): Promise<boolean> {
  const { client, policy, state, store, queueSkills, signal } = step;
  if (policy.restoreOnStop && !policy.shadow && state.away) await decideOnce(step, 'stop');
  const view = await readOrgView(client, queueSkills, [], signal);
  const atBaseline = sameAssignment(state.baseline, view.assignment);
  state.away = !atBaseline;
  state.closed = atBaseline || !policy.restoreOnStop;
  await store.save(state);
  return atBaseline;
}

/**
 * Waits for the next decision: one period after `began` (the last decision's start, or its proposal's answer in
 * approve mode), or the first whole period after that when the decision outlasted it, or, while the stream feeds
 * the source, until a check of the live picture (every `watchSeconds` from `began`) shows pressure on a queue the
 * last decision saw calm. Returns that pressure (the early decision's trigger) or the instant the decision was
 * due. The checks fall on fixed steps from `began`, however long the decision took (a re-plan of seconds on a real
 * clock, none on a manual one), so a slow decision does not push every later one back, and a manual clock gives
 * the same decisions every run.
 */
async function waitForNextDecision(
  step: Step,
  last: AutopilotDecision,
  began: number,
  signal: AbortSignal,
): Promise<{ trigger?: string; at: number }> {
  const { clock, policy, source } = step;
  const period = policy.decisionPeriodMinutes * 60_000;
  const due = began + period * Math.max(1, Math.ceil((clock.now() - began) / period));
  const watch =
    source.live && source.status?.().kind === 'stream' ? Math.min(period, policy.watchSeconds * 1000) : period;
  // Calm queues, with the calls they had lost to the target when last assessed and the calls offered over the same
  // span (evidence for a long wait).
  const calm = new Map(last.queues.filter((q) => !q.pressure).map((q) => [q.queueId, q]));
  const span = due - began;
  for (let at = nextStep(began, watch, clock.now(), span); ; at = nextStep(began, watch, clock.now(), span)) {
    signal.throwIfAborted(); // a test clock may not reject on an aborted signal: stop moving it at once
    const ms = at - clock.now();
    if (ms > 0) await clock.sleep(ms, signal);
    if (at >= due) return { at: due };
    if (source.status?.().kind !== 'stream') continue;
    for (const q of step.setup.queues) {
      const seen = calm.get(q.id);
      if (seen === undefined) continue;
      const live = source.live?.(q.id);
      const why = livePressure(
        q,
        live,
        clock.now(),
        policy.liveWaitFactor,
        seen.lostToTarget ?? 0,
        seen.offeredSinceLastInterval,
      );
      if (why) return { trigger: `${step.setup.queueNames[q.id] ?? q.id}: ${why}`, at: clock.now() };
    }
  }
}

/** The first step `began + k × watch` (k ≥ 1) after `now`, or the period's end when that comes first. */
export function nextStep(began: number, watch: number, now: number, period: number): number {
  const k = Math.max(1, Math.floor((now - began) / watch) + 1);
  return Math.min(began + k * watch, began + period);
}

function finalFields(step: Step, atBaseline: boolean): Partial<AutopilotSummary> {
  return {
    atBaseline,
    queueNames: step.setup.queueNames,
    day: { start: new Date(step.setup.grid.start).toISOString(), intervalMinutes: step.policy.intervalMinutes },
    warnings: step.setup.warnings,
  };
}

/** Takes the org's autopilot lease; when another autopilot holds it, says so (`lease` event) and waits. */
async function takeLease(
  events: Autopilot,
  o: AutopilotLeaseOptions = {},
  key: string,
  signal: AbortSignal,
): Promise<JournalLease> {
  const journal = o.journal ?? (processLeases ??= new MemoryJournal());
  if (!journal.acquire)
    throw new GenesysError('startAutopilot: lease.journal must support leases (acquire), e.g. RedisJournal');
  const owner = o.owner ?? (await defaultOwner());
  const ttlMs = o.ttlMs ?? 60_000;
  try {
    const lease = await journal.acquire(key, { owner, ttlMs, waitMs: 0, signal });
    events.emit('lease', { state: 'acquired' });
    return lease;
  } catch (error) {
    if (!(error instanceof PlanLockedError)) throw error;
    events.emit('lease', { state: 'waiting', holder: error.owner });
  }
  const lease = await journal.acquire(key, { owner, ttlMs, waitMs: o.waitMs ?? Number.MAX_SAFE_INTEGER, signal });
  events.emit('lease', { state: 'acquired' });
  return lease;
}
