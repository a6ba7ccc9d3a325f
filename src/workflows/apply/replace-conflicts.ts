// After an apply with `removals: 'replace'`: what the whole-set PUTs may have undone. Each PUT sent a set built
// from a read taken just before it; another writer's change between that read and the PUT was overwritten. The
// platform's audit log (realtime query over the run's read -> write windows) shows other clients' changes to the
// same users; each one the PUT undid (the PUT sent another value, and the org does not hold the other writer's
// value now) is a `conflict`. When the plan did not touch that skill, the other writer's change is re-applied.
//
// Which audit entity type records user-skill changes is not documented by Genesys: the candidates are looked up
// in the realtime audit service mapping (`GET /api/v2/audits/query/realtime/servicemapping`) and are an option.
// When the check cannot run (no audit permission, no known entity type, the query fails), the result says so.
import type { GenesysClient } from '../../client/client.js';
import { isPermissionDeniedError, type GenesysError } from '../../errors/index.js';
import type { AuditLogMessage } from '../../resources/schemas/audit.js';
import { parseSkillSet } from '../audit/crosscheck.js';
import { readHeldSkills } from './engine/read.js';
import type { ReplaceWindow } from './engine/skills-lever.js';
import { sameValue, toGenesysError } from './values.js';

/** How `applyPlan` with `removals: 'replace'` looks for other writers' changes its PUTs undid. */
export interface ConflictCheckOptions {
  /** Audit service to query. Default 'Routing'. */
  serviceName?: string;
  /**
   * Entity types that may record user-skill changes, in order of preference; the first one the service mapping
   * lists is used. Default ['UserSkill', 'AgentRoutingInfo', 'User'] (which one the platform uses is unconfirmed).
   */
  entityTypes?: string[];
  /** Padding around each read -> write window for clock differences. Default 5,000 ms. */
  clockSkewMs?: number;
  /** Re-apply another writer's change the PUT undid when the plan did not touch that skill. Default true. */
  reapply?: boolean;
  /** How long to wait for the audit log to show this run's own PUTs (audit ingestion lags). Default 30,000 ms. */
  waitForAuditMs?: number;
}

/** Another writer's change that a whole-set PUT of this run undid. */
export interface ApplyConflict {
  /** Always `conflict` (the shared vocabulary's word for it). */
  status: 'conflict';
  /** The user whose skill it was. */
  userId: string;
  /** The routing skill. */
  skillId: string;
  /** The other writer's change as the audit log shows it (null: absent). */
  before: number | null;
  /** The value the other writer set (null: it removed the skill). */
  after: number | null;
  /** What this run's PUT wrote for that skill (null: left out). */
  ours: number | null;
  /** Who made it (OAuth client and/or user) and when (the audit's eventDate), and the audit message id. */
  by: { clientId: string | undefined; userId: string | undefined };
  /** The audit message's eventDate (ISO 8601). */
  at: string;
  /** The audit message's id. */
  auditId: string;
  /**
   * `reapplied`: the plan did not touch the skill, the other writer's value was written back; `planWins`: the
   * plan changes that skill, its value stays (the item is `conflict`); `reapplyFailed` / `notReapplied`.
   */
  resolution: 'reapplied' | 'planWins' | 'reapplyFailed' | 'notReapplied';
  /** Who did what when, and what this run did about it, in words. */
  detail: string;
  /** Why re-applying it failed. */
  error?: GenesysError | undefined;
}

/** What the `removals: 'replace'` conflict check did. */
export interface ConflictCheckResult {
  /** False when the check could not run; `reason` says why. */
  ran: boolean;
  /** Why it could not run (no audit permission, no known entity type, a failed query). */
  reason?: string | undefined;
  /** The audit service queried. */
  serviceName: string;
  /** The entity type found in the service's audit mapping. */
  entityType?: string | undefined;
  /** Whole-set PUTs whose windows were checked. */
  windows: number;
  /** Audit messages read. */
  messages: number;
  /** Other writers' changes the PUTs undid. */
  conflicts: ApplyConflict[];
  /** Users whose window could not be checked (e.g. the audit log does not show this run's PUT yet). */
  notCheckable: Array<{ userId: string; reason: string }>;
  /** Skill property changes of the run's users whose values are not `{ id, proficiency }` JSON (not understood). */
  unparsed: number;
}

const DEFAULT_TYPES = ['UserSkill', 'AgentRoutingInfo', 'User'];

interface OtherChange {
  skillId: string;
  before: number | null;
  after: number | null;
  at: number;
  m: AuditLogMessage;
}

type CheckOptions = ConflictCheckOptions & {
  signal?: AbortSignal | undefined;
  sleep?: (ms: number) => Promise<void>;
};
type Sorted = ReturnType<typeof sortMessages>;
type Suspect = { w: ReplaceWindow; c: OtherChange };

