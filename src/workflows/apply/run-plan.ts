// The body of applyPlan once the plan and options are checked, as phases over one state object: index the plan ->
// read the journal -> (lease) write memberships, languages, skills -> (replace: audit conflict check) -> result.
// A lost lease or an unwritable journal stops new writes (never the result): items never written are `skipped`
// with the typed reason.
import type { GenesysClient } from '../../client/client.js';
import { JournalUnavailableError, type LeaseLostError } from '../../errors/index.js';
import type { ApplyOptions, ApplyResult } from './types.js';
import type { ApplyJournal, JournalReadResult } from '../journal/types.js';
import type { Plan, PlannedChange } from '../plan.js';
import { applySkillTargets, type EngineProgress } from './engine/apply-skills.js';
import { hasher, planHash, stateHash } from './journaling/hash.js';
import { JournalGuard } from './journaling/journal-guard.js';
import { withLease, withTimeout, type LeaseGuard } from './journaling/lease.js';
import { applyLanguagePhase } from './languages.js';
import { applyMembershipPhase } from './memberships.js';
import { checkReplaceConflicts, type ConflictCheckResult } from './replace-conflicts.js';
import { buildItems, writeAuditTrail, type Phases } from './run-result.js';
import type { ReplaceWindow } from './engine/skills-lever.js';
import { countStatuses } from './values.js';

interface RunContext {
  context: string;
  limit: number;
  progress: (p: EngineProgress) => void;
}

/** The plan by user, and the content hashes a journal record must match to speak for this run. */
interface PlanIndex {
  byUser: Map<string, PlannedChange[]>;
  userIds: Set<string>;
  hash: string;
  states: Map<string, string>;
}

/** What the phases share: the plan's index, what earlier runs did, and what this run stopped on or noticed. */
interface RunState {
  plan: Plan;
  options: ApplyOptions;
  dryRun: boolean;
  index: PlanIndex;
  earlier: JournalReadResult;
  doneEarlier: Set<string>;
  warnings: string[];
  stopped: LeaseLostError | JournalUnavailableError | undefined;
  guard: JournalGuard | undefined;
  windows: ReplaceWindow[];
  retries: number;
}

export async function runApply(
  client: GenesysClient,
  plan: Plan,
  options: ApplyOptions,
  ctx: RunContext,
): Promise<ApplyResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const index = await indexPlan(plan);
  const timeoutMs = options.journalTimeoutMs ?? 10_000;
  const earlier = await readJournal(options.journal, plan.id, timeoutMs);
  const state: RunState = {
    plan,
    options,
    dryRun,
    index,
    earlier,
    doneEarlier: doneByEarlierRuns(earlier, index),
    warnings: [],
    stopped: undefined,
    guard: undefined,
    windows: [],
    retries: 0,
  };
  const journal = options.journal;
  if (journal && !dryRun) state.guard = new JournalGuard(journal, timeoutMs, (error) => (state.stopped ??= error));
  const phases = await writeAll(client, state, ctx);
  const conflictCheck = await conflictPhase(client, state);
  return await finish(state, phases, conflictCheck, started);
}

/** Groups the plan by user and hashes it (the plan, and each user's part) for the journal. */
async function indexPlan(plan: Plan): Promise<PlanIndex> {
  const byUser = new Map<string, PlannedChange[]>();
  for (const change of plan.changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), change]);
  const queuesOf = new Map<string, string[]>();
  for (const m of plan.memberships ?? [])
    queuesOf.set(m.userId, [...(queuesOf.get(m.userId) ?? []), m.action === 'remove' ? `-${m.queueId}` : m.queueId]);
  const languagesOf = new Map<string, NonNullable<Plan['languageChanges']>>();
  for (const l of plan.languageChanges ?? []) languagesOf.set(l.userId, [...(languagesOf.get(l.userId) ?? []), l]);
  const userIds = new Set([...byUser.keys(), ...queuesOf.keys(), ...languagesOf.keys()]);
  const sha256 = await hasher();
  const states = new Map(
    [...userIds].map((u) => [u, stateHash(sha256, u, byUser.get(u) ?? [], queuesOf.get(u), languagesOf.get(u))]),
  );
  return { byUser, userIds, hash: planHash(sha256, plan), states };
}

