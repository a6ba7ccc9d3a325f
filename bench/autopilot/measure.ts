// The figures of one live day, from the emulator's own state (never from what an arm says it did): service level
// per half hour from the simulated calls, the changes written from the org's audit log, and the assignment
// (skills and memberships) to compare with the day's start.
import type { Emulator } from '../../src/testing/index.js';

const HALF_HOUR = 30 * 60_000;
const HOUR = 60 * 60_000;

/** answered within target / (answered + abandoned) of a queue over [from, to); 1 when no call left it. */
export function serviceLevel(emu: Emulator, queueId: string, from: number, to: number): number {
  const s = emu.live!.queueStats(queueId, { from, to, intervalMinutes: Math.round((to - from) / 60_000) })[0]!;
  return s.answered + s.abandoned === 0 ? 1 : s.answeredWithin / (s.answered + s.abandoned);
}

export const targetOf = (emu: Emulator, queueId: string): number =>
  emu.state.queues.get(queueId)!.mediaSettings?.call?.serviceLevel?.percentage ?? 0.8;

/**
 * Half hours on the clock in [from, to) where the queue is below its target, how many there were, and each one's
 * start and service level.
 */
export function missedHalfHours(emu: Emulator, queueId: string, from: number, to: number) {
  const target = targetOf(emu, queueId);
  const levels: Array<{ at: number; serviceLevel: number }> = [];
  for (let t = Math.ceil(from / HALF_HOUR) * HALF_HOUR; t + HALF_HOUR <= to; t += HALF_HOUR)
    levels.push({ at: t, serviceLevel: serviceLevel(emu, queueId, t, t + HALF_HOUR) });
  return { missed: levels.filter((l) => l.serviceLevel < target).length, total: levels.length, levels };
}

/** Every user's skills and every queue's joined members, as the emulator holds them. */
export const fingerprint = (emu: Emulator): string =>
  JSON.stringify({
    skills: [...emu.state.userSkills].map(([u, m]) => [u, [...m].sort()]).sort(),
    members: [...emu.state.queues.keys()].sort().map((q) => [
      q,
      [...emu.state.membersOf(q).values()]
        .filter((m) => m.joined)
        .map((m) => m.userId)
        .sort(),
    ]),
  });

export interface Change {
  userId: string;
  at: number;
}

/** One change per skill or membership of one agent, from the audit records written from `fromIndex` on. */
export function changesSince(emu: Emulator, fromIndex: number): Change[] {
  const out: Change[] = [];
  for (const m of emu.state.auditLog.slice(fromIndex)) {
    const at = Date.parse(m.eventDate);
    for (const p of m.propertyChanges) {
      if (m.entityType === 'User' && p.property === 'skills') {
        const before = new Set(p.oldValues);
        const after = new Set(p.newValues);
        const n = Math.max(
          p.newValues.filter((v) => !before.has(v)).length,
          p.oldValues.filter((v) => !after.has(v)).length,
        );
        for (let i = 0; i < n; i++) out.push({ userId: m.entity.id, at });
      } else if (m.entityType === 'Queue' && (p.property === 'members' || p.property === 'joined')) {
        for (const v of [...p.oldValues, ...p.newValues]) out.push({ userId: v.split(':')[0]!, at });
      }
    }
  }
  return out;
}

/** Most changes on one agent, and in any 60 minutes. */
export function peaks(changes: readonly Change[]): { perAgent: number; perHour: number } {
  const perAgent = new Map<string, number>();
  for (const c of changes) perAgent.set(c.userId, (perAgent.get(c.userId) ?? 0) + 1);
  let perHour = 0;
  for (const c of changes)
    perHour = Math.max(perHour, changes.filter((x) => x.at <= c.at && c.at - x.at < HOUR).length);
  return { perAgent: Math.max(0, ...perAgent.values()), perHour };
}
