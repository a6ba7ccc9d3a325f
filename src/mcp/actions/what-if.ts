// What-if: Erlang C staffing for a volume, handle time and target (pure), and the simulated effect of a skill
// change on the queues of this session's latest plan (the optimizer's evaluator, before and after, same seed).
import type { GenesysClient } from '../../client/client.js';
import { didYouMean } from '../../internal/did-you-mean.js';
import { requiredAgents } from '../../optimizer/queueing/staffing/staffing.js';
import { McpRefusalError } from '../errors.js';
import { readOrgState } from '../org-state.js';
import { round } from './queues-now.js';
import type { DeskSession } from '../session.js';
import { hasModel, modelWithOrg, simulate, type SkillEdit } from './simulate.js';

export interface StaffingInput {
  callsPerHour: number;
  ahtSeconds: number;
  serviceLevel: number;
  withinSeconds: number;
  shrinkage?: number | undefined;
}

export function staffingWhatIf(input: StaffingInput) {
  const traffic = (input.callsPerHour * input.ahtSeconds) / 3600;
  const r = requiredAgents({
    traffic,
    ahtSeconds: input.ahtSeconds,
    targetSeconds: input.withinSeconds,
    serviceLevel: input.serviceLevel,
    ...(input.shrinkage !== undefined ? { shrinkage: input.shrinkage } : {}),
  });
  return {
    trafficErlangs: round(traffic, 3),
    agentsNeeded: r.agents,
    scheduledAgents: r.scheduledAgents,
    serviceLevelAtThatStaff: round(r.serviceLevel, 4),
    asaSeconds: round(r.asaSeconds, 1),
    occupancy: round(r.occupancy, 4),
    model: 'Erlang C: Poisson arrivals, exponential handle times, no abandonment, every agent serves this queue only',
  };
}

export interface SkillChangeInput {
  changes: Array<{ agent: string; queue: string; action: 'add' | 'remove'; proficiency?: number | undefined }>;
}

/** Each queue of the latest plan's model before and after the given changes, on the org as it is now. */
export async function skillChangeWhatIf(
  client: GenesysClient,
  session: DeskSession,
  input: SkillChangeInput,
  signal?: AbortSignal,
) {
  const entry = session.latestPlanId ? session.plans.get(session.latestPlanId) : undefined;
  if (!hasModel(entry))
    throw new McpRefusalError(
      'planId',
      'needsPlan',
      'the simulation needs the demand model a plan reads from history: call plan_routing first',
    );
  const org = await readOrgState(client, session.options.now(), signal);
  const queueIds = Object.keys(entry.queueSkills);
  const queueName = (id: string) => org.queueNames.get(id) ?? id;
  const edits: SkillEdit[] = input.changes.map((c, i) => ({
    userId: resolveAgent(org.userNames, c.agent, `changes[${i}].agent`),
    queueId: resolveQueue(queueIds, queueName, c.queue, `changes[${i}].queue`),
    action: c.action,
    proficiency: c.proficiency ?? 1,
  }));
  const before = await simulate(entry, modelWithOrg(entry, org), signal);
  const after = await simulate(entry, modelWithOrg(entry, org, edits), signal);
  return {
    basis: `plan ${entry.plan.id}'s model (its demand, handle times and shifts) with the org's skills read now`,
    changes: edits.map((e) => ({
      agent: org.userNames.get(e.userId) ?? e.userId,
      queue: queueName(e.queueId),
      action: e.action,
    })),
    queues: before.map((b, i) => ({
      queueId: b.id,
      queueName: queueName(b.id),
      target: b.target.serviceLevel,
      before: round(b.measures.serviceLevel, 4),
      after: round(after[i]!.measures.serviceLevel, 4),
      meetsTargetBefore: b.meetsTarget,
      meetsTargetAfter: after[i]!.meetsTarget,
    })),
    note: 'simulated only: nothing was written',
  };
}

function resolveAgent(names: Map<string, string>, ref: string, field: string): string {
  if (names.has(ref)) return ref;
  const hit = [...names].find(([, n]) => n.toLowerCase() === ref.toLowerCase());
  if (hit) return hit[0];
  const guess = didYouMean(ref, names.values());
  throw new McpRefusalError(
    field,
    'unknownAgent',
    `no agent has the id or name ${JSON.stringify(ref)}${guess ? `; did you mean "${guess}"?` : ''}`,
  );
}

function resolveQueue(ids: string[], name: (id: string) => string, ref: string, field: string): string {
  const hit = ids.find((id) => id === ref || name(id).toLowerCase() === ref.toLowerCase());
  if (hit) return hit;
  const guess = didYouMean(ref, ids.map(name));
  throw new McpRefusalError(
    field,
    'unknownQueue',
    `the plan's model has no queue ${JSON.stringify(ref)}${guess ? `; did you mean "${guess}"?` : ''}`,
  );
}
