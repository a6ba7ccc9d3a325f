// The body of applyPlan once the plan and options are checked: journal read -> (lease) -> memberships -> skills ->
// (replace: audit conflict check) -> items, audit trail, counts. A lost lease or an unwritable journal stops new
// writes (never the result): items never written are `skipped` with the typed reason.
import type { GenesysClient } from '../../client.js';
import { JournalUnavailableError, type LeaseLostError } from '../../errors.js';
import type { RetryEvent } from '../../events.js';
import type { ApplyOptions, ApplyResult, ItemResult } from '../apply-plan.js';
import { changeAuditRecord, type AuditRecord } from '../audit-trail.js';
import type { JournalReadResult } from '../journal-types.js';
import type { Plan, PlannedChange } from '../plan.js';
import { applySkillTargets, type EngineProgress, type EngineResult } from './engine.js';
import { hasher, planHash, stateHash } from './hash.js';
import { JournalGuard } from './journal-guard.js';
import { withLease, withTimeout, type LeaseGuard } from './lease.js';
import { applyMembershipPhase, type MembershipItemResult } from './memberships.js';
import { checkReplaceConflicts, type ConflictCheckResult } from './replace-conflicts.js';
import type { ReplaceWindow } from './skills-lever.js';
import { countStatuses } from './values.js';

interface RunContext {
  context: string;
  limit: number;
  progress: (p: EngineProgress) => void;
}

interface Phases {
  engine: EngineResult;
  memberships: MembershipItemResult[];
}

