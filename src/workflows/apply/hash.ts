// Content hashes for journal records: a journal only speaks for the exact plan and end state it recorded.
import { createHash } from 'node:crypto';
import type { Plan, PlannedChange } from '../plan.js';

type Hasher = (text: string) => string;

/** sha256 hex (async for its callers' sake). */
export async function hasher(): Promise<Hasher> {
  return (text) => createHash('sha256').update(text).digest('hex');
}
const byKey = (a: PlannedChange, b: PlannedChange) =>
  a.userId === b.userId ? (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0) : a.userId < b.userId ? -1 : 1;

/**
 * sha256 of the plan's id, org, changes and memberships (order-independent): an edited plan gets a new hash. A plan
 * without memberships hashes as before they existed, so older journals still match.
 */
export function planHash(sha256: Hasher, plan: Plan): string {
  const changes = [...plan.changes].sort(byKey).map((c) => [c.userId, c.skillId, c.action, c.before, c.after]);
  // A removal hashes with its action; an add as before removals existed, so older journals still match.
  const memberships = (plan.memberships ?? [])
    .map((m) => `${m.userId}\u0000${m.queueId}${m.action === 'remove' ? '\u0000remove' : ''}`)
    .sort();
  return sha256(
    JSON.stringify([plan.id, plan.org, plan.orgId ?? null, changes, ...(memberships.length > 0 ? [memberships] : [])]),
  );
}

/** sha256 of one user's intended end state: the planned skills and proficiencies (null: removed), and queues joined. */
export function stateHash(
  sha256: Hasher,
  userId: string,
  changes: readonly PlannedChange[],
  queueIds: readonly string[] = [],
): string {
  const skills = [...changes].sort(byKey).map((c) => [c.skillId, c.after]);
  return sha256(JSON.stringify([userId, skills, ...(queueIds.length > 0 ? [[...queueIds].sort()] : [])]));
}
