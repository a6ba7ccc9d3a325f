// crossCheckAuditTrail: the SDK's own audit trail (what applyPlan / distributeWeights say they changed) against
// the platform's audit log (what the platform says changed).
import type { GenesysClient } from '../../client/client.js';
import type { AuditRecord } from './trail.js';
import { ValidationError } from '../../errors/index.js';
import type { AuditLogMessage } from '../../resources/schemas/audit.js';
import { sameValue } from '../apply/values.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';

/** Options of `crossCheckAuditTrail`. */
export interface CrossCheckOptions {
  /** Where to look. Default: from the earliest record's start to the latest record's end, padded by `clockSkewMs`. */
  interval?: { from: Date | string; to: Date | string };
  /** Stops the work: the call rejects and no further request is sent. */
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

const CrossCheckOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<CrossCheckOptions>({
    interval: true,
    signal: optionalSignal(),
    serviceName: z.optional(z.union([z.string(), z.array(z.string())])),
    userSkillEntityTypes: z.optional(z.array(z.string())),
    clockSkewMs: true,
    ringNumbers: z.optional(z.enum(['auto', 'require', 'skip'])),
    realtimeWindowDays: true,
    pollIntervalMs: true,
  }))();

/** One change as the platform's audit log shows it. */
export interface PlatformChange {
  /** Whether a skill proficiency or a ring number changed. */
  kind: 'skill' | 'ringNumber';
  /** The platform audit entry id. */
  auditId: string;
  /** When the platform recorded the change (ISO). */
  eventDate: string;
  /** The platform service that logged it (e.g. `Routing`). */
  serviceName: string | undefined;
  /** The audited entity's type, as the platform names it. */
  entityType: string | undefined;
  /** The audited action, as the platform names it (e.g. `Update`). */
  action: string | undefined;
  /** The user whose skill or ring changed. */
  userId: string;
  /** The skill whose proficiency changed (`kind: 'skill'`). */
  skillId?: string | undefined;
  /** The queue whose member's ring changed (`kind: 'ringNumber'`). */
  queueId?: string | undefined;
  /** Value before (null: absent). */
  before: number | null;
  /** Value after (null: removed). */
  after: number | null;
  /** Who made the change (user and/or OAuth client), as the platform recorded it. */
  actor: { userId: string | undefined; clientId: string | undefined };
}

/** A record of the SDK's audit trail and the platform audit entry that confirms it. */
export interface CrossCheckMatch {
  /** The SDK's record. */
  record: AuditRecord;
  /** The platform's audit entry for it. */
  platform: PlatformChange;
  /** The platform's `before` equals the record's too (false: the value moved between our read and write). */
  exact: boolean;
}

/**
 * What `crossCheckAuditTrail` found: records confirmed, missing on the platform, and platform changes no record
 * explains.
 */