export async function runApply(
  client: GenesysClient,
  plan: Plan,
  options: ApplyOptions,
  ctx: RunContext,
): Promise<ApplyResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const memberships = plan.memberships ?? [];
  const byUser = new Map<string, PlannedChange[]>();
  for (const change of plan.changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), change]);
  const queuesOf = new Map<string, string[]>();
  for (const m of memberships)
    queuesOf.set(m.userId, [...(queuesOf.get(m.userId) ?? []), m.action === 'remove' ? `-${m.queueId}` : m.queueId]);
  const userIds = new Set([...byUser.keys(), ...queuesOf.keys()]);
  const sha256 = await hasher();
  const hash = planHash(sha256, plan);
  const states = new Map([...userIds].map((u) => [u, stateHash(sha256, u, byUser.get(u) ?? [], queuesOf.get(u))]));
  const journal = options.journal;
  const timeoutMs = options.journalTimeoutMs ?? 10_000;
  let earlier: JournalReadResult = { records: [], problems: [] };
  if (journal) {
    try {
      earlier = await withTimeout(journal.read(plan.id), timeoutMs, 'the journal read');
    } catch (error) {
      throw new JournalUnavailableError(
        `journal: could not read what earlier runs of plan ${plan.id} recorded (nothing was written): ${(error as Error)?.message ?? String(error)}`,
        { cause: error },
      );
    }
  }
  const lastRecord = new Map(
    earlier.records
      .filter((r) => r.planHash === hash && r.stateHash === states.get(r.userId))
      .map((r) => [r.userId, r.status]),
  );
  const doneEarlier = new Set([...lastRecord].filter(([, s]) => s === 'done').map(([u]) => u));
  const warnings: string[] = [];
  let retries = 0;
  const onRetry = (_event: RetryEvent) => void retries++;
  client.on('retry', onRetry);

  let stopped: LeaseLostError | JournalUnavailableError | undefined;
  const guard = journal && !dryRun ? new JournalGuard(journal, timeoutMs, (error) => (stopped ??= error)) : undefined;
  const windows: ReplaceWindow[] = [];
  const record = async (userId: string, done: boolean) => {
    await guard?.append({
      planId: plan.id,
      planHash: hash,
      userId,
      stateHash: states.get(userId)!,
      status: done ? 'done' : 'failed',
      at: new Date().toISOString(),
    });
  };

  const run = async (lease: LeaseGuard | undefined): Promise<Phases> => {
    const signal = lease?.signal ?? options.signal;
    const mayWrite = () => !stopped && (lease ? lease.stillHeld() : true);
    const joined =
      memberships.length > 0 ? await applyMembershipPhase(client, memberships, { dryRun, signal, mayWrite }) : [];
    const membershipsOk = new Map<string, boolean>();
    for (const m of joined)
      membershipsOk.set(
        m.userId,
        (membershipsOk.get(m.userId) ?? true) && (m.status === 'applied' || m.status === 'unchanged'),
      );
    // Users with memberships only are finished now; the others when their skills are.
    for (const [userId, ok] of membershipsOk) if (!byUser.has(userId) && !dryRun) await record(userId, ok);
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
        onReplace: (w) => windows.push(w),
        onProgress: ctx.progress,
        onUserFinished: async (userId, _outcomes, done) => {
          if (!dryRun) await record(userId, done && (membershipsOk.get(userId) ?? true));
        },
      },
    );
    return { engine, memberships: joined };
  };
  let phases: Phases;
  try {
    if (journal?.acquire && !dryRun) {
      const held = await withLease(journal, plan.id, options.lease, options.signal, run);
      phases = held.value;
      warnings.push(...held.warnings);
      if (held.lost) stopped ??= held.lost;
    } else phases = await run(undefined);
  } finally {
    client.off('retry', onRetry);
  }
  const { engine } = phases;

  let conflictCheck: ConflictCheckResult | undefined;
  if (options.removals === 'replace' && !dryRun) {
    const planned = new Set(plan.changes.map((c) => `${c.userId}\u0000${c.skillId}`));
    conflictCheck =
      options.conflictCheck === false
        ? {
            ran: false,
            reason: 'conflictCheck: false (not requested)',
            serviceName: 'Routing',
            windows: windows.length,
            messages: 0,
            conflicts: [],
            notCheckable: [],
            unparsed: 0,
          }
        : await checkReplaceConflicts(client, windows, planned, { ...options.conflictCheck, signal: options.signal });
    const unseen = "removals: 'replace' may have undone other writers' changes unseen";
    if (!conflictCheck.ran)
      warnings.push(`conflict check did not run: ${conflictCheck.reason ?? 'unknown reason'} (${unseen})`);
    if (conflictCheck.notCheckable.length > 0)
      warnings.push(
        `conflict check: ${conflictCheck.notCheckable.length} user(s) not fully checked (${conflictCheck.notCheckable[0]!.reason}); ${unseen}`,
      );
    if (conflictCheck.unparsed > 0)
      warnings.push(
        `conflict check: ${conflictCheck.unparsed} audited skill change(s) in a format it does not read (entity type ${conflictCheck.entityType}); ${unseen}`,
      );
  }

  const items = buildItems(plan, engine, doneEarlier, stopped, conflictCheck);
  for (const m of phases.memberships) {
    if (doneEarlier.has(m.userId) && m.status === 'unchanged')
      Object.assign(m, { fromJournal: true, detail: 'done by an earlier run (journal), confirmed against the org' });
    if (stopped && m.status === 'skipped')
      Object.assign(m, { error: stopped, detail: `not written: ${stopped.message}` });
  }
  if (options.auditTrail) await writeAuditTrail(options, plan.id, items, engine, phases.memberships, dryRun, warnings);
  if (guard?.open) warnings.push(guard.open.message);

  const failedUsers = new Set(
    [...items, ...phases.memberships]
      .filter(
        (i) =>
          i.status !== 'applied' && i.status !== 'unchanged' && i.status !== 'wouldApply' && i.status !== 'conflict',
      )
      .map((i) => i.userId),
  );
  const fromJournalUsers = new Set([...items, ...phases.memberships].filter((i) => i.fromJournal).map((i) => i.userId));
  return {
    planId: plan.id,
    dryRun,
    aborted: engine.aborted,
    items,
    memberships: phases.memberships,
    counts: countStatuses([...items, ...phases.memberships]),
    conflicts: conflictCheck?.conflicts ?? [],
    conflictCheck,
    stopped,
    notJournaled: [...(guard?.notRecorded ?? [])],
    retries,
    users: {
      total: userIds.size,
      done: userIds.size - failedUsers.size,
      failed: failedUsers.size,
      fromJournal: fromJournalUsers.size,
    },
    journalProblems: earlier.problems,
    warnings,
    passes: engine.passes,
    reads: engine.reads,
    durationMs: performance.now() - started,
  };
}

