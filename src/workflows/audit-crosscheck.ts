// crossCheckAuditTrail: the SDK's own audit trail (what applyPlan / distributeWeights say they changed)
// against the platform's audit log (what the platform says changed). The work (and the audit formats it reads)
// is in audit-crosscheck-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { AuditRecord } from './audit-trail.js';

export interface CrossCheckOptions {
  /** Where to look. Default: from the earliest record's start to the latest record's end, padded by `clockSkewMs`. */
  interval?: { from: Date | string; to: Date | string };
  signal?: AbortSignal;
  /** Audit service(s) to query. Default 'Routing'. Real orgs may log user changes under 'Directory' (unconfirmed). */
  serviceName?: string | readonly string[];
  /** Entity types that carry user-skill changes. Default ['User', 'UserSkill', 'AgentRoutingInfo']. */
  userSkillEntityTypes?: readonly string[];
  /** Allowed distance between our record's timestamps and the platform's eventDate. Default 120,000 ms. */
  clockSkewMs?: number;
  /**
   * Ring-number records: `auto` (default) matches them when the platform logged ring-number changes for that
   * queue in the interval, else reports them `notCheckable`; `require` always matches (absent = missing);
   * `skip` reports them all `notCheckable`.
   */
  ringNumbers?: 'auto' | 'require' | 'skip';
  /** Intervals starting within this many days use the realtime query, older ones the async query. Default 14. */
  realtimeWindowDays?: number;
  /** First wait between status polls of an async query (default 1,000 ms). */
  pollIntervalMs?: number;
}

/** One change as the platform's audit log shows it. */
export interface PlatformChange {
  kind: 'skill' | 'ringNumber';
  auditId: string;
  eventDate: string;
  serviceName: string | undefined;
  entityType: string | undefined;
  action: string | undefined;
  /** The user whose skill or ring changed. */
  userId: string;
  skillId?: string | undefined;
  queueId?: string | undefined;
  before: number | null;
  after: number | null;
  /** Who made the change (user and/or OAuth client), as the platform recorded it. */
  actor: { userId: string | undefined; clientId: string | undefined };
}

export interface CrossCheckMatch {
  record: AuditRecord;
  platform: PlatformChange;
  /** The platform's `before` equals the record's too (false: the value moved between our read and write). */
  exact: boolean;
}

export interface CrossCheckResult {
  matched: CrossCheckMatch[];
  /** Applied changes of our trail the platform has no trace of. */
  missingOnPlatform: AuditRecord[];
  /** Platform changes to the trail's users' skills, or the trail's queues' ring numbers, that no record explains. */
  unexpectedOnPlatform: PlatformChange[];
  /** Records that cannot be checked against the platform log, with the reason. */
  notCheckable: Array<{ record: AuditRecord; reason: string }>;
  /** Platform messages about the trail's users or queues whose changes could not be read. */
  unparsed: Array<{ auditId: string; reason: string }>;
  /** Records compared (applied or failed writes, not dry runs). */
  checked: number;
  /** Records not compared (dry run, unchanged, skipped, planned). */
  ignored: number;
  interval: { from: string; to: string };
  source: 'realtime' | 'query' | 'none';
  /** Platform audit messages read. */
  platformMessages: number;
}

/**
 * Compares the SDK's audit trail with the platform's audit log (realtime query for the last 14 days, the
 * async query beyond).
 *
 * @example
 * const trail = new MemoryAuditTrail();
 * await applyPlan(client, plan, { auditTrail: trail });
 * const check = await crossCheckAuditTrail(client, trail.records);
 * console.log(check.matched.length, check.missingOnPlatform.length, check.unexpectedOnPlatform.length);
 */
export async function crossCheckAuditTrail(client: GenesysClient, records: readonly AuditRecord[], options: CrossCheckOptions = {}): Promise<CrossCheckResult> {
  const run = await import('./run.js');
  return run.crossCheckAuditTrail(client, records, options);
}
