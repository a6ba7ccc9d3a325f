// What the autopilot reads once at start: the queues in scope with the skill their calls request, handle time and
// service-level target (from history and the queues' media settings), and the day's forecast per interval (the
// mean of the same weekday over the history window, or one the caller gives).
import type { GenesysClient } from '../../../client/client.js';
import { ValidationError } from '../../../errors/index.js';
import type { Queue } from '../../../resources/schemas/routing.js';
import { dayGrid, type DayGrid } from '../../optimize/day/grid.js';
import { readHistoryDay } from '../../optimize/day/read.js';
import { collectHistory } from '../../history.js';
import type { QueueModel } from '../decision/decide.js';
import type { ResolvedPolicy } from '../policy.js';

export interface AutopilotSetup {
  grid: DayGrid;
  queues: QueueModel[];
  queueSkills: Record<string, string>;
  queueNames: Record<string, string>;
  /** Queues left out, and why. */
  warnings: string[];
}

const DAY_MS = 86_400_000;
const GRANULARITY = { 15: 'PT15M', 30: 'PT30M', 60: 'PT1H' } as const;

export async function prepareAutopilot(
  client: GenesysClient,
  policy: ResolvedPolicy,
  now: number,
  forecast: Readonly<Record<string, readonly number[]>> | undefined,
  signal: AbortSignal | undefined,
): Promise<AutopilotSetup> {
  const grid = dayGrid(new Date(now), policy.intervalMinutes);
  const all: Queue[] = policy.queueIds
    ? await Promise.all(policy.queueIds.map((id) => client.routing.queues.get(id, { signal })))
    : await client.routing.queues.list({ pageSize: 100, signal }).toArray({ max: 10_000, ifMore: 'throw' });
  const window = { from: new Date(grid.start - policy.historyDays * DAY_MS), to: new Date(grid.start) };
  const history = await collectHistory(client, all, [], {
    interval: window,
    granularity: GRANULARITY[policy.intervalMinutes],
    waits: policy.abandonment,
    signal,
  });
  const warnings: string[] = [];
  const modelled = history.queues.filter((q) => {
    const skillId = policy.queueSkills?.[q.queueId] ?? q.requestedSkills[0]?.skillId;
    if (skillId && q.ahtSeconds !== undefined) return true;
    warnings.push(`${q.queueName}: no handled calls or requested skill in the history window; not watched`);
    return false;
  });
  if (modelled.length === 0)
    throw new ValidationError('startAutopilot', [
      { path: 'policy.queueIds', message: 'no queue has history to forecast from; give queues with traffic' },
    ]);
  const day = forecast
    ? undefined
    : await readHistoryDay(client, {
        intervalSeconds: grid.intervalSeconds,
        day: new Date(grid.start),
        window,
        queueIds: modelled.map((q) => q.queueId),
        userIds: [],
        signal,
      });
  const queues: QueueModel[] = modelled.map((q) => {
    const given = forecast?.[q.queueId];
    const calls = given ? [...given] : (day?.demand.get(q.queueId)?.calls ?? []);
    if (given && given.length !== grid.intervals)
      throw new ValidationError('startAutopilot', [
        {
          path: `forecast.${q.queueId}`,
          message: `must have ${grid.intervals} intervals (a day of ${policy.intervalMinutes} min), got ${given.length}`,
        },
      ]);
    return {
      id: q.queueId,
      skillId: (policy.queueSkills?.[q.queueId] ?? q.requestedSkills[0]?.skillId) as string,
      ahtSeconds: q.ahtSeconds as number,
      ...(policy.abandonment && q.patienceSeconds !== undefined ? { patienceSeconds: q.patienceSeconds } : {}),
      target: { serviceLevel: q.serviceLevelTarget, withinSeconds: q.targetSeconds },
      forecast: Array.from({ length: grid.intervals }, (_, i) => calls[i] ?? 0),
    };
  });
  return {
    grid,
    queues,
    queueSkills: Object.fromEntries(queues.map((q) => [q.id, q.skillId])),
    queueNames: Object.fromEntries(history.queues.map((q) => [q.queueId, q.queueName])),
    warnings,
  };
}
