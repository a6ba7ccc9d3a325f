// The what-if of a skill plan: each queue's service level before and after the changes, from the optimizer's own
// evaluator. Shared by planProficiencyRelevel and recommendRoutingChanges.
import type { SkillChange } from '../../optimizer/planning/index.js';
import { evaluateRoutingAsync } from '../../optimizer/index.js';
import type { QueueHistory } from '../history.js';
import type { QueueImpact } from '../plan.js';

type EvaluationOf = ReturnType<typeof import('../../optimizer/index.js').evaluateRouting>;

/** Evaluations already made, by model: a caller that tries many candidates against one roster passes one map. */
export type WhatIfCache = Map<string, EvaluationOf>;

/**
 * Service level before/after per queue, judged by the optimizer's own evaluator (`evaluateRouting`: a
 * whole-system simulation with common random numbers, so before and after see the same calls). An agent serves
 * a queue when it is a member and holds the skill its conversations request most. Queues without history are
 * left out.
 */
export async function whatIfImpact(
  queues: readonly QueueHistory[],
  queueSkills: Map<string, string[]>,
  members: readonly { queueId: string; userId: string }[],
  current: Record<string, Record<string, number>>,
  changes: readonly SkillChange[],
  patienceSeconds?: number,
  cache: WhatIfCache = new Map(),
  signal?: AbortSignal,
): Promise<QueueImpact[]> {
  const modelled = queues.filter((q) => q.ahtSeconds !== undefined && (queueSkills.get(q.queueId)?.length ?? 0) > 0);
  if (modelled.length === 0) return [];
  const after: Record<string, Record<string, number>> = {};
  for (const [userId, held] of Object.entries(current)) after[userId] = { ...held };
  for (const c of changes) {
    const held = (after[c.userId] ??= {});
    if (c.action === 'remove') delete held[c.skillId];
    else held[c.skillId] = c.proficiency;
  }
  const memberOf = new Set(members.map((m) => `${m.userId}\u0000${m.queueId}`));
  const model = (skills: Record<string, Record<string, number>>) => ({
    queues: modelled.map((q) => ({
      id: q.queueId,
      callsPerHour: (q.peakOffered * 3600) / q.intervalSeconds,
      ahtSeconds: q.ahtSeconds!,
      target: {
        serviceLevel: Math.min(0.9999, Math.max(0.0001, q.serviceLevelTarget)),
        withinSeconds: q.targetSeconds,
      },
      ...(patienceSeconds ? { patienceSeconds } : {}),
    })),
    agents: Object.keys(skills).map((userId) => {
      const held: Record<string, number> = {};
      for (const q of modelled) {
        const p = skills[userId]?.[queueSkills.get(q.queueId)![0]!];
        if (p !== undefined && memberOf.has(`${userId}\u0000${q.queueId}`)) held[q.queueId] = p;
      }
      return { id: userId, skills: held };
    }),
  });
  const settings = { seed: 1, contacts: 200_000 };
  // Deterministic for a seed, so an evaluation of the same model is reused rather than simulated again.
  // In slices, so the event loop is free between them.
  const evaluate = async (m: ReturnType<typeof model>): Promise<EvaluationOf> => {
    const key = JSON.stringify(m);
    let ev = cache.get(key);
    if (!ev) cache.set(key, (ev = await evaluateRoutingAsync(m, { ...settings, signal })));
    return ev;
  };
  const before = await evaluate(model(current));
  const afterEval = changes.length === 0 ? before : await evaluate(model(after));
  const names = new Map(queues.map((q) => [q.queueId, q.queueName]));
  const metrics = (m: (typeof before.queues)[number]['measures']) => ({
    agents: m.holders,
    headcount: m.holders,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asa,
    occupancy: m.occupancy,
    abandonRate: m.abandonRate ?? null,
    ci95: m.ci95,
  });
  return before.queues.map((b, i) => ({
    queueId: b.id,
    queueName: names.get(b.id),
    before: metrics(b.measures),
    after: metrics(afterEval.queues[i]!.measures),
  }));
}