export async function checkReplaceConflicts(
  client: GenesysClient,
  windows: readonly ReplaceWindow[],
  planned: ReadonlySet<string>,
  o: CheckOptions,
): Promise<ConflictCheckResult> {
  const serviceName = o.serviceName ?? 'Routing';
  const result: ConflictCheckResult = {
    ran: false,
    serviceName,
    windows: windows.length,
    messages: 0,
    conflicts: [],
    notCheckable: [],
    unparsed: 0,
  };
  if (windows.length === 0) return { ...result, ran: true };
  const found = await auditEntityType(client, serviceName, o);
  if ('reason' in found) return { ...result, reason: found.reason };
  result.entityType = found.entityType;
  const read = await readAudit(client, windows, { ...o, serviceName, entityType: found.entityType });
  result.messages = read.messages;
  if ('reason' in read) return { ...result, reason: read.reason };
  result.ran = true;
  result.unparsed = read.sorted.unparsed;
  const skew = o.clockSkewMs ?? 5_000;
  const suspects = findSuspects(windows, read.sorted, skew, result.notCheckable);
  if (suspects.length === 0) return result;
  // Lost when the org still holds what the PUT wrote (not the other writer's value, nor a later one).
  const now = await readHeldSkills(client, [...new Set(suspects.map((s) => s.w.userId))], {
    concurrency: 4,
    signal: o.signal,
  });
  for (const { w, c } of suspects) {
    const user = now.get(w.userId);
    const held = user?.ok ? (user.skills.get(c.skillId) ?? null) : undefined;
    if (held !== undefined && sameValue(held, c.after)) continue;
    result.conflicts.push(await resolveConflict(client, { w, c }, held, planned, o));
  }
  return result;
}

/** The audit service's entity type that records user-skill changes, or why it cannot be known. */
async function auditEntityType(
  client: GenesysClient,
  serviceName: string,
  o: CheckOptions,
): Promise<{ entityType: string } | { reason: string }> {
  const candidates = o.entityTypes ?? DEFAULT_TYPES;
  try {
    const mapping = await client.audit.realtime.serviceMapping({ signal: o.signal });
    const entities = new Set(
      (mapping.services ?? []).find((s) => s.name === serviceName)?.entities?.map((e) => e.name) ?? [],
    );
    const entityType = candidates.find((t) => entities.has(t));
    if (entityType) return { entityType };
    return {
      reason: `the audit service mapping lists none of the entity types ${candidates.join(', ')} under service ${serviceName}; set conflictCheck.entityTypes to the one that records user-skill changes`,
    };
  } catch (error) {
    const err = toGenesysError(error);
    return {
      reason: isPermissionDeniedError(err)
        ? `cannot read the audit log (the OAuth client needs audits:audit:view): ${err.message}`
        : `could not read the audit service mapping: ${err.message}`,
    };
  }
}

/** The audit messages around the run's PUTs, queried again (up to `waitForAuditMs`) until each PUT shows. */
async function readAudit(
  client: GenesysClient,
  windows: readonly ReplaceWindow[],
  o: CheckOptions & { serviceName: string; entityType: string },
): Promise<{ messages: number; sorted: Sorted } | { messages: number; reason: string }> {
  const skew = o.clockSkewMs ?? 5_000;
  const me = client.toJSON().clientId;
  const users = new Set(windows.map((w) => w.userId));
  const from = new Date(Math.min(...windows.map((w) => w.readAt)) - skew);
  const to = new Date(Math.max(...windows.map((w) => w.answeredAt)) + skew);
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const waitUntil = Date.now() + (o.waitForAuditMs ?? 30_000);
  let messages: AuditLogMessage[] = [];
  for (;;) {
    try {
      const interval = { from, to: new Date(Math.max(to.getTime(), Date.now())) };
      messages = await client.audit.realtime
        .query({ interval, serviceName: o.serviceName, entityType: o.entityType }, { signal: o.signal })
        .toArray();
    } catch (error) {
      return { messages: messages.length, reason: `the audit query failed: ${toGenesysError(error).message}` };
    }
    const sorted = sortMessages(messages, windows, users, me, skew);
    if (windows.every((w) => !w.ok || sorted.ownAt.has(w)) || Date.now() >= waitUntil)
      return { messages: messages.length, sorted };
    await sleep(2_000);
  }
}

/**
 * Other writers' latest change per user and skill inside [read - skew, our PUT], whose value the PUT did not send,
 * and that no later change of theirs superseded. Windows whose PUT the audit log does not show are noted.
 */
function findSuspects(
  windows: readonly ReplaceWindow[],
  sorted: Sorted,
  skew: number,
  notCheckable: ConflictCheckResult['notCheckable'],
): Suspect[] {
  const suspects = new Map<string, Suspect>();
  for (const w of windows) {
    const ours = sorted.ownAt.get(w);
    if (ours === undefined && w.ok)
      notCheckable.push({
        userId: w.userId,
        reason:
          "the audit log does not show this run's PUT; other writers' changes around it were checked up to the PUT's answer",
      });
    const end = ours ?? w.answeredAt + skew;
    const changes = sorted.others.get(w.userId) ?? [];
    // The other writers' latest change per skill up to the PUT: the value the PUT should have kept.
    const latest = new Map<string, OtherChange>();
    for (const c of changes)
      if (c.at >= w.readAt - skew && c.at <= end && (latest.get(c.skillId)?.at ?? -Infinity) <= c.at)
        latest.set(c.skillId, c);
    for (const c of latest.values()) {
      if (sameValue(w.sent.get(c.skillId) ?? null, c.after)) continue;
      if (changes.some((later) => later.skillId === c.skillId && later.at > end)) continue; // redone after the PUT
      suspects.set(`${w.userId}\u0000${c.skillId}`, { w, c });
    }
  }
  return [...suspects.values()];
}

