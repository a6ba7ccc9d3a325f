// Content hashes for journal records: a journal only speaks for the exact plan and end state it recorded.
import { createHash } from 'node:crypto';
import type { Plan, PlannedChange, PlannedLanguageChange } from '../../plan.js';

type Hasher = (text: string) => string;

/** sha256 hex (async for its callers' sake). */
export async function hasher(): Promise<Hasher> {
  return (text) => createHash('sha256').update(text).digest('hex');
}
const byKey = (a: PlannedChange, b: PlannedChange) =>
  a.userId === b.userId ? (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0) : a.userId < b.userId ? -1 : 1;

/**
 * sha256 of the plan's id, org, changes, memberships and language changes (order-independent): an edited plan gets
 * a new hash. A plan without memberships or language changes hashes as before they existed, so older journals still
 * match.
 */
export function planHash(sha256: Hasher, plan: Plan): string {
  const changes = [...plan.changes].sort(byKey).map((c) => [c.userId, c.skillId, c.action, c.before, c.after]);
  // A removal hashes with its action; an add as before removals existed, so older journals still match.
  const memberships = (plan.memberships ?? [])
    .map((m) => `${m.userId}\u0000${m.queueId}${m.action === 'remove' ? '\u0000remove' : ''}`)
    .sort();
  const languages = sortedLanguages(plan.languageChanges ?? []).map((c) => [
    c.userId,
    c.languageId,
    c.action,
    c.before,
    c.after,
  ]);
  return sha256(
    JSON.stringify([
      plan.id,
      plan.org,
      plan.orgId ?? null,
      changes,
      ...(memberships.length > 0 || languages.length > 0 ? [memberships] : []),
      ...(languages.length > 0 ? [languages] : []),
    ]),
  );
}

/** Language changes by user, then language. */
function sortedLanguages(changes: readonly PlannedLanguageChange[]): PlannedLanguageChange[] {
  const key = (c: PlannedLanguageChange) => `${c.userId}\u0000${c.languageId}`;
  return [...changes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * sha256 of one user's intended end state: the planned skills and proficiencies (null: removed), queues joined and
 * languages held (null: removed).
 */
export function stateHash(
  sha256: Hasher,
  userId: string,
  changes: readonly PlannedChange[],
  queueIds: readonly string[] = [],
  languageChanges: readonly PlannedLanguageChange[] = [],
): string {
  const skills = [...changes].sort(byKey).map((c) => [c.skillId, c.after]);
  const languages = sortedLanguages(languageChanges).map((c) => [c.languageId, c.after]);
  return sha256(
    JSON.stringify([
      userId,
      skills,
      ...(queueIds.length > 0 || languages.length > 0 ? [[...queueIds].sort()] : []),
      ...(languages.length > 0 ? [languages] : []),
    ]),
  );
}
