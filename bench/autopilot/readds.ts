// Re-adds within the hour, read from the org's audit log (never from what an arm says it did): a skill or
// membership of one agent gained, lost, and gained again with at most an hour between the loss and the new gain.
// The autopilot's default policy promises none; the threshold rules make no such promise.
import type { EmulatorAuditEntry } from '../../src/testing/index.js';

const HOUR = 60 * 60_000;

interface Grant {
  /** The agent and what they hold: a skill, or membership of a queue, or being joined to it. */
  key: string;
  at: number;
  gained: boolean;
}

const skillId = (value: string): string => (JSON.parse(value) as { id: string }).id;

/** Every skill and membership gained or lost in one audit record. */
function grantsOf(m: EmulatorAuditEntry): Grant[] {
  const at = Date.parse(m.eventDate);
  const out: Grant[] = [];
  for (const p of m.propertyChanges) {
    if (m.entityType === 'User' && p.property === 'skills') {
      const before = new Set(p.oldValues.map(skillId));
      const after = new Set(p.newValues.map(skillId));
      for (const id of after) if (!before.has(id)) out.push({ key: `${m.entity.id} skill ${id}`, at, gained: true });
      for (const id of before) if (!after.has(id)) out.push({ key: `${m.entity.id} skill ${id}`, at, gained: false });
    } else if (m.entityType === 'Queue' && p.property === 'members') {
      for (const v of p.newValues) out.push({ key: `${v} member ${m.entity.id}`, at, gained: true });
      for (const v of p.oldValues) out.push({ key: `${v} member ${m.entity.id}`, at, gained: false });
    } else if (m.entityType === 'Queue' && p.property === 'joined') {
      for (const v of p.newValues) {
        const [userId, state] = v.split(':');
        out.push({ key: `${userId} joined ${m.entity.id}`, at, gained: state === 'joined' });
      }
    }
  }
  return out;
}

/**
 * Gains that follow a loss of the same skill or membership of the same agent by at most an hour, where that
 * loss itself followed a gain in these records (an add, a return and a re-add).
 */
export function readdsWithinHour(records: readonly EmulatorAuditEntry[]): number {
  const gainedAt = new Map<string, number>();
  const returnedAt = new Map<string, number>();
  let count = 0;
  for (const g of records.flatMap(grantsOf)) {
    if (!g.gained) {
      if (gainedAt.has(g.key)) returnedAt.set(g.key, g.at);
      continue;
    }
    const returned = returnedAt.get(g.key);
    if (returned !== undefined && g.at - returned <= HOUR) count++;
    gainedAt.set(g.key, g.at);
  }
  return count;
}
