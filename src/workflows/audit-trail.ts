// The SDK's own audit trail: one record per planned change with its final status, written as JSON lines.
import { appendFile, readFile } from 'node:fs/promises';
import type { GenesysError } from '../errors.js';
import type { ChangeStatus } from './apply/values.js';

/** The same vocabulary as applyPlan and distributeWeights (a dry run's changes are `wouldApply`). */
export type ChangeResult = ChangeStatus;

export interface AuditRecord {
  planId: string;
  userId: string;
  userName?: string | undefined;
  skillId: string;
  skillName?: string | undefined;
  /**
   * `membership`: a queue membership of the plan (`details.queueId`; `skillId` is empty, before/after null).
   * `language`: a routing-language change (`details.languageId`, `details.change` add/update/remove; `skillId` is
   * empty, before/after are the language proficiencies).
   */
  action: 'add' | 'update' | 'remove' | 'ringNumber' | 'membership' | 'language';
  before: number | null;
  after: number | null;
  result: ChangeResult;
  /** ISO timestamps of the write and its verification. */
  startedAt: string;
  finishedAt: string;
  latencyMs: number;
  /** ININ-Correlation-Id of each call that carried this change. */
  correlationIds: string[];
  dryRun: boolean;
  error?:
    { name: string; message: string; status?: number | undefined; correlationId?: string | undefined } | undefined;
  /** Extra facts (e.g. a queue id and balance accuracy for weight changes). */
  details?: Record<string, unknown> | undefined;
}

export interface AuditTrail {
  write(record: AuditRecord): Promise<void>;
}

export class MemoryAuditTrail implements AuditTrail {
  readonly records: AuditRecord[] = [];
  async write(record: AuditRecord): Promise<void> {
    this.records.push(record);
  }
}

/** Appends one JSON line per record. */
export class JsonlAuditTrail implements AuditTrail {
  constructor(readonly path: string) {}
  async write(record: AuditRecord): Promise<void> {
    await appendFile(this.path, `${JSON.stringify(record)}\n`, 'utf8');
  }
}

/** The facts of one change an audit record is built from. */
export interface AuditedChange {
  userId: string;
  userName?: string | undefined;
  skillId: string;
  skillName?: string | undefined;
  action: AuditRecord['action'];
  before: number | null;
  after: number | null;
  status: ChangeStatus;
  /** Value found on the org before writing (preferred over `before` when known). */
  actual?: number | null | undefined;
  reason?: string | undefined;
  error?: GenesysError | undefined;
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
