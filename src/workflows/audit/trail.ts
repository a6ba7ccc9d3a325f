// The SDK's own audit trail: one record per planned change with its final status, written as JSON lines.
import { appendFile, readFile } from 'node:fs/promises';
import type { GenesysError } from '../../errors/index.js';
import type { ChangeStatus } from '../apply/values.js';

/** The same vocabulary as applyPlan and distributeWeights (a dry run's changes are `wouldApply`). */
export type ChangeResult = ChangeStatus;

/** One line of the SDK's audit trail: a planned change and what became of it. */
export interface AuditRecord {
  /** The plan the change belongs to. */
  planId: string;
  /** The user the change is for. */
  userId: string;
  /** The user's name, when the plan had it. */
  userName?: string | undefined;
  /** Routing skill id (empty for memberships and languages). */
  skillId: string;
  /** The skill's name, when the plan had it. */
  skillName?: string | undefined;
  /**
   * `membership`: a queue membership of the plan (`details.queueId`; `skillId` is empty, before/after null).
   * `language`: a routing-language change (`details.languageId`, `details.change` add/update/remove; `skillId` is
   * empty, before/after are the language proficiencies).
   */
  action: 'add' | 'update' | 'remove' | 'ringNumber' | 'membership' | 'language';
  /** Proficiency before the change (null: the skill was not held). */
  before: number | null;
  /** Proficiency planned after it (null: removed). */
  after: number | null;
  /** What became of the change (`applied`, `unchanged`, `failed`, `wouldApply`, ...). */
  result: ChangeResult;
  /** When the write started, ISO-8601. */
  startedAt: string;
  /** When its verification finished, ISO-8601. */
  finishedAt: string;
  /** Time from the write to its verification, in ms. */
  latencyMs: number;
  /** ININ-Correlation-Id of each call that carried this change. */
  correlationIds: string[];
  /** True for a dry run (nothing was written). */
  dryRun: boolean;
  /** The error that made the change fail, when it failed. */
  error?:
    { name: string; message: string; status?: number | undefined; correlationId?: string | undefined } | undefined;
  /** Extra facts (e.g. a queue id and balance accuracy for weight changes). */
  details?: Record<string, unknown> | undefined;
}

/** Where `applyPlan` and `distributeWeights` record each change (the `auditTrail` option). */
export interface AuditTrail {
  /** Records one change; called once per change, after its verification. */
  write(record: AuditRecord): Promise<void>;
}

/** An audit trail kept in memory (`records`), for tests and for programs that report the records themselves. */
export class MemoryAuditTrail implements AuditTrail {
  /** The records written so far, in order. */
  readonly records: AuditRecord[] = [];
  /** Adds the record to `records`. */
  async write(record: AuditRecord): Promise<void> {
    this.records.push(record);
  }
}

/** Appends one JSON line per record. */
export class JsonlAuditTrail implements AuditTrail {
  /** @param path The file to append to (created when missing). */
  constructor(
    /** The file records are appended to. */
    readonly path: string,
  ) {}
  /** Appends the record as one JSON line. */
  async write(record: AuditRecord): Promise<void> {
    await appendFile(this.path, `${JSON.stringify(record)}\n`, 'utf8');
  }
}

/** The facts of one change an audit record is built from. */
export interface AuditedChange {
  /** The user the change is for. */
  userId: string;
  /** The user's name, when known. */
  userName?: string | undefined;
  /** Routing skill id (empty for memberships and languages). */
  skillId: string;
  /** The skill's name, when known. */
  skillName?: string | undefined;
  /** What the change does (see {@link AuditRecord.action}). */
  action: AuditRecord['action'];
  /** Planned value before (null: absent). */
  before: number | null;
  /** Planned value after (null: removed). */
  after: number | null;
  /** The change's final status. */
  status: ChangeStatus;
  /** Value found on the org before writing (preferred over `before` when known). */
  actual?: number | null | undefined;
  /** Why it was skipped or failed, in words. */
  reason?: string | undefined;
  /** The error that made it fail. */
  error?: GenesysError | undefined;
  /** ININ-Correlation-Id of each call that carried the change. */
  correlationIds: string[];
}

/** One audit record for one change (applyPlan and distributeWeights build them the same way). */
export function changeAuditRecord(
  planId: string,
  c: AuditedChange,
  run: {
    startedAt: string;
    finishedAt: string;
    latencyMs: number;
    dryRun: boolean;
    details?: Record<string, unknown> | undefined;
  },
): AuditRecord {
  return {
    planId,
    userId: c.userId,
    ...(c.userName === undefined ? {} : { userName: c.userName }),
    skillId: c.skillId,
    ...(c.skillName === undefined ? {} : { skillName: c.skillName }),
    action: c.action,
    before: c.actual !== undefined ? c.actual : c.before,
    after: c.after,
    result: c.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    latencyMs: Math.round(run.latencyMs),
    correlationIds: c.correlationIds,
    dryRun: run.dryRun,
    error: c.error
      ? {
          name: c.error.name,
          message: c.error.message,
          status: (c.error as { status?: number }).status,
          correlationId: c.error.correlationId,
        }
      : undefined,
    ...(c.reason !== undefined && c.status !== 'applied' && c.status !== 'unchanged'
      ? { details: { reason: c.reason, ...run.details } }
      : run.details
        ? { details: run.details }
        : {}),
  };
}

/** Reads a JSONL audit trail back (for cross-checks and reports). */
export async function readAuditTrail(path: string): Promise<AuditRecord[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AuditRecord);
}
