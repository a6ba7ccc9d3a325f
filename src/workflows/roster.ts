// The roster a plan is computed over: queues, their members, the members' users with current skills.
import type { GenesysClient } from '../client/client.js';
import type { Queue, User } from '../resources/schemas/routing.js';

export interface Roster {
  queues: Queue[];
  members: { queueId: string; userId: string }[];
  userIds: string[];
  users: Map<string, User>;
  /** userId -> skillId -> proficiency, for every member. */
  current: Record<string, Record<string, number>>;
  skillNames: Map<string, string>;
}

/** Reads queues (all, or `queueIds`), their members, and those users with their skills. */
export async function readRoster(
  client: GenesysClient,
  queueIds: string[] | undefined,
  signal?: AbortSignal,
): Promise<Roster> {
  const queues: Queue[] = queueIds
    ? await Promise.all(queueIds.map((id) => client.routing.queues.get(id, { signal })))
    : await client.routing.queues.list({ pageSize: 100, signal }).toArray({ max: 10_000, ifMore: 'throw' });
  const members: Roster['members'] = [];
  for (const q of queues)
    for await (const m of client.routing.members.list(q.id, { signal })) members.push({ queueId: q.id, userId: m.id });
  const userIds = [...new Set(members.map((m) => m.userId))];
  const users = new Map<string, User>();
  for (let i = 0; i < userIds.length; i += 100) {
    const ids = userIds.slice(i, i + 100);
    for await (const u of client.routing.users.list({ ids, expand: ['skills'], state: 'any', pageSize: 100, signal }))
      users.set(u.id, u);
  }
  const skillNames = new Map<string, string>();
  for await (const s of client.routing.skills.list({ pageSize: 100, signal })) skillNames.set(s.id, s.name);
  const current: Record<string, Record<string, number>> = {};
  for (const id of userIds)
    current[id] = Object.fromEntries((users.get(id)?.skills ?? []).map((s) => [s.id, s.proficiency ?? 0]));
  return { queues, members, userIds, users, current, skillNames };
}

/**
 * The history window: `interval`, or the last `days` (default 7) ending at the last whole hour. Ending on the hour
 * keeps the analytics buckets on the clock's half hours and leaves the unfinished hour out, so a plan made at 16:05
 * and one made at 16:55 read the same history.
 */
export function historyWindow(options: { interval?: { from: Date; to: Date }; days?: number }): {
  from: Date;
  to: Date;
} {
  if (options.interval) return { from: options.interval.from, to: options.interval.to };
  const to = lastWholeHour(new Date());
  return { from: new Date(to.getTime() - (options.days ?? 7) * 86_400_000), to };
}

/** The start of the hour `at` is in. */
export function lastWholeHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
