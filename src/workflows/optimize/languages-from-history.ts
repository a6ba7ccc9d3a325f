// Where planRoutingOptimization's language requirements come from: `queueLanguages` as given, or else the
// conversations themselves. A flow sets the routing language a conversation requests; analytics report it as the
// `requestedLanguageId` dimension. A queue whose offered conversations request one language in at least
// `languageShare` of them requires that language, like its skill (languages-as-skills.ts).
import type { GenesysClient } from '../../client/client.js';
import { ValidationError } from '../../errors/index.js';
import { aggregateStats, anyOfFilter } from '../../resources/analytics/index.js';
import { readLanguageRequirements, type LanguageRequirements, type QueueLanguages } from './languages-as-skills.js';

/** Default `languageShare`: a language most of a queue's conversations request. */
export const DEFAULT_LANGUAGE_SHARE = 0.5;

/** The requirements in force, and where they came from (recorded in the plan's `inputs.queueLanguages`). */
export interface PlannedLanguageRequirements {
  requirements: LanguageRequirements;
  inputs: { source: 'options' | 'history'; languageShare?: number; byQueue: QueueLanguages };
}

interface Scope {
  queueIds: readonly string[];
  userIds: readonly string[];
  window: { from: Date; to: Date };
  signal: AbortSignal | undefined;
}

/**
 * The queues' language requirements: `queueLanguages` when given (`{}` for none), else read from the window's
 * conversations; undefined when no queue requires a language.
 */
export async function languageRequirements(
  client: GenesysClient,
  options: { queueLanguages?: QueueLanguages; languageShare?: number },
  scope: Scope,
): Promise<PlannedLanguageRequirements | undefined> {
  if (options.queueLanguages) {
    const requirements = await readLanguageRequirements(client, options.queueLanguages, scope.userIds, scope.signal);
    return { requirements, inputs: { source: 'options', byQueue: options.queueLanguages } };
  }
  const share = options.languageShare ?? DEFAULT_LANGUAGE_SHARE;
  if (!(typeof share === 'number' && share > 0 && share <= 1))
    throw new ValidationError('planRoutingOptimization', [
      { path: 'languageShare', message: `must be a share in (0, 1], got ${String(share)}` },
    ]);
  const byQueue = await languagesFromHistory(client, scope, share);
  if (Object.keys(byQueue).length === 0) return undefined;
  const requirements = await readLanguageRequirements(client, byQueue, scope.userIds, scope.signal);
  return { requirements, inputs: { source: 'history', languageShare: share, byQueue } };
}

/**
 * Queue id -> the language its offered conversations request in at least `share` of them (conversation aggregates
 * by queue and `requestedLanguageId`, `nOffered`, over the window).
 */
export async function languagesFromHistory(
  client: GenesysClient,
  scope: Pick<Scope, 'queueIds' | 'window' | 'signal'>,
  share: number,
): Promise<QueueLanguages> {
  if (scope.queueIds.length === 0) return {};
  const response = await client.analytics.aggregates.query(
    {
      interval: scope.window,
      groupBy: ['queueId', 'requestedLanguageId'],
      metrics: ['nOffered'],
      filter: anyOfFilter('queueId', [...scope.queueIds]),
    },
    { signal: scope.signal },
  );
  const offered = new Map<string, { total: number; byLanguage: Map<string, number> }>();
  for (const row of aggregateStats(response)) {
    const queueId = row.group['queueId'];
    if (!queueId || row.metric !== 'nOffered') continue;
    const n = row.count ?? row.sum ?? 0;
    const q = offered.get(queueId) ?? { total: 0, byLanguage: new Map<string, number>() };
    offered.set(queueId, q);
    q.total += n;
    const languageId = row.group['requestedLanguageId'];
    if (languageId) q.byLanguage.set(languageId, (q.byLanguage.get(languageId) ?? 0) + n);
  }
  const byQueue: QueueLanguages = {};
  for (const [queueId, q] of [...offered].sort(([a], [b]) => a.localeCompare(b))) {
    const [languageId, n] = [...q.byLanguage].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    if (languageId !== undefined && n !== undefined && q.total > 0 && n / q.total >= share)
      byQueue[queueId] = languageId;
  }
  return byQueue;
}
