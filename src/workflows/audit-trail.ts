// The SDK's own audit trail: one record per attempted change, written as JSON lines.

export type ChangeResult = 'applied' | 'unchanged' | 'skipped' | 'failed' | 'planned';

export interface AuditRecord {
  planId: string;
  userId: string;
  skillId: string;
  action: 'add' | 'update' | 'remove' | 'ringNumber';
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
  error?: { name: string; message: string; status?: number | undefined; correlationId?: string | undefined } | undefined;
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
    const { appendFile } = await import('node:fs/promises');
    await appendFile(this.path, `${JSON.stringify(record)}\n`, 'utf8');
  }
}

/** Reads a JSONL audit trail back (for cross-checks and reports). */
export async function readAuditTrail(path: string): Promise<AuditRecord[]> {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AuditRecord);
}
