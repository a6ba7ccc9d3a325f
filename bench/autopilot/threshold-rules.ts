// The threshold-rule baseline of `npm run bench:autopilot`: what contact-centre suites ship as real-time rules
// (e.g. "if a queue's service level drops below X, add its skill to N agents of other queues"). Pure: the decision
// on one check's observations; rules-arm.ts reads them through the SDK's public API and writes the changes.
//  - a queue whose service level over the last 15 minutes is below (target - margin) gets its skill added to the
//    `agentsPerTrigger` least-busy agents of other queues (on queue, joined to another watched queue and holding
//    its skill, not holding this one's; idle first, longest in their status first), who are made members of the
//    queue when they are not (an unjoined member was taken out on purpose and is left alone);
//  - every addition for a queue (skill, and membership when it added one) is removed once that queue has been at
//    target for `holdMinutes`.
// A rule fires again at every check while the queue stays below: that is how such rules behave.

export interface RuleQueue {
  queueId: string;
  skillId: string;
  /** Service-level target, 0..1. */
  target: number;
  /** Service level over the last 15 minutes, 0..1; null when no call left the queue. */
  serviceLevel: number | null;
}

export interface RuleAgent {
  userId: string;
  /** Queues the agent is a joined member of. */
  joinedQueueIds: readonly string[];
  /** Queues the agent is a member of, joined or not. */
  memberQueueIds: readonly string[];
  /** Routing skills held now (ids). */
  skillIds: readonly string[];
  /** Routing status: OFF_QUEUE agents are never picked. */
  status: string;
  /** Since when the agent has been in that status, epoch ms. */
  statusSince: number;
}

export interface RuleAddition {
  queueId: string;
  userId: string;
  skillId: string;
  /** True when the agent was not a member of the queue: the rule adds (and later removes) the membership too. */
  membership: boolean;
  /** When it was added, epoch ms. */
  at: number;
}

export interface RuleState {
  additions: RuleAddition[];
  /** Queue id -> since when it has been at target (absent while below). */
  atTargetSince: Record<string, number>;
}

export interface RuleSettings {
  /** Fires below target minus this. Default 0.05. */
  margin: number;
  /** Agents given the skill per firing. Default 3. */
  agentsPerTrigger: number;
  /** Additions are removed after this long at target. Default 30. */
  holdMinutes: number;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { margin: 0.05, agentsPerTrigger: 3, holdMinutes: 30 };

export interface RuleDecision {
  add: RuleAddition[];
  remove: RuleAddition[];
  state: RuleState;
}

export const emptyRuleState = (): RuleState => ({ additions: [], atTargetSince: {} });

/** One check of the rules at `now`: what to add, what to remove, and the state after. */
export function thresholdRuleStep(input: {
  now: number;
  queues: readonly RuleQueue[];
  agents: readonly RuleAgent[];
  state: RuleState;
  settings?: Partial<RuleSettings>;
}): RuleDecision {
  const settings = { ...DEFAULT_RULE_SETTINGS, ...input.settings };
  const { now } = input;
  const atTargetSince = trackTarget(input.queues, input.state.atTargetSince, now);
  const remove = input.state.additions.filter((a) => {
    const since = atTargetSince[a.queueId];
    return since !== undefined && now - since >= settings.holdMinutes * 60_000;
  });
  let additions = input.state.additions.filter((a) => !remove.includes(a));
  const add: RuleAddition[] = [];
  const queues = [...input.queues].sort((a, b) => (a.queueId < b.queueId ? -1 : 1));
  for (const q of queues) {
    if (q.serviceLevel === null || q.serviceLevel >= q.target - settings.margin) continue;
    const picked = new Set(add.map((a) => `${a.userId}:${a.skillId}`));
    const candidates = input.agents
      .filter((a) => a.status !== 'OFF_QUEUE' && !a.skillIds.includes(q.skillId))
      .filter((a) => !picked.has(`${a.userId}:${q.skillId}`) && agentOfOtherQueue(a, q, queues))
      .filter((a) => a.joinedQueueIds.includes(q.queueId) || !a.memberQueueIds.includes(q.queueId))
      .sort(leastBusyFirst)
      .slice(0, settings.agentsPerTrigger);
    for (const a of candidates)
      add.push({
        queueId: q.queueId,
        userId: a.userId,
        skillId: q.skillId,
        membership: !a.memberQueueIds.includes(q.queueId),
        at: now,
      });
  }
  additions = [...additions, ...add];
  return { add, remove, state: { additions, atTargetSince } };
}

function trackTarget(queues: readonly RuleQueue[], before: Record<string, number>, now: number) {
  const out: Record<string, number> = {};
  for (const q of queues) {
    const atTarget = q.serviceLevel === null || q.serviceLevel >= q.target;
    if (atTarget) out[q.queueId] = before[q.queueId] ?? now;
  }
  return out;
}

/** Joined to another watched queue and holding its skill: an agent who takes that queue's calls. */
function agentOfOtherQueue(a: RuleAgent, q: RuleQueue, queues: readonly RuleQueue[]): boolean {
  return queues.some((o) => o !== q && a.joinedQueueIds.includes(o.queueId) && a.skillIds.includes(o.skillId));
}

/** Idle agents first, then whoever has been longest in their status, then by id. */
function leastBusyFirst(a: RuleAgent, b: RuleAgent): number {
  const idle = Number(b.status === 'IDLE') - Number(a.status === 'IDLE');
  if (idle !== 0) return idle;
  if (a.statusSince !== b.statusSince) return a.statusSince - b.statusSince;
  return a.userId < b.userId ? -1 : 1;
}