function buildItems(
  plan: Plan,
  engine: EngineResult,
  doneEarlier: ReadonlySet<string>,
  stopped: LeaseLostError | JournalUnavailableError | undefined,
  conflictCheck: ConflictCheckResult | undefined,
): ItemResult[] {
  const planWins = new Map(
    (conflictCheck?.conflicts ?? [])
      .filter((c) => c.resolution === 'planWins')
      .map((c) => [`${c.userId}\u0000${c.skillId}`, c]),
  );
  return engine.outcomes.map((o, i) => {
    const c = plan.changes[i]!;
    const fromJournal = doneEarlier.has(c.userId) && o.status === 'unchanged';
    let status = o.status;
    let reason = fromJournal
      ? 'done by an earlier run (journal), confirmed against the org'
      : doneEarlier.has(c.userId) && o.status === 'applied'
        ? `the journal had it done, but the org held ${o.initial ?? 'no skill'}: re-applied`
        : o.reason;
    let error = o.error;
    // Never written because the run stopped (lost lease, journal down): skipped, with the typed reason.
    const notReached =
      (o.status === 'failed' && !o.error) || (o.status === 'skipped' && (o.reason ?? '').startsWith('aborted'));
    if (stopped && !o.written && notReached) {
      status = 'skipped';
      reason = `not written: ${stopped.message}`;
      error = stopped;
    }
    const conflict = planWins.get(`${c.userId}\u0000${c.skillId}`);
    if (conflict && (status === 'applied' || status === 'unchanged')) {
      status = 'conflict';
      reason = conflict.detail;
    }
    return {
      userId: c.userId,
      userName: c.userName,
      skillId: c.skillId,
      skillName: c.skillName,
      action: c.action,
      before: c.before,
      after: c.after,
      status,
      actual: o.initial,
      final: o.final,
      reason,
      error,
      ...(fromJournal ? { fromJournal: true } : {}),
      correlationIds: o.correlationIds,
    };
  });
}

/** One record per item and membership; a trail that cannot be written is a warning, never a lost result. */
async function writeAuditTrail(
  options: ApplyOptions,
  planId: string,
  items: readonly ItemResult[],
  engine: EngineResult,
  memberships: readonly MembershipItemResult[],
  dryRun: boolean,
  warnings: string[],
): Promise<void> {
  const now = new Date().toISOString();
  const records: AuditRecord[] = memberships.map((m) => ({
    planId,
    userId: m.userId,
    ...(m.userName === undefined ? {} : { userName: m.userName }),
    skillId: '',
    action: 'membership',
    before: null,
    after: null,
    result: m.status,
    startedAt: m.startedAt ?? now,
    finishedAt: m.finishedAt ?? now,
    latencyMs: m.latencyMs ?? 0,
    correlationIds: m.correlationIds,
    dryRun,
    ...(m.error
      ? { error: { name: m.error.name, message: m.error.message, correlationId: m.error.correlationId } }
      : {}),
    details: {
      queueId: m.queueId,
      ...(m.queueName === undefined ? {} : { queueName: m.queueName }),
      ...(m.detail ? { reason: m.detail } : {}),
    },
  }));
  for (const [i, item] of items.entries()) {
    const o = engine.outcomes[i]!;
    records.push(
      changeAuditRecord(planId, item, {
        startedAt: o.startedAt ?? now,
        finishedAt: o.finishedAt ?? now,
        latencyMs: o.latencyMs ?? 0,
        dryRun,
      }),
    );
  }
  for (const r of records) {
    try {
      await options.auditTrail!.write(r);
    } catch (error) {
      warnings.push(
        `audit trail: could not write the records (${(error as Error)?.message ?? String(error)}); the result above is complete`,
      );
      return;
    }
  }
}