export interface CrossCheckResult {
  /** Records the platform's log confirms. */
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
  /** The interval of the platform's log that was read (ISO-8601). */
  interval: { from: string; to: string };
  /** How it was read: the `realtime` query (last 14 days), the async `query`, or `none` (nothing to check). */
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
export async function crossCheckAuditTrail(
  client: GenesysClient,
  records: readonly AuditRecord[],
  options: CrossCheckOptions = {},
): Promise<CrossCheckResult> {
  parseOptions(CONTEXT, CrossCheckOptionsSchema, options);
  const skew = options.clockSkewMs ?? 120_000;
  if (!Array.isArray(records))
    throw new ValidationError(CONTEXT, [{ path: 'records', message: 'must be an array of AuditRecord' }]);
  if (!(Number.isFinite(skew) && skew >= 0))
    throw new ValidationError(CONTEXT, [{ path: 'clockSkewMs', message: 'must be a number >= 0' }]);
  // Records of writes: confirmed (applied, overwritten) or possibly landed (failed, unverified).
  const compared = records.filter(
    (r) =>
      !r.dryRun &&
      (r.result === 'applied' || r.result === 'overwritten' || r.result === 'failed' || r.result === 'unverified'),
  );
  const interval = resolveInterval(records, options.interval, skew);
  const result: CrossCheckResult = {
    matched: [],
    missingOnPlatform: [],
    unexpectedOnPlatform: [],
    notCheckable: [],
    unparsed: [],
    checked: compared.length,
    ignored: records.length - compared.length,
    interval: { from: interval.from.toISOString(), to: interval.to.toISOString() },
    source: 'none',
    platformMessages: 0,
  };
  if (compared.length === 0 && !options.interval) return result;

  const { messages, source } = await fetchMessages(client, interval, options);
  result.source = source;
  result.platformMessages = messages.length;
  const changes = platformChanges(messages, compared, options, result.unparsed);
  const used = new Set<PlatformChange>();
  for (const record of compared) {
    const reason = notCheckable(record, options.ringNumbers ?? 'auto', changes);
    if (reason) {
      result.notCheckable.push({ record, reason });
      continue;
    }
    const best = closestMatch(record, changes, used, skew);
    if (best) {
      used.add(best);
      result.matched.push({ record, platform: best, exact: same(best.before, record.before) });
    } else if (record.result === 'applied' || record.result === 'overwritten') result.missingOnPlatform.push(record);
  }
  result.unexpectedOnPlatform = changes
    .filter((c) => !used.has(c))
    .sort((a, b) => a.eventDate.localeCompare(b.eventDate));
  return result;
}

const CONTEXT = 'crossCheckAuditTrail';
const DAY_MS = 86_400_000;
const ASYNC_MAX_DAYS = 30;
const same = sameValue;

/** The platform's changes to the users and queues the records name, parsed from its audit messages. */
function platformChanges(
  messages: readonly AuditLogMessage[],
  compared: readonly AuditRecord[],
  options: CrossCheckOptions,
  unparsed: CrossCheckResult['unparsed'],
): PlatformChange[] {
  const users = new Set(
    compared
      .filter((r) => r.action !== 'ringNumber' && r.action !== 'membership' && r.action !== 'language')
      .map((r) => r.userId),
  );
  const queues = new Set(
    compared
      .filter((r) => r.action === 'ringNumber')
      .map((r) => queueOf(r))
      .filter((q): q is string => q !== undefined),
  );
  const skillTypes = new Set(options.userSkillEntityTypes ?? ['User', 'UserSkill', 'AgentRoutingInfo']);
  return messages.flatMap((m) => parseMessage(m, { users, queues, skillTypes }, unparsed));
}

/** Why a record cannot be compared with the platform's log, or undefined when it can. */
function notCheckable(
  record: AuditRecord,
  ringMode: NonNullable<CrossCheckOptions['ringNumbers']>,
  changes: readonly PlatformChange[],
): string | undefined {
  if (record.action === 'membership' || record.action === 'language')
    return `${record.action} records are not compared with the platform log`;
  if (record.action !== 'ringNumber') return undefined;
  const queueId = queueOf(record);
  if (!queueId) return 'ring-number record without details.queueId';
  if (ringMode === 'skip') return 'ring-number checks skipped (ringNumbers: skip)';
  if (ringMode === 'auto' && !changes.some((c) => c.kind === 'ringNumber' && c.queueId === queueId))
    return `the platform log shows no ring-number change for queue ${queueId} in the interval; whether (and how) the platform audits ring numbers is unconfirmed`;
  return undefined;
}

/** The unused platform change of the same user, skill (or queue ring) and value closest in time to the record. */
function closestMatch(
  record: AuditRecord,
  changes: readonly PlatformChange[],
  used: ReadonlySet<PlatformChange>,
  skew: number,
): PlatformChange | undefined {
  const ring = record.action === 'ringNumber';
  const queueId = ring ? queueOf(record) : undefined;
  const from = Date.parse(record.startedAt) - skew;
  const to = Date.parse(record.finishedAt) + skew;
  const target = Date.parse(record.finishedAt);
  let best: PlatformChange | undefined;
  for (const c of changes) {
    if (used.has(c) || c.userId !== record.userId || !same(c.after, record.after)) continue;
    if (ring ? c.kind !== 'ringNumber' || c.queueId !== queueId : c.kind !== 'skill' || c.skillId !== record.skillId)
      continue;
    const at = Date.parse(c.eventDate);
    if (!(at >= from && at <= to)) continue;
    if (!best || Math.abs(at - target) < Math.abs(Date.parse(best.eventDate) - target)) best = c;
  }
  return best;
}

function queueOf(record: AuditRecord): string | undefined {
  const q = record.details?.['queueId'];
  return typeof q === 'string' && q !== '' ? q : undefined;
}

function toDate(value: Date | string, path: string): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new ValidationError(CONTEXT, [{ path, message: 'must be a valid Date or ISO-8601 date-time' }]);
  return d;
}

function resolveInterval(
  records: readonly AuditRecord[],
  given: CrossCheckOptions['interval'],
  skew: number,
): { from: Date; to: Date } {
  if (given) {
    const from = toDate(given.from, 'interval.from');
    const to = toDate(given.to, 'interval.to');
    if (from >= to) throw new ValidationError(CONTEXT, [{ path: 'interval', message: 'from must be before to' }]);
    return { from, to };
  }
  const starts = records.map((r) => Date.parse(r.startedAt)).filter(Number.isFinite);
  const ends = records.map((r) => Date.parse(r.finishedAt)).filter(Number.isFinite);
  const now = Date.now();
  const from = starts.length > 0 ? Math.min(...starts) - skew : now - skew;
  const to = Math.min(ends.length > 0 ? Math.max(...ends) + skew : now, now + 1_000);
  return { from: new Date(from), to: new Date(Math.max(to, from + 1)) };
}

