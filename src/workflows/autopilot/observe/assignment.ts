// Who serves which queue, in the autopilot's scope: per agent the scope's queue skills (with proficiency) and the
// scope's queues it is a member of. Read from the org before every decision and after every write (verify), kept
// as the baseline at start, and diffed into an ordinary Plan (the way back to the baseline is one).
import type { GenesysClient } from '../../../client/client.js';
import { GenesysError } from '../../../errors/index.js';
import { readHeldSkills } from '../../apply/engine/read.js';
import {
  PLAN_KIND,
  PLAN_VERSION,
  summarize,
  type Plan,
  type PlannedChange,
  type PlannedMembership,
} from '../../plan.js';

/**
 * Who serves which queue in the autopilot's scope: the queue skills each agent holds and the queues each agent is a
 * member of. The baseline the autopilot returns to is one of these.
 */
export interface Assignment {
  /** userId -> skillId -> proficiency: only the scope's queue skills that the user holds. */
  skills: Record<string, Record<string, number>>;
  /** userId -> the scope's queue ids the user is a member of (sorted). */
  queues: Record<string, string[]>;
}

/** The org as read by one look: the assignment, and who is on queue now (routing status other than OFF_QUEUE). */
export interface OrgView {
  assignment: Assignment;
  /** Users on queue now (members whose routing status is not OFF_QUEUE and who are joined somewhere). */
  onQueue: Set<string>;
  /** `userId\u0000queueId` of memberships that are not joined: such a member takes none of the queue's calls. */
  unjoined: Set<string>;
}

/** Reads the members (with routing status) of each queue in `queueSkills` and those members' skills. */
export async function readOrgView(
  client: GenesysClient,
  queueSkills: Readonly<Record<string, string>>,
  extraUserIds: readonly string[],
  signal?: AbortSignal,
): Promise<OrgView> {
  const queues: Record<string, string[]> = {};
  const onQueue = new Set<string>();
  const unjoined = new Set<string>();
  for (const queueId of Object.keys(queueSkills).sort()) {
    for await (const m of client.routing.members.list(queueId, { expand: ['routingStatus'], signal })) {
      (queues[m.id] ??= []).push(queueId);
      if (m.joined === false) unjoined.add(`${m.id}\u0000${queueId}`);
      const status = m.routingStatus?.status;
      if (m.joined !== false && status !== undefined && status !== 'OFF_QUEUE') onQueue.add(m.id);
    }
  }
  const userIds = [...new Set([...Object.keys(queues), ...extraUserIds])].sort();
  const held = await readHeldSkills(client, userIds, { concurrency: 4, signal });
  const scopeSkills = new Set(Object.values(queueSkills));
  const skills: Record<string, Record<string, number>> = {};
  for (const userId of userIds) {
    const read = held.get(userId);
    if (!read || !read.ok)
      throw read?.error ?? new GenesysError(`autopilot: could not read the skills of user ${userId}`);
    skills[userId] = Object.fromEntries([...read.skills].filter(([id]) => scopeSkills.has(id)).sort());
    queues[userId] = [...(queues[userId] ?? [])].sort();
  }
  return { assignment: { skills, queues }, onQueue, unjoined };
}

/**
 * userId -> queueId -> proficiency for agents who can take the queue's calls: a joined member holding its skill
 * (`unjoined`: the memberships that are not joined, from `readOrgView`).
 */
export function holdings(
  assignment: Assignment,
  queueSkills: Readonly<Record<string, string>>,
  unjoined: ReadonlySet<string> = new Set(),
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [userId, queueIds] of Object.entries(assignment.queues)) {
    const row: Record<string, number> = {};
    for (const queueId of queueIds) {
      if (unjoined.has(`${userId}\u0000${queueId}`)) continue;
      const p = assignment.skills[userId]?.[queueSkills[queueId] as string];
      if (p !== undefined) row[queueId] = p;
    }
    out[userId] = row;
  }
  return out;
}

/** Queues that agents hold now (joined member and skill holder) who did not hold them at the baseline. */
export function reinforcedQueues(
  view: Pick<OrgView, 'assignment' | 'unjoined'>,
  baseline: Assignment,
  queueSkills: Readonly<Record<string, string>>,
): Set<string> {
  const now = holdings(view.assignment, queueSkills, view.unjoined);
  const base = holdings(baseline, queueSkills);
  const out = new Set<string>();
  for (const [userId, row] of Object.entries(now))
    for (const queueId of Object.keys(row)) if (base[userId]?.[queueId] === undefined) out.add(queueId);
  return out;
}

/** Differences between two assignments, as plan entries that turn `from` into `to` (users of either). */
export function diffAssignments(
  from: Assignment,
  to: Assignment,
  reason: string,
): { changes: PlannedChange[]; memberships: PlannedMembership[] } {
  const changes: PlannedChange[] = [];
  const memberships: PlannedMembership[] = [];
  const users = [...new Set([...Object.keys(from.skills), ...Object.keys(to.skills)])].sort();
  for (const userId of users) {
    const a = from.skills[userId] ?? {};
    const b = to.skills[userId] ?? {};
    for (const skillId of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const before = a[skillId] ?? null;
      const after = b[skillId] ?? null;
      if (before === after) continue;
      const action = before === null ? 'add' : after === null ? 'remove' : 'update';
      changes.push({ userId, skillId, action, before, after, reasons: [reason] });
    }
    const qa = new Set(from.queues[userId] ?? []);
    const qb = new Set(to.queues[userId] ?? []);
    for (const queueId of [...qb].filter((q) => !qa.has(q)).sort())
      memberships.push({ userId, queueId, action: 'add', reason });
    for (const queueId of [...qa].filter((q) => !qb.has(q)).sort())
      memberships.push({ userId, queueId, action: 'remove', reason });
  }
  return { changes, memberships };
}

/** True when `a` and `b` hold exactly the same skills, proficiencies and memberships for the users of `a`. */
export function sameAssignment(a: Assignment, b: Assignment): boolean {
  const d = diffAssignments(a, restrictTo(b, Object.keys(a.skills)), '');
  return d.changes.length === 0 && d.memberships.length === 0;
}

export function restrictTo(a: Assignment, userIds: readonly string[]): Assignment {
  const skills: Assignment['skills'] = {};
  const queues: Assignment['queues'] = {};
  for (const u of userIds) {
    skills[u] = a.skills[u] ?? {};
    queues[u] = a.queues[u] ?? [];
  }
  return { skills, queues };
}

/** An ordinary Plan (applyPlan applies it whole, with statuses) from plan entries. */
export function toPlan(
  id: string,
  org: { apiBaseUrl: string; orgId?: string | undefined },
  entries: { changes: PlannedChange[]; memberships: PlannedMembership[] },
  createdAt: Date,
  inputs: Record<string, unknown>,
): Plan {
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id,
    createdAt: createdAt.toISOString(),
    source: 'autopilot',
    org: org.apiBaseUrl,
    ...(org.orgId ? { orgId: org.orgId } : {}),
    changes: entries.changes,
    memberships: entries.memberships,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarize(entries.changes, [], []),
    inputs,
  };
}
