// snapshotRoutingConfig / driftReport: compare two orgs (or one org with a saved snapshot).
import type { GenesysClient } from '../client.js';
import {
  type DriftOptions,
  type DriftReport,
  type RoutingConfigSnapshot,
  diffRoutingConfig,
} from '../optimizer/index.js';

export const SNAPSHOT_KIND = 'genesys-routing-sdk/routing-snapshot';
export { parseSnapshot } from './snapshot-parse.js';

export interface RoutingSnapshot extends Required<RoutingConfigSnapshot> {
  kind: typeof SNAPSHOT_KIND;
  version: 1;
  takenAt: string;
  org: string;
}

export interface SnapshotOptions {
  /** Only these queues (and their members). Default: all. */
  queueIds?: string[];
  /** Include queue members (one listing per queue). Default true. */
  members?: boolean;
  /** Include users' skills (users listed with expand=skills). Default true. */
  userSkills?: boolean;
  signal?: AbortSignal;
  /** Upper bound on any one listing (no silent truncation: more throws). Default 50,000. */
  maxItems?: number;
}

/**
 * Reads queues, skills, queue members and user skills into a JSON-serializable snapshot.
 * @example
 * const prod = await snapshotRoutingConfig(prodClient);
 * await writeFile('prod-routing.json', JSON.stringify(prod));
 */
export async function snapshotRoutingConfig(
  client: GenesysClient,
  options: SnapshotOptions = {},
): Promise<RoutingSnapshot> {
  const { signal } = options;
  const max = { max: options.maxItems ?? 50_000 };
  const progress = (done: number, unit: string) =>
    client.emit('progress', { operation: 'snapshotRoutingConfig', unit, done, total: undefined });
  const queues = await client.routing.queues.list({ pageSize: 100, ids: options.queueIds, signal }).toArray(max);
  progress(queues.length, 'queues');
  const skills = await client.routing.skills.list({ pageSize: 100, signal }).toArray(max);
  progress(skills.length, 'skills');
  const members: RoutingSnapshot['members'] = [];
  if (options.members ?? true) {
    for (const queue of queues) {
      for await (const m of client.routing.members.list(queue.id, { pageSize: 100, signal })) {
        members.push({ ...m, queueId: queue.id, queueName: queue.name });
      }
    }
    progress(members.length, 'members');
  }
  const userSkills: RoutingSnapshot['userSkills'] = [];
  if (options.userSkills ?? true) {
    for await (const user of client.routing.users.list({ pageSize: 100, expand: ['skills'], signal })) {
      for (const s of user.skills ?? []) userSkills.push({ ...s, userId: user.id, userName: user.name });
    }
    progress(userSkills.length, 'userSkills');
  }
  return {
    kind: KIND,
    version: 1,
    takenAt: new Date().toISOString(),
    org: client.org.apiBaseUrl,
    queues: queues as RoutingSnapshot['queues'],
    skills: skills as RoutingSnapshot['skills'],
    members,
    userSkills,
  };
}

/**
 * Drift between two snapshots (or live clients). Across orgs ids differ, so entities match by name.
 * Volatile fields (selfUri, dates, version, counters, routing status) are ignored.
 */
export async function driftReport(
  a: RoutingSnapshot | GenesysClient,
  b: RoutingSnapshot | GenesysClient,
  options: DriftOptions & SnapshotOptions = {},
): Promise<DriftReport> {
  const { ignoreFields, ...snapshotOptions } = options;
  const [left, right] = await Promise.all(
    [a, b].map((x) => ('kind' in x ? x : snapshotRoutingConfig(x, snapshotOptions))),
  );
  const strip = ({ queues, skills, members, userSkills }: RoutingSnapshot): RoutingConfigSnapshot => ({
    queues,
    skills,
    members,
    userSkills,
  });
  return diffRoutingConfig(strip(left!), strip(right!), { ignoreFields: ignoreFields ?? [] });
}

// The literal, not snapshot.ts's constant: importing a value from the shell would split it out of the root chunk.
const KIND: typeof SNAPSHOT_KIND = 'genesys-routing-sdk/routing-snapshot';
