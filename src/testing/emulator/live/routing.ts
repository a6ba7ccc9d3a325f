// Who may take a queue's call at this instant, read from the org's current configuration (so an API write
// changes routing from the instant it is applied), and the best-available choice among them:
//  - eligible: an active user, a joined member of the queue, holding the queue's required skill when it has one
//    (any proficiency; no bullseye widening);
//  - routable: routing status IDLE (on shift, on queue and not on a call; the live day keeps statuses current);
//  - choice: queues that evaluate skills BEST take the highest proficiency first, then the longest idle; the
//    others (NONE, ALL) take the longest idle. Ties go to the smaller user id.
import type { OrgState } from '../state/org.js';

export interface AgentPick {
  userId: string;
  proficiency: number;
}

/** The skill a queue's calls require now (none when it has none or it was deleted). */
export function requiredSkill(state: OrgState, queueId: string): string | undefined {
  const skillId = state.queueSkill.get(queueId);
  return skillId && state.activeSkill(skillId) ? skillId : undefined;
}

/** Whether `userId` may take calls of `queueId` (whatever their status). */
export function eligible(state: OrgState, queueId: string, userId: string): boolean {
  if (!state.members.get(queueId)?.get(userId)?.joined) return false;
  if (state.users.get(userId)?.state !== 'active') return false;
  const skillId = requiredSkill(state, queueId);
  return skillId === undefined || (state.userSkills.get(userId)?.has(skillId) ?? false);
}

/** The agent who takes a call of `queueId` now, or undefined when nobody eligible is free. */
export function pickAgent(
  state: OrgState,
  queueId: string,
  busy: ReadonlyMap<string, unknown>,
  idleSince: ReadonlyMap<string, number>,
): AgentPick | undefined {
  const members = state.members.get(queueId);
  const queue = state.queues.get(queueId);
  if (!members || !queue) return undefined;
  const skillId = requiredSkill(state, queueId);
  const byProficiency = queue.skillEvaluationMethod === 'BEST';
  let best: AgentPick | undefined;
  let bestIdle = Infinity;
  for (const member of members.values()) {
    if (!member.joined || busy.has(member.userId)) continue;
    const user = state.users.get(member.userId);
    if (user?.state !== 'active' || user.routingStatus.status !== 'IDLE') continue;
    const proficiency = skillId === undefined ? 0 : state.userSkills.get(member.userId)?.get(skillId);
    if (proficiency === undefined) continue;
    const idle = idleSince.get(member.userId) ?? 0;
    const better =
      !best ||
      (byProficiency && proficiency !== best.proficiency
        ? proficiency > best.proficiency
        : idle !== bestIdle
          ? idle < bestIdle
          : member.userId < best.userId);
    if (better) {
      best = { userId: member.userId, proficiency };
      bestIdle = idle;
    }
  }
  return best;
}
