// The zod output schemas the tools declare (clients and models read them as JSON Schema).
import * as z from 'zod';

export const target = z.object({ serviceLevel: z.number(), withinSeconds: z.number() });

export const queueNow = z.object({
  queueId: z.string(),
  queueName: z.string(),
  target,
  today: z.object({ offered: z.number(), serviceLevel: z.number().nullable() }),
  waiting: z.number(),
  agentsOnQueue: z.number(),
  members: z.number(),
  skill: z.object({ id: z.string(), name: z.string() }).nullable(),
  holders: z.number(),
  erlang: z.object({
    callsPerHour: z.number(),
    ahtSeconds: z.number().nullable(),
    agentsNeeded: z.number().nullable(),
    holdersOnQueue: z.number(),
  }),
  status: z.enum(['atTarget', 'below', 'noCalls']),
});

export const queuesNowOutput = {
  at: z.string(),
  queues: z.array(queueNow),
  weakest: z.string().nullable().describe('name of the queue furthest below its target, if any'),
};

export const explainOutput = {
  ...queueNow.shape,
  demand: z.object({
    todaySoFar: z.number(),
    usualSoFar: z.number(),
    ratio: z.number().nullable(),
    lastHour: z.number(),
    usualThisHour: z.number(),
  }),
  holdersList: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      proficiency: z.number(),
      routingStatus: z.string(),
      onQueue: z.boolean(),
    }),
  ),
  changedToday: z.array(z.object({ at: z.string(), what: z.string(), by: z.string() })),
  simulated: z.object({ serviceLevel: z.number(), meetsTarget: z.boolean(), basis: z.string() }).nullable(),
  summary: z.string(),
};

export const staffingOutput = {
  trafficErlangs: z.number(),
  agentsNeeded: z.number(),
  scheduledAgents: z.number(),
  serviceLevelAtThatStaff: z.number(),
  asaSeconds: z.number(),
  occupancy: z.number(),
  model: z.string(),
};

export const skillChangeOutput = {
  basis: z.string(),
  changes: z.array(z.object({ agent: z.string(), queue: z.string(), action: z.enum(['add', 'remove']) })),
  queues: z.array(
    z.object({
      queueId: z.string(),
      queueName: z.string(),
      target: z.number(),
      before: z.number(),
      after: z.number(),
      meetsTargetBefore: z.boolean(),
      meetsTargetAfter: z.boolean(),
    }),
  ),
  note: z.string(),
};

export const planOutput = {
  planId: z.string(),
  horizon: z.string(),
  feasible: z.boolean(),
  queues: z.array(
    z.object({
      queueId: z.string(),
      queueName: z.string(),
      target: z.number(),
      before: z.number(),
      after: z.number(),
      meetsTarget: z.boolean(),
      holdersBefore: z.number(),
      holdersAfter: z.number(),
    }),
  ),
  changes: z.number(),
  memberships: z.number(),
  languageChanges: z.number(),
  lowerBound: z.number().nullable().describe('no plan can need fewer changes than this'),
  shortfall: z.array(z.object({ queueId: z.string(), queueName: z.string(), agentsMissing: z.number() })),
  warnings: z.array(z.string()),
  withinPolicy: z.boolean(),
  policyProblem: z.string().optional(),
  report: z.object({ uri: z.string(), path: z.string().optional() }),
  next: z.string(),
};

export const dryRunOutput = {
  planId: z.string(),
  orgUnchangedSincePlan: z.boolean(),
  wouldChange: z.number(),
  agents: z.array(z.object({ userId: z.string(), name: z.string(), changes: z.array(z.string()) })),
  withinPolicy: z.boolean(),
  policyProblem: z.string().optional(),
  confirmationToken: z.string().describe('single-use; bound to this plan and the org as read now'),
  confirmation: z.string(),
};

const counts = z.record(z.string(), z.number());

export const applyOutput = {
  planId: z.string(),
  appliedAs: z.string(),
  changes: z.number(),
  counts,
  failed: z.number(),
  stopped: z.string().optional(),
  rollback: z.string(),
};

export const rollbackOutput = {
  planId: z.string(),
  rollbackPlanId: z.string(),
  changes: z.number(),
  counts,
  failed: z.number(),
  stopped: z.string().optional(),
  atSnapshot: z.boolean(),
  differencesLeft: z.number(),
  snapshotTakenAt: z.string(),
};

const decision = z.object({
  seq: z.number(),
  at: z.string(),
  kind: z.string(),
  why: z.string(),
  shadow: z.boolean(),
  changes: z.number(),
  refused: z.number(),
});

export const autopilotStatusOutput = {
  attached: z.boolean(),
  approvals: z.boolean().describe('true when the autopilot exposes proposals to approve or reject'),
  decisionsSeen: z.number(),
  lastDecision: decision.nullable(),
  pending: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      createdAt: z.string(),
      expiresAt: z.string(),
      why: z.string(),
      changes: z.number(),
    }),
  ),
};

export const autopilotDecisionsOutput = { decisions: z.array(decision) };

export const autopilotResolveOutput = {
  id: z.string(),
  resolved: z.boolean(),
  action: z.enum(['approved', 'rejected']),
};
