// The body of applyPlan once the plan and options are checked: journal read -> (lease) -> memberships -> languages -> skills ->
// (replace: audit conflict check) -> items, audit trail, counts. A lost lease or an unwritable journal stops new
// writes (never the result): items never written are `skipped` with the typed reason.
import type { GenesysClient } from '../../client.js';
import { JournalUnavailableError, type LeaseLostError } from '../../errors.js';
import type { RetryEvent } from '../../events.js';
import type { ApplyOptions, ApplyResult, ItemResult } from './types.js';
import { changeAuditRecord, type AuditRecord } from '../audit/trail.js';
import type { JournalReadResult } from '../journal/types.js';
import type { Plan, PlannedChange } from '../plan.js';
import { applySkillTargets, type EngineProgress, type EngineResult } from './apply-skills.js';
import { hasher, planHash, stateHash } from './hash.js';
import { JournalGuard } from './journal-guard.js';
import { withLease, withTimeout, type LeaseGuard } from './lease.js';
import { applyLanguagePhase, type LanguageItemResult } from './languages.js';
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
  languages: LanguageItemResult[];
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
  const languageChanges = plan.languageChanges ?? [];
  const languagesOf = new Map<string, NonNullable<Plan['languageChanges']>>();
  for (const l of languageChanges) languagesOf.set(l.userId, [...(languagesOf.get(l.userId) ?? []), l]);
  const userIds = new Set([...byUser.keys(), ...queuesOf.keys(), ...languagesOf.keys()]);
  const sha256 = await hasher();
  const hash = planHash(sha256, plan);
  const states = new Map(
    [...userIds].map((u) => [u, stateHash(sha256, u, byUser.get(u) ?? [], queuesOf.get(u), languagesOf.get(u))]),
  );
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
    const spoken =
      languageChanges.length > 0
        ? await applyLanguagePhase(client, languageChanges, { dryRun, signal, onDrift: options.onDrift, mayWrite })
        : [];
    // Per user: did the memberships and languages land (the skills phase adds its own outcome)?
    const partsOk = new Map<string, boolean>();
    for (const m of [...joined, ...spoken])
      partsOk.set(m.userId, (partsOk.get(m.userId) ?? true) && (m.status === 'applied' || m.status === 'unchanged'));
    // Users with memberships or languages only are finished now; the others when their skills are.
    for (const [userId, ok] of partsOk) if (!byUser.has(userId) && !dryRun) await record(userId, ok);
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
          if (!dryRun) await record(userId, done && (partsOk.get(userId) ?? true));
        },
      },
    );
    return { engine, memberships: joined, languages: spoken };
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
  for (const m of [...phases.memberships, ...phases.languages]) {
    if (doneEarlier.has(m.userId) && m.status === 'unchanged')
      Object.assign(m, { fromJournal: true, detail: 'done by an earlier run (journal), confirmed against the org' });
    if (stopped && m.status === 'skipped')
      Object.assign(m, { error: stopped, detail: `not written: ${stopped.message}` });
  }
  if (options.auditTrail) await writeAuditTrail(options, plan.id, items, engine, phases, dryRun, warnings);
  if (guard?.open) warnings.push(guard.open.message);

  const failedUsers = new Set(
    [...items, ...phases.memberships, ...phases.languages]
      .filter(
        (i) =>
          i.status !== 'applied' && i.status !== 'unchanged' && i.status !== 'wouldApply' && i.status !== 'conflict',
      )
      .map((i) => i.userId),
  );
  const fromJournalUsers = new Set(
    [...items, ...phases.memberships, ...phases.languages].filter((i) => i.fromJournal).map((i) => i.userId),
  );
  return {
    planId: plan.id,
    dryRun,
    aborted: engine.aborted,
    items,
    memberships: phases.memberships,
    languages: phases.languages,
    counts: countStatuses([...items, ...phases.memberships, ...phases.languages]),
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

/** One record per item, membership and language change; a trail that cannot be written is a warning, never a lost result. */
async function writeAuditTrail(
  options: ApplyOptions,
  planId: string,
  items: readonly ItemResult[],
  engine: EngineResult,
  phases: Phases,
  dryRun: boolean,
  warnings: string[],
): Promise<void> {
  const now = new Date().toISOString();
  const records: AuditRecord[] = phases.memberships.map((m) => ({
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
  records.push(...phases.languages.map((l) => languageAuditRecord(planId, l, dryRun, now)));
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

/** A language change's record: action `language`, the proficiencies as before/after, the language in `details`. */
function languageAuditRecord(planId: string, l: LanguageItemResult, dryRun: boolean, now: string): AuditRecord {
  return {
    planId,
    userId: l.userId,
    ...(l.userName === undefined ? {} : { userName: l.userName }),
    skillId: '',
    action: 'language',
    before: l.before,
    after: l.after,
    result: l.status,
    startedAt: l.startedAt ?? now,
    finishedAt: l.finishedAt ?? now,
    latencyMs: l.latencyMs ?? 0,
    correlationIds: l.correlationIds,
    dryRun,
    ...(l.error
      ? { error: { name: l.error.name, message: l.error.message, correlationId: l.error.correlationId } }
      : {}),
    details: {
      languageId: l.languageId,
      ...(l.languageName === undefined ? {} : { languageName: l.languageName }),
      change: l.action,
      ...(l.detail ? { reason: l.detail } : {}),
    },
  };
}