/** One undone change: the plan's value wins, or it is re-applied when nothing changed it since (unless told not to). */
async function resolveConflict(
  client: GenesysClient,
  { w, c }: Suspect,
  held: number | null | undefined,
  planned: ReadonlySet<string>,
  o: CheckOptions,
): Promise<ApplyConflict> {
  const changedSince = held !== undefined && !sameValue(held, w.sent.get(c.skillId) ?? null);
  const ours = w.sent.get(c.skillId) ?? null;
  const who =
    [c.m.client?.id && `client ${c.m.client.id}`, c.m.user?.id && `user ${c.m.user.id}`].filter(Boolean).join(', ') ||
    'another writer';
  const what = c.after === null ? 'removed it' : `set it to ${c.after}`;
  const conflict: ApplyConflict = {
    status: 'conflict',
    userId: w.userId,
    skillId: c.skillId,
    before: c.before,
    after: c.after,
    ours,
    by: { clientId: c.m.client?.id, userId: c.m.user?.id },
    at: c.m.eventDate,
    auditId: c.m.id,
    resolution: 'notReapplied',
    detail: `${who} ${what} at ${c.m.eventDate}, between this run's read and its PUT, which wrote ${ours ?? 'no skill'}`,
  };
  if (planned.has(`${w.userId}\u0000${c.skillId}`))
    return {
      ...conflict,
      resolution: 'planWins',
      detail: `${conflict.detail}; the plan changes this skill, so its value was kept`,
    };
  if (o.reapply === false) return { ...conflict, detail: `${conflict.detail}; not re-applied (reapply: false)` };
  if (held === undefined)
    return { ...conflict, detail: `${conflict.detail}; not re-applied: the user's skills could not be read` };
  if (changedSince)
    return {
      ...conflict,
      detail: `${conflict.detail}; not re-applied: it changed again since (now ${held ?? 'no skill'})`,
    };
  try {
    if (c.after === null) await client.routing.userSkills.remove(w.userId, c.skillId, { signal: o.signal });
    else
      await client.routing.userSkills.patchBulk(w.userId, [{ id: c.skillId, proficiency: c.after }], {
        signal: o.signal,
      });
    return {
      ...conflict,
      resolution: 'reapplied',
      detail: `${conflict.detail}; the other writer's change was re-applied`,
    };
  } catch (error) {
    const err = toGenesysError(error);
    return {
      ...conflict,
      resolution: 'reapplyFailed',
      error: err,
      detail: `${conflict.detail}; re-applying it failed: ${err.message}`,
    };
  }
}

/** This run's own PUT per window (by eventDate) and other writers' per-skill changes per user. */
function sortMessages(
  messages: readonly AuditLogMessage[],
  windows: readonly ReplaceWindow[],
  users: ReadonlySet<string>,
  me: string,
  skew: number,
) {
  const ownAt = new Map<ReplaceWindow, number>();
  const others = new Map<string, OtherChange[]>();
  const own: Array<{ userId: string; at: number; set: Map<string, number | null> }> = [];
  let unparsed = 0;
  for (const m of messages) {
    const userId = m.entity?.id;
    if (!userId || !users.has(userId)) continue;
    const at = Date.parse(m.eventDate);
    for (const pc of m.propertyChanges ?? []) {
      if (!/skill/i.test(pc.property)) continue;
      const before = parseSkillSet(pc.oldValues ?? []);
      const after = parseSkillSet(pc.newValues ?? []);
      if (!before || !after) {
        unparsed++;
        continue;
      }
      if (m.client?.id === me && !m.user?.id) {
        own.push({ userId, at, set: after });
        continue;
      }
      for (const skillId of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(skillId) ?? null;
        const a = after.get(skillId) ?? null;
        if (!sameValue(b, a))
          others.set(userId, [...(others.get(userId) ?? []), { skillId, before: b, after: a, at, m }]);
      }
    }
  }
  for (const w of windows) {
    const match = own.find(
      (x) => x.userId === w.userId && x.at >= w.readAt - skew && x.at <= w.answeredAt + skew && sameSet(x.set, w.sent),
    );
    if (match) ownAt.set(w, match.at);
  }
  return { ownAt, others, unparsed };
}

function sameSet(a: ReadonlyMap<string, number | null>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, v] of b) if (!sameValue(a.get(id) ?? null, v)) return false;
  return true;
}
