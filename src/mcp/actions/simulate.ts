// The optimizer's own evaluator on the org as it is now: a session plan's model (demand, handle times, targets,
// shifts) with each agent's queue skills replaced by what the org holds now. So "is this queue at target?" is
// judged the way the plan was, before an apply, after it and after a rollback.
import { evaluateRoutingAsync, type EvaluatedQueue } from '../../optimizer/index.js';
import { CURRENT_CHECK_CONTACTS } from '../../workflows/optimize/current-check.js';
import type { OptimizeAgent, OptimizeRoutingInput } from '../../optimizer/routing/types.js';
import { held, memberKey, type OrgState } from '../org-state.js';
import type { SessionPlan } from '../session.js';

/** The plan's model with the org's current skills: an agent serves a queue when a member holding its skill. */
export function modelWithOrg(
  entry: SessionPlan,
  org: OrgState,
  edits: readonly SkillEdit[] = [],
): OptimizeRoutingInput {
  const model = entry.plan.inputs?.['model'] as OptimizeRoutingInput;
  const agents: OptimizeAgent[] = model.agents.map((a) => {
    const skills: Record<string, number> = {};
    for (const q of model.queues) {
      const skillId = entry.queueSkills[q.id];
      const p = skillId === undefined ? null : held(org, a.id, skillId);
      if (p !== null && org.members.has(memberKey(q.id, a.id))) skills[q.id] = p;
    }
    for (const e of edits.filter((x) => x.userId === a.id)) {
      if (e.action === 'remove') delete skills[e.queueId];
      else skills[e.queueId] = e.proficiency;
    }
    return { ...a, skills };
  });
  return { ...model, agents };
}

/** A hypothetical change: give (or take) a queue's skill, with the membership it needs. */
export interface SkillEdit {
  userId: string;
  queueId: string;
  action: 'add' | 'remove';
  proficiency: number;
}

/**
 * Each queue's simulated service level, judged as the planner judges the current configuration (one long run,
 * the plain target on the mean): "at target" here means a re-plan would propose nothing for it. Seeded like
 * the plan, so two calls compare like with like. `signal` (the tool call's) gives it up between two slices.
 */
export async function simulate(
  entry: SessionPlan,
  model: OptimizeRoutingInput,
  signal?: AbortSignal,
): Promise<EvaluatedQueue[]> {
  const seed = Number((entry.plan.inputs?.['optimizer'] as { seed?: number } | undefined)?.seed ?? 1);
  const { queues, agents } = model;
  const options = { seed, contacts: CURRENT_CHECK_CONTACTS, acceptance: 'mean', signal } as const;
  return (await evaluateRoutingAsync({ queues, agents }, options)).queues;
}

/** True when the plan carries a model this session can re-evaluate. */
export function hasModel(entry: SessionPlan | undefined): entry is SessionPlan {
  const model = entry?.plan.inputs?.['model'] as OptimizeRoutingInput | undefined;
  return Array.isArray(model?.agents) && Array.isArray(model?.queues);
}
