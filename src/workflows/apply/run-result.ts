// applyPlan's result from what the run did: one item per planned skill change (with the journal's and the stop's
// say in its status), and the audit trail's records for items, memberships and language changes.
import type { JournalUnavailableError, LeaseLostError } from '../../errors/index.js';
import { changeAuditRecord, type AuditRecord } from '../audit/trail.js';
import type { Plan } from '../plan.js';
import type { EngineResult } from './engine/apply-skills.js';
import type { LanguageItemResult } from './languages.js';
import type { MembershipItemResult } from './memberships.js';
import type { ConflictCheckResult } from './replace-conflicts.js';
import type { ApplyOptions, ItemResult } from './types.js';

/** What the write phases returned: the skills engine's result and the memberships' and languages' items. */
export interface Phases {
  engine: EngineResult;
  memberships: MembershipItemResult[];
  languages: LanguageItemResult[];
}

export function buildItems(
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
export async function writeAuditTrail(
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
