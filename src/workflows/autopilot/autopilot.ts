// startAutopilot: watch the day as it happens, re-plan within guardrails, apply, verify, and go back to the
// baseline when the pressure is gone. One decision per period of the injected clock:
//   read the org (who holds what, who is on queue) and the day so far -> re-forecast each queue -> under
//   pressure: re-plan the next intervals with optimizeRouting (agents on queue now) -> guardrails -> kill switch ->
//   applyPlan -> read back (verify); calm for K periods while away from the baseline: plan the way back.
// One autopilot per org holds a lease; the baseline and the changes written survive a crash in the state store.
import { EventEmitter } from 'eventemitter3';
import type { GenesysClient } from '../../client.js';
import { GenesysError, PlanLockedError } from '../../errors/index.js';
import { systemClock, type Clock } from '../../internal/clock.js';
import { planOrgId } from '../plan.js';
import { MemoryJournal } from '../journal/journals.js';
import type { JournalLease } from '../journal/types.js';
import { defaultOwner } from '../apply/lease.js';
import { parseAutopilotPolicy, type AutopilotPolicy, type ResolvedPolicy } from './policy.js';
import type { ObservationSource } from './source.js';
import { analyticsSource } from './source.js';
import { streamSource } from './stream-source.js';
import { livePressure } from './decide.js';
import { MemoryAutopilotStore, type AutopilotState, type AutopilotStateStore } from './store.js';
import { DecisionLog, type AutopilotDecision } from './decision-log.js';
import { prepareAutopilot } from './setup.js';
import { readUsualAvailability } from './availability.js';
import { readOrgView, sameAssignment } from './assignment.js';
import { decideOnce, type Step } from './step.js';
import type {
  AutopilotEvents,
  AutopilotHandle,
  AutopilotLeaseOptions,
  AutopilotOptions,
  AutopilotProposal,
  AutopilotSummary,
} from './types.js';
import { ProposalBook } from './proposals.js';

export type {
  AutopilotEvents,
  AutopilotHandle,
  AutopilotLeaseOptions,
  AutopilotOptions,
  AutopilotProposal,
  AutopilotSummary,
};

let processLeases: MemoryJournal | undefined;

class Autopilot extends EventEmitter<AutopilotEvents> implements AutopilotHandle {
  readonly done: Promise<AutopilotSummary>;
  readonly #stopCtl = new AbortController();
  /** Approve mode's pending proposals (empty in the other modes). */
  readonly book: ProposalBook;

  constructor(client: GenesysClient, policy: ResolvedPolicy, options: AutopilotOptions) {
    super();
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
  return new Autopilot(client, parseAutopilotPolicy(policy), options);
}

/** What the run holds while it lasts, released in `run`'s finally. */
interface RunResources {
  lease?: JournalLease;
  timer?: ReturnType<typeof setInterval>;
  source?: ObservationSource;
  leaseLost: boolean;
}

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
  const summary = (stoppedBy: AutopilotSummary['stoppedBy'], extra: Partial<AutopilotSummary> = {}) =>
    summarize(policy, startedAt, clock, decisions, stoppedBy, extra);
  const both = AbortSignal.any([stopSignal, ...(signal ? [signal] : [])]);
  const held: RunResources = { leaseLost: false };
  try {
    const org = await holdLease(client, options, events, held, both);
    const step = await prepareStep(client, policy, options, events, clock, org, held, decisions, both);
    await decideUntilStopped(step, options, held, stopSignal, both);
    if (held.leaseLost) return summary('leaseLost', finalFields(step, false));
    if (signal?.aborted) return summary('signal', finalFields(step, false));
    return summary('stop', finalFields(step, await closeRun(step)));
  } catch (error) {
    if (error instanceof PlanLockedError && both.aborted) return summary(signal?.aborted ? 'signal' : 'stop');
    const err = error instanceof GenesysError ? error : new GenesysError(String((error as Error)?.message ?? error));
    if (!(error instanceof GenesysError)) (err as { cause?: unknown }).cause = error;
    events.emit('error', err);
    return summary(signal?.aborted ? 'signal' : 'error', { error: err });
  } finally {
    if (held.timer) clearInterval(held.timer);
    if (held.source && held.source !== options.source) await held.source.close?.().catch(() => undefined);
    await held.lease?.release().catch(() => undefined);
  }
}

