// The org as the assistant's guardrails see it: who is a member of which queue and who holds which skill at which
// proficiency. Its fingerprint says whether a plan is stale (the org changed since it was made); the state read
// right before an apply is the snapshot a rollback returns to.
import { createHash } from 'node:crypto';
import type { GenesysClient } from '../client/client.js';
import { snapshotRoutingConfig } from '../workflows/snapshot/snapshot.js';

/** Memberships and skills of the org at one moment, with their fingerprint. */
export interface OrgState {
  takenAt: string;
  /** `queueId userId` of every queue member. */
  members: Set<string>;
  /** userId -> skillId -> proficiency. */
  skills: Map<string, Map<string, number>>;
  /** userId -> name; queueId -> name. */
  userNames: Map<string, string>;
  queueNames: Map<string, string>;
  /** sha-256 of the sorted memberships and skills. */
  fingerprint: string;
}

export const memberKey = (queueId: string, userId: string) => `${queueId} ${userId}`;

/** Reads the memberships and skills (one routing snapshot without languages, skill groups or wrap-up codes). */
export async function readOrgState(client: GenesysClient, now: Date, signal?: AbortSignal): Promise<OrgState> {
  const snap = await snapshotRoutingConfig(client, {
    languages: false,
    skillGroups: false,
    wrapupCodes: false,
    ...(signal ? { signal } : {}),
  });
  const members = new Set(snap.members.map((m) => memberKey(m.queueId ?? '', m.id ?? '')));
  const skills = new Map<string, Map<string, number>>();
  const userNames = new Map<string, string>();
  for (const s of snap.userSkills) {
    const userId = s.userId ?? '';
    if (!skills.has(userId)) skills.set(userId, new Map());
    skills.get(userId)!.set(s.id ?? '', Number(s.proficiency ?? 0));
    if (s.userName) userNames.set(userId, s.userName);
  }
  for (const m of snap.members) if (m.name && m.id) userNames.set(m.id, m.name);
  const lines = [
    ...[...members].map((k) => `m ${k}`),
    ...[...skills].flatMap(([u, held]) => [...held].map(([s, p]) => `s ${u} ${s} ${p}`)),
  ].sort();
  return {
    takenAt: now.toISOString(),
    members,
    skills,
    userNames,
    queueNames: new Map(snap.queues.map((q) => [q.id ?? '', q.name ?? ''])),
    fingerprint: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

/** The proficiency `userId` holds `skillId` at in `state`, or null. */
export function held(state: OrgState, userId: string, skillId: string): number | null {
  return state.skills.get(userId)?.get(skillId) ?? null;
}