/** What earlier runs of the plan recorded; a journal that cannot be read stops the run before any write. */
async function readJournal(
  journal: ApplyJournal | undefined,
  planId: string,
  timeoutMs: number,
): Promise<JournalReadResult> {
  if (!journal) return { records: [], problems: [] };
  try {
    return await withTimeout(journal.read(planId), timeoutMs, 'the journal read');
  } catch (error) {
    throw new JournalUnavailableError(
      `journal: could not read what earlier runs of plan ${planId} recorded (nothing was written): ${(error as Error)?.message ?? String(error)}`,
      { cause: error },
    );
  }
}

/** Users whose last record for this exact plan content and end state says done. */
function doneByEarlierRuns(earlier: JournalReadResult, index: PlanIndex): Set<string> {
  const last = new Map(
    earlier.records
      .filter((r) => r.planHash === index.hash && r.stateHash === index.states.get(r.userId))
      .map((r) => [r.userId, r.status]),
  );
  return new Set([...last].filter(([, s]) => s === 'done').map(([u]) => u));
}

/** The write phases, under the journal's lease when it has one; retries are counted while they run. */
async function writeAll(client: GenesysClient, state: RunState, ctx: RunContext): Promise<Phases> {
  const onRetry = () => void state.retries++;
  client.on('retry', onRetry);
  try {
    const journal = state.options.journal;
    if (!journal?.acquire || state.dryRun) return await writePhases(client, state, ctx, undefined);
    const held = await withLease(journal, state.plan.id, state.options.lease, state.options.signal, (lease) =>
      writePhases(client, state, ctx, lease),
    );
    state.warnings.push(...held.warnings);
    if (held.lost) state.stopped ??= held.lost;
    return held.value;
  } finally {
    client.off('retry', onRetry);
  }
}

/** Memberships, then languages, then skills; each user is journaled when its last part is finished. */
async function writePhases(
  client: GenesysClient,
  state: RunState,
  ctx: RunContext,
  lease: LeaseGuard | undefined,
): Promise<Phases> {
  const { plan, options, dryRun } = state;
  const signal = lease?.signal ?? options.signal;
  const mayWrite = () => !state.stopped && (lease ? lease.stillHeld() : true);
  const memberships = plan.memberships ?? [];
  const languageChanges = plan.languageChanges ?? [];
  const joined =
    memberships.length > 0 ? await applyMembershipPhase(client, memberships, { dryRun, signal, mayWrite }) : [];
  const spoken =
    languageChanges.length > 0
      ? await applyLanguagePhase(client, languageChanges, { dryRun, signal, onDrift: options.onDrift, mayWrite })
      : [];
  // Per user: did the memberships and languages land (the skills phase adds its own outcome)?
  const partsOk = new Map<string, boolean>();
  for (const m of [...joined, ...spoken])
    partsOk.set(m.userId, (partsOk.get(m.userId) ?? true) && (m.status === 'applied' || m.status === 'unchanged'));
  // Users with memberships or languages only are finished now; the others when their skills are.
  for (const [userId, ok] of partsOk) if (!state.index.byUser.has(userId) && !dryRun) await record(state, userId, ok);
  const engine = await applySkillTargets(
    client,
    plan.changes.map((c) => ({ userId: c.userId, skillId: c.skillId, expected: c.before, after: c.after })),
    {
      context: ctx.context,
      dryRun,
      onDrift: options.onDrift,
      concurrency: options.concurrency,
      passes: options.passes,
      maxSkillsPerUser: ctx.limit,
      removals: options.removals,
      signal,
      mayWrite,
      onReplace: (w) => state.windows.push(w),
      onProgress: ctx.progress,
      onUserFinished: async (userId, _outcomes, done) => {
        if (!dryRun) await record(state, userId, done && (partsOk.get(userId) ?? true));
      },
    },
  );
  return { engine, memberships: joined, languages: spoken };
}

