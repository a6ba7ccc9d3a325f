// Routing languages as requirements in planRoutingOptimization: where a queue's conversations require a language,
// an agent serves the queue only while holding that language (at a minimum proficiency), like the queue's skill.
// The model drops agents without it from the queue; an agent the plan gives the queue and who lacks the language
// gets a language change (`plan.languageChanges`, applied by applyPlan). A language is never removed by the plan
// (another queue may need it).
import type { GenesysClient } from '../../client/client.js';
import { ValidationError, type ValidationIssue } from '../../errors/index.js';
import type { PlannedLanguageChange } from '../plan-languages.js';

/**
 * Queue id -> the routing language its conversations require: a language id, or `{ languageId, minProficiency }`
 * (default minimum 1; an agent holding it lower does not serve the queue, and is raised to the minimum).
 */
export type QueueLanguages = Record<string, string | { languageId: string; minProficiency?: number }>;

/** What the planner knows about languages: each queue's requirement, and what every agent holds now. */
export interface LanguageRequirements {
  byQueue: Map<string, { languageId: string; languageName: string | undefined; min: number }>;
  /** userId -> languageId -> proficiency held. */
  held: Map<string, Map<string, number>>;
}

const CONTEXT = 'planRoutingOptimization';

/** The requirements checked (a ValidationError names `queueLanguages.<queueId>`), and the agents' languages read. */
export async function readLanguageRequirements(
  client: GenesysClient,
  queueLanguages: QueueLanguages,
  userIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<LanguageRequirements> {
  const issues: ValidationIssue[] = [];
  const byQueue: LanguageRequirements['byQueue'] = new Map();
  for (const [queueId, value] of Object.entries(queueLanguages)) {
    const languageId = typeof value === 'string' ? value : value?.languageId;
    const min = typeof value === 'string' ? 1 : (value?.minProficiency ?? 1);
    if (typeof languageId !== 'string' || languageId === '')
      issues.push({
        path: `queueLanguages.${queueId}`,
        message: 'must be a language id or { languageId, minProficiency }',
      });
    else if (!(typeof min === 'number' && min >= 0 && min <= 5))
      issues.push({ path: `queueLanguages.${queueId}.minProficiency`, message: 'must be a proficiency from 0 to 5' });
    else byQueue.set(queueId, { languageId, languageName: undefined, min });
  }
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
  const names = new Map<string, string>();
  for await (const l of client.routing.languages.list({ pageSize: 100, signal })) names.set(l.id, l.name);
  for (const [queueId, r] of byQueue) {
    r.languageName = names.get(r.languageId);
    if (r.languageName === undefined)
      issues.push({ path: `queueLanguages.${queueId}`, message: `no routing language with id ${r.languageId}` });
  }
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
  const wanted = new Set(userIds);
  const held: LanguageRequirements['held'] = new Map();
  for await (const user of client.routing.users.list({ pageSize: 100, expand: ['languages'], signal })) {
    if (!wanted.has(user.id)) continue;
    // expand is best effort on the platform: a user returned without it is read on its own.
    const languages =
      user.languages ?? (await client.routing.userLanguages.list(user.id, { pageSize: 100, signal }).toArray());
    held.set(user.id, new Map(languages.map((l) => [l.id, l.proficiency ?? 0])));
  }
  return { byQueue, held };
}

const holds = (req: LanguageRequirements, userId: string, queueId: string): boolean => {
  const r = req.byQueue.get(queueId);
  return r === undefined || (req.held.get(userId)?.get(r.languageId) ?? -1) >= r.min;
};

/** The optimizer model with every agent who lacks a queue's language no longer serving that queue. */
export function requireLanguages<
  M extends { agents: ReadonlyArray<{ id: string; skills: Readonly<Record<string, number>> }> },
>(model: M, req: LanguageRequirements): M {
  return {
    ...model,
    agents: model.agents.map((a) => {
      const skills = Object.fromEntries(Object.entries(a.skills).filter(([queueId]) => holds(req, a.id, queueId)));
      return { ...a, skills };
    }),
  };
}

/**
 * The language changes a plan needs: for each queue the plan gives an agent (`add`) whose language the agent lacks
 * (or holds below the minimum), one add or update to the minimum. One change per agent and language.
 */
export function plannedLanguageChanges(
  changes: ReadonlyArray<{ agentId: string; queueId: string; action: string }>,
  req: LanguageRequirements,
  names: { user(id: string): string | undefined; queue(id: string): string | undefined },
): PlannedLanguageChange[] {
  const out = new Map<string, PlannedLanguageChange>();
  for (const c of changes) {
    const r = req.byQueue.get(c.queueId);
    if (c.action !== 'add' || r === undefined || holds(req, c.agentId, c.queueId)) continue;
    const reason = `${names.queue(c.queueId) ?? c.queueId} requires ${r.languageName ?? r.languageId} (at least ${r.min})`;
    const key = `${c.agentId}\u0000${r.languageId}`;
    const planned = out.get(key);
    if (planned) {
      planned.after = Math.max(planned.after ?? 0, r.min);
      planned.reasons.push(reason);
      continue;
    }
    const before = req.held.get(c.agentId)?.get(r.languageId) ?? null;
    out.set(key, {
      userId: c.agentId,
      userName: names.user(c.agentId),
      languageId: r.languageId,
      languageName: r.languageName,
      action: before === null ? 'add' : 'update',
      before,
      after: r.min,
      reasons: [reason],
    });
  }
  return [...out.values()];
}