async function fetchMessages(
  client: GenesysClient,
  interval: { from: Date; to: Date },
  options: CrossCheckOptions,
): Promise<{ messages: AuditLogMessage[]; source: 'realtime' | 'query' }> {
  const services =
    typeof options.serviceName === 'string' ? [options.serviceName] : [...(options.serviceName ?? ['Routing'])];
  const windowDays = options.realtimeWindowDays ?? 14;
  const realtime = interval.from.getTime() >= Date.now() - windowDays * DAY_MS;
  const signal = options.signal;
  const byId = new Map<string, AuditLogMessage>();
  for (const serviceName of services) {
    if (realtime) {
      const query = { interval: { from: interval.from, to: interval.to }, serviceName };
      for await (const m of client.audit.realtime.query(query, { signal, windowDays })) byId.set(m.id, m);
      continue;
    }
    // The async query covers at most 30 days per query: split longer intervals.
    for (let start = interval.from.getTime(); start < interval.to.getTime(); start += ASYNC_MAX_DAYS * DAY_MS) {
      const end = Math.min(interval.to.getTime(), start + ASYNC_MAX_DAYS * DAY_MS);
      const wait = options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs };
      const results = await client.audit.queries.run(
        { interval: { from: new Date(start), to: new Date(end) }, serviceName },
        { signal, ...wait },
      );
      for await (const m of results) byId.set(m.id, m);
    }
  }
  return { messages: [...byId.values()], source: realtime ? 'realtime' : 'query' };
}

interface Scope {
  users: ReadonlySet<string>;
  queues: ReadonlySet<string>;
  skillTypes: ReadonlySet<string>;
}

/** Per-skill and per-member changes of one audit message that concern the trail's users or queues. */
function parseMessage(m: AuditLogMessage, scope: Scope, unparsed: CrossCheckResult['unparsed']): PlatformChange[] {
  const base = {
    auditId: m.id,
    eventDate: m.eventDate,
    serviceName: m.serviceName,
    entityType: m.entityType,
    action: m.action,
    actor: { userId: m.user?.id, clientId: m.client?.id },
  };
  const entityId = m.entity?.id;
  if (!entityId) return [];
  const out: PlatformChange[] = [];
  if (scope.skillTypes.has(m.entityType ?? '') && scope.users.has(entityId)) {
    for (const pc of m.propertyChanges ?? []) {
      if (!/skill/i.test(pc.property)) continue;
      const before = parseSkillSet(pc.oldValues ?? []);
      const after = parseSkillSet(pc.newValues ?? []);
      if (!before || !after) {
        unparsed.push({
          auditId: m.id,
          reason: `property '${pc.property}' of ${m.entityType} ${entityId}: values are not JSON {id, proficiency} skills`,
        });
        continue;
      }
      for (const skillId of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(skillId) ?? null;
        const a = after.get(skillId) ?? null;
        if (!same(b, a)) out.push({ ...base, kind: 'skill', userId: entityId, skillId, before: b, after: a });
      }
    }
  }
  if (m.entityType === 'Queue' && scope.queues.has(entityId)) {
    for (const pc of m.propertyChanges ?? []) {
      if (pc.property !== 'ringNumber') continue;
      const before = parseMemberValues(pc.oldValues ?? []);
      const after = parseMemberValues(pc.newValues ?? []);
      if (!before || !after) {
        unparsed.push({
          auditId: m.id,
          reason: `ringNumber change of queue ${entityId}: values are not "<userId>:<ring>"`,
        });
        continue;
      }
      for (const [userId, ring] of after)
        out.push({
          ...base,
          kind: 'ringNumber',
          userId,
          queueId: entityId,
          before: before.get(userId) ?? null,
          after: ring,
        });
    }
  }
  return out;
}

/** `['{"id":"s1","proficiency":3}', ...]` -> skillId -> proficiency; undefined when a value is not of that shape. */
export function parseSkillSet(values: readonly string[]): Map<string, number | null> | undefined {
  const out = new Map<string, number | null>();
  for (const v of values) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      return undefined;
    }
    const o = parsed as { id?: unknown; proficiency?: unknown } | null;
    if (!o || typeof o.id !== 'string') return undefined;
    out.set(o.id, typeof o.proficiency === 'number' ? o.proficiency : null);
  }
  return out;
}

/** `['user-1:2', ...]` -> userId -> ring; undefined when a value is not of that shape. */
function parseMemberValues(values: readonly string[]): Map<string, number> | undefined {
  const out = new Map<string, number>();
  for (const v of values) {
    const i = v.lastIndexOf(':');
    const ring = Number(v.slice(i + 1));
    if (i <= 0 || !Number.isFinite(ring)) return undefined;
    out.set(v.slice(0, i), ring);
  }
  return out;
}