/** One journal record for a finished user (through the guard: a failing journal stops writes, not the run). */
async function record(state: RunState, userId: string, done: boolean): Promise<void> {
  await state.guard?.append({
    planId: state.plan.id,
    planHash: state.index.hash,
    userId,
    stateHash: state.index.states.get(userId)!,
    status: done ? 'done' : 'failed',
    at: new Date().toISOString(),
  });
}

/** With `removals: 'replace'`: which other writers' changes the whole-set PUTs may have undone, with warnings. */
async function conflictPhase(client: GenesysClient, state: RunState): Promise<ConflictCheckResult | undefined> {
  const { options, plan, windows, warnings } = state;
  if (options.removals !== 'replace' || state.dryRun) return undefined;
  const planned = new Set(plan.changes.map((c) => `${c.userId}\u0000${c.skillId}`));
  const check =
    options.conflictCheck === false
      ? notRequested(windows.length)
      : await checkReplaceConflicts(client, windows, planned, { ...options.conflictCheck, signal: options.signal });
  const unseen = "removals: 'replace' may have undone other writers' changes unseen";
  if (!check.ran) warnings.push(`conflict check did not run: ${check.reason ?? 'unknown reason'} (${unseen})`);
  if (check.notCheckable.length > 0)
    warnings.push(
      `conflict check: ${check.notCheckable.length} user(s) not fully checked (${check.notCheckable[0]!.reason}); ${unseen}`,
    );
  if (check.unparsed > 0)
    warnings.push(
      `conflict check: ${check.unparsed} audited skill change(s) in a format it does not read (entity type ${check.entityType}); ${unseen}`,
    );
  return check;
}

function notRequested(windows: number): ConflictCheckResult {
  return {
    ran: false,
    reason: 'conflictCheck: false (not requested)',
    serviceName: 'Routing',
    windows,
    messages: 0,
    conflicts: [],
    notCheckable: [],
    unparsed: 0,
  };
}

/** Items with their final statuses, the audit trail, and the counts by status and by user. */
async function finish(
  state: RunState,
  phases: Phases,
  conflictCheck: ConflictCheckResult | undefined,
  started: number,
): Promise<ApplyResult> {
  const { plan, options, dryRun, doneEarlier, stopped, guard, warnings } = state;
  const { engine } = phases;
  const items = buildItems(plan, engine, doneEarlier, stopped, conflictCheck);
  for (const m of [...phases.memberships, ...phases.languages]) {
    if (doneEarlier.has(m.userId) && m.status === 'unchanged')
      Object.assign(m, { fromJournal: true, detail: 'done by an earlier run (journal), confirmed against the org' });
    if (stopped && m.status === 'skipped')
      Object.assign(m, { error: stopped, detail: `not written: ${stopped.message}` });
  }
  if (options.auditTrail) await writeAuditTrail(options, plan.id, items, engine, phases, dryRun, warnings);
  if (guard?.open) warnings.push(guard.open.message);
  const all = [...items, ...phases.memberships, ...phases.languages];
  const ok = new Set(['applied', 'unchanged', 'wouldApply', 'conflict']);
  const failedUsers = new Set(all.filter((i) => !ok.has(i.status)).map((i) => i.userId));
  const fromJournalUsers = new Set(all.filter((i) => i.fromJournal).map((i) => i.userId));
  const total = state.index.userIds.size;
  return {
    planId: plan.id,
    dryRun,
    aborted: engine.aborted,
    items,
    memberships: phases.memberships,
    languages: phases.languages,
    counts: countStatuses(all),
    conflicts: conflictCheck?.conflicts ?? [],
    conflictCheck,
    stopped,
    notJournaled: [...(guard?.notRecorded ?? [])],
    retries: state.retries,
    users: { total, done: total - failedUsers.size, failed: failedUsers.size, fromJournal: fromJournalUsers.size },
    journalProblems: state.earlier.problems,
    warnings,
    passes: engine.passes,
    reads: engine.reads,
    durationMs: performance.now() - started,
  };
}