function summarize(
  policy: ResolvedPolicy,
  startedAt: string,
  clock: Clock,
  decisions: AutopilotDecision[],
  stoppedBy: AutopilotSummary['stoppedBy'],
  extra: Partial<AutopilotSummary>,
): AutopilotSummary {
  return {
    startedAt,
    stoppedAt: new Date(clock.now()).toISOString(),
    stoppedBy,
    decisions,
    changes: decisions.reduce((n, d) => n + d.changes.length, 0),
    refused: decisions.reduce((n, d) => n + d.refused.length, 0),
    atBaseline: false,
    shadow: policy.mode === 'shadow',
    queueNames: {},
    day: { start: startedAt, intervalMinutes: policy.intervalMinutes },
    warnings: [],
    ...extra,
  };
}

/** Takes the org's lease and renews it every third of its lifetime; a failed renewal marks it lost. */
async function holdLease(
  client: GenesysClient,
  options: AutopilotOptions,
  events: Autopilot,
  held: RunResources,
  signal: AbortSignal,
): Promise<Step['org']> {
  const orgId = await planOrgId(client, options.signal);
  const lease = await takeLease(events, options.lease, `autopilot-${orgId ?? client.org.apiBaseUrl}`, signal);
  held.lease = lease;
  const ttlMs = options.lease?.ttlMs ?? 60_000;
  held.timer = setInterval(
    () =>
      void lease.renew().then(
        (ok) => void (held.leaseLost ||= !ok),
        () => void (held.leaseLost = true),
      ),
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  held.timer.unref?.();
  return { apiBaseUrl: client.org.apiBaseUrl, orgId };
}

/** The saved state when resuming a run that did not close, else a new one with the org read now as its baseline. */
async function loadState(
  client: GenesysClient,
  store: AutopilotStateStore,
  org: Step['org'],
  setupSkills: Record<string, string>,
  at: number,
  signal: AbortSignal | undefined,
): Promise<{ state: AutopilotState; resuming: boolean }> {
  const saved = await store.load();
  if (saved !== undefined && !saved.closed && saved.org === org.apiBaseUrl)
    return { state: { ...saved, queueSkills: { ...setupSkills, ...saved.queueSkills } }, resuming: true };
  const view = await readOrgView(client, setupSkills, [], signal);
  const state: AutopilotState = {
    kind: 'genesys-routing-sdk/autopilot-state',
    version: 1,
    org: org.apiBaseUrl,
    queueSkills: setupSkills,
    baseline: view.assignment,
    baselineAt: new Date(at).toISOString(),
    history: [],
    away: false,
    closed: false,
  };
  await store.save(state);
  return { state, resuming: false };
}

/** Setup, state, observation source and usual availability: everything the first decision needs. */
async function prepareStep(
  client: GenesysClient,
  policy: ResolvedPolicy,
  options: AutopilotOptions,
  events: Autopilot,
  clock: Clock,
  org: Step['org'],
  held: RunResources,
  decisions: AutopilotDecision[],
  both: AbortSignal,
): Promise<Step & { resuming: boolean }> {
  const signal = options.signal;
  const setup = await prepareAutopilot(client, policy, clock.now(), options.forecast, signal);
  const store = options.store ?? new MemoryAutopilotStore();
  const { state, resuming } = await loadState(client, store, org, setup.queueSkills, clock.now(), signal);
  const source =
    options.source ?? (policy.observe === 'aggregates' ? analyticsSource(client) : streamSource(client, { clock }));
  held.source = source;
  await source.start?.({
    queueIds: setup.queues.map((q) => q.id),
    userIds: [...new Set([...Object.keys(state.baseline.skills), ...Object.keys(state.baseline.queues)])].sort(),
    signal: both,
  });
  const status = source.status?.() ?? { kind: 'aggregates' };
  if (policy.observe === 'stream' && status.kind !== 'stream')
    throw new GenesysError(
      `autopilot: policy.observe is 'stream' but ${status.fallback ?? 'the source does not stream'}`,
    );
  const step: Step & { resuming: boolean } = {
    client,
    policy,
    options,
    events,
    clock,
    org,
    store,
    state,
    setup,
    queueSkills: state.queueSkills,
    source,
    log: options.auditPath ? new DecisionLog(options.auditPath) : undefined,
    decisions,
    calm: 0,
    lastPlan: undefined,
    boost: new Map(),
    available: new Map(),
    lastChange: undefined,
    signal,
    leaseHeld: () => !held.leaseLost,
    proposals: events.book,
    stopping: both,
    resuming,
  };
  step.available = await usualAvailability(step);
  return step;
}

/** The agents' usual share of each interval on queue, from the history window before the day. */
function usualAvailability(step: Step): Promise<Map<string, number[]>> {
  const { setup, policy } = step;
  return readUsualAvailability(
    step.client,
    setup.grid,
    { from: new Date(setup.grid.start - policy.historyDays * 86_400_000), to: new Date(setup.grid.start) },
    Object.keys(step.state.baseline.skills).sort(),
    step.signal,
  );
}

/** One decision per period (or earlier on new live pressure) until stopped, aborted or the lease is lost. */
async function decideUntilStopped(
  step: Step & { resuming: boolean },
  options: AutopilotOptions,
  held: RunResources,
  stopSignal: AbortSignal,
  both: AbortSignal,
): Promise<void> {
  const { clock, policy } = step;
  let returnNow = step.resuming && options.onResume === 'baseline';
  while (!stopSignal.aborted && !options.signal?.aborted && !held.leaseLost) {
    if (Math.floor(clock.now() / 86_400_000) !== Math.floor(step.setup.grid.start / 86_400_000)) {
      step.setup = await prepareAutopilot(step.client, policy, clock.now(), options.forecast, options.signal);
      step.available = await usualAvailability(step);
    }
    const last = await decideOnce(step, returnNow ? 'resume' : undefined);
    returnNow = false;
    try {
      step.trigger = await waitForNextDecision(step, last, both);
    } catch {
      return;
    }
  }
}

/** On stop: back to the baseline (unless shadow or `restoreOnStop: false`), read the org, close the state. */
async function closeRun(step: Step): Promise<boolean> {
  const { policy, state } = step;
  if (policy.restoreOnStop && policy.mode !== 'shadow' && state.away) await decideOnce(step, 'stop');
  const view = await readOrgView(step.client, step.queueSkills, [], step.signal);
  const atBaseline = sameAssignment(state.baseline, view.assignment);
  state.away = !atBaseline;
  state.closed = atBaseline || !policy.restoreOnStop;
  await step.store.save(state);
  return atBaseline;
}

/**
 * Waits for the next decision: one period, or, while the stream feeds the source, until a check of the live
 * picture (every `watchSeconds` of the clock) shows pressure on a queue the last decision saw calm. Returns that
 * pressure (the early decision's trigger) or undefined. The checks fall on fixed clock steps, so a manual clock
 * gives the same decisions every run.
 */
async function waitForNextDecision(
  step: Step,
  last: AutopilotDecision,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { clock, policy, source } = step;
  const period = policy.decisionPeriodMinutes * 60_000;
  const watch =
    source.live && source.status?.().kind === 'stream' ? Math.min(period, policy.watchSeconds * 1000) : period;
  const calm = new Set(last.queues.filter((q) => !q.pressure).map((q) => q.queueId));
  for (let waited = 0; waited < period;) {
    signal.throwIfAborted(); // a test clock may not reject on an aborted signal: stop moving it at once
    const ms = Math.min(watch, period - waited);
    await clock.sleep(ms, signal);
    waited += ms;
    if (waited >= period || source.status?.().kind !== 'stream') continue;
    for (const q of step.setup.queues) {
      if (!calm.has(q.id)) continue;
      const why = livePressure(q, source.live?.(q.id), clock.now(), policy.liveWaitFactor);
      if (why) return `${step.setup.queueNames[q.id] ?? q.id}: ${why}`;
    }
  }
  return undefined;
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
