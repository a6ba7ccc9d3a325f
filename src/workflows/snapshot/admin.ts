// The routing-admin parts of a snapshot: routing languages, skill groups (conditions and members) and wrap-up codes
// (the org's and each queue's). Users' languages come with their skills from one users listing (snapshot.ts).
import type { GenesysClient } from '../../client/client.js';
import type { RoutingSnapshot } from './types.js';

type Section<K extends keyof RoutingSnapshot> = NonNullable<RoutingSnapshot[K]>;

interface ReadOptions {
  signal: AbortSignal | undefined;
  max: { max: number };
  progress: (done: number, unit: string) => void;
}

/** The org's routing languages. */
export async function readLanguages(client: GenesysClient, o: ReadOptions): Promise<Section<'languages'>> {
  const languages = await client.routing.languages.list({ pageSize: 100, signal: o.signal }).toArray(o.max);
  o.progress(languages.length, 'languages');
  return languages as unknown as Section<'languages'>;
}

/** Skill groups with their skill conditions, and each group's members (one listing per group). */
export async function readSkillGroups(
  client: GenesysClient,
  o: ReadOptions,
): Promise<{ skillGroups: Section<'skillGroups'>; skillGroupMembers: Section<'skillGroupMembers'> }> {
  const groups = await client.routing.skillGroups.list({ pageSize: 100, signal: o.signal }).toArray(o.max);
  o.progress(groups.length, 'skillGroups');
  const skillGroupMembers: Section<'skillGroupMembers'> = [];
  for (const group of groups) {
    const members = await client.routing.skillGroups
      .members(group.id, { pageSize: 100, signal: o.signal })
      .toArray(o.max);
    for (const m of members) skillGroupMembers.push({ ...m, skillGroupId: group.id, skillGroupName: group.name });
  }
  o.progress(skillGroupMembers.length, 'skillGroupMembers');
  return { skillGroups: groups as unknown as Section<'skillGroups'>, skillGroupMembers };
}

/** The org's wrap-up codes, and the codes each of `queues` offers (one listing per queue). */
export async function readWrapupCodes(
  client: GenesysClient,
  queues: ReadonlyArray<{ id: string; name: string }>,
  o: ReadOptions,
): Promise<{ wrapupCodes: Section<'wrapupCodes'>; queueWrapupCodes: Section<'queueWrapupCodes'> }> {
  const codes = await client.routing.wrapupCodes.list({ pageSize: 100, signal: o.signal }).toArray(o.max);
  o.progress(codes.length, 'wrapupCodes');
  const queueWrapupCodes: Section<'queueWrapupCodes'> = [];
  for (const queue of queues) {
    const offered = await client.routing.queueWrapupCodes
      .list(queue.id, { pageSize: 100, signal: o.signal })
      .toArray(o.max);
    for (const c of offered) queueWrapupCodes.push({ ...c, queueId: queue.id, queueName: queue.name });
  }
  o.progress(queueWrapupCodes.length, 'queueWrapupCodes');
  return { wrapupCodes: codes as unknown as Section<'wrapupCodes'>, queueWrapupCodes };
}
