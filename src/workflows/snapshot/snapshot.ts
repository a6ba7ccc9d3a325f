// snapshotRoutingConfig / driftReport: compare two orgs (or one org with a saved snapshot).
import type { GenesysClient } from '../../client/client.js';
import {
  DRIFT_SECTIONS,
  type DriftOptions,
  type DriftReport,
  type DriftSection,
  type RoutingConfigSnapshot,
  diffRoutingConfig,
} from '../../optimizer/planning/index.js';
import { readLanguages, readSkillGroups, readWrapupCodes } from './admin.js';
import { checkDriftOptions, checkSnapshotOptions } from './options.js';

export { SNAPSHOT_KIND, type RoutingSnapshot, type SnapshotOptions } from './types.js';
import { SNAPSHOT_KIND, type RoutingSnapshot, type SnapshotOptions } from './types.js';
export { parseSnapshot } from './parse.js';

/**
 * Reads queues, skills, queue members, user skills, routing languages and users' languages, skill groups and their
 * members, and wrap-up codes into a JSON-serializable snapshot. Needs the view permissions of each part
 * (`routing:queue:view`, `routing:skill:manage`, `routing:skillGroup:view`, `routing:wrapupCode:view`); turn a
 * part off in `options` to leave it out.
 * @example
 * const prod = await snapshotRoutingConfig(prodClient);
 * await writeFile('prod-routing.json', JSON.stringify(prod));
 */
export async function snapshotRoutingConfig(
  client: GenesysClient,
  options: SnapshotOptions = {},
): Promise<RoutingSnapshot> {
  checkSnapshotOptions(options);
  const { signal } = options;
  const max = { max: options.maxItems ?? 50_000 };
  const progress = (done: number, unit: string) =>
    client.emit('progress', { operation: 'snapshotRoutingConfig', unit, done, total: undefined });
  const read = { signal, max, progress };
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
  const withSkills = options.userSkills ?? true;
  const withLanguages = options.languages ?? true;
  const userSkills: RoutingSnapshot['userSkills'] = [];
  const userLanguages: NonNullable<RoutingConfigSnapshot['userLanguages']> = [];
  if (withSkills || withLanguages) {
    const expand = [...(withSkills ? ['skills' as const] : []), ...(withLanguages ? ['languages' as const] : [])];
    for await (const user of client.routing.users.list({ pageSize: 100, expand, signal })) {
      const who = { userId: user.id, userName: user.name };
      // expand is best effort on the platform: a user who comes back without the field is read on its own.
      if (withSkills) {
        const held =
          user.skills ?? (await client.routing.userSkills.list(user.id, { pageSize: 100, signal }).toArray(max));
        for (const s of held) userSkills.push({ ...s, ...who });
      }
      if (withLanguages) {
        const held =
          user.languages ?? (await client.routing.userLanguages.list(user.id, { pageSize: 100, signal }).toArray(max));
        for (const l of held) userLanguages.push({ ...l, ...who });
      }
    }
    if (withSkills) progress(userSkills.length, 'userSkills');
    if (withLanguages) progress(userLanguages.length, 'userLanguages');
  }
  return {
    kind: KIND,
    version: 2,
    takenAt: new Date().toISOString(),
    org: client.org.apiBaseUrl,
    queues: queues as RoutingSnapshot['queues'],
    skills: skills as RoutingSnapshot['skills'],
    members,
    userSkills,
    ...(withLanguages ? { languages: await readLanguages(client, read), userLanguages } : {}),
    ...((options.skillGroups ?? true) ? await readSkillGroups(client, read) : {}),
    ...((options.wrapupCodes ?? true) ? await readWrapupCodes(client, queues, read) : {}),
  };
}

/**
 * Drift between two snapshots (or live clients). Across orgs ids differ, so entities match by name.
 * Volatile fields (selfUri, dates, version, counters, routing status) are ignored. A section one side did not
 * capture (a version 1 snapshot has no languages, skill groups or wrap-up codes) is not compared: it is listed in
 * `report.notCompared` instead of showing as drift.
 */
export async function driftReport(
  a: RoutingSnapshot | GenesysClient,
  b: RoutingSnapshot | GenesysClient,
  options: DriftOptions & SnapshotOptions = {},
): Promise<DriftReport> {
  checkDriftOptions(options);
  const { ignoreFields, ...snapshotOptions } = options;
  const [left, right] = (await Promise.all(
    [a, b].map((x) => ('kind' in x ? x : snapshotRoutingConfig(x, snapshotOptions))),
  )) as [RoutingSnapshot, RoutingSnapshot];
  const captured = (s: RoutingSnapshot, section: DriftSection) => Array.isArray(s[section]);
  const compared = DRIFT_SECTIONS.filter((s) => captured(left, s) && captured(right, s));
  const notCompared = DRIFT_SECTIONS.filter((s) => !compared.includes(s));
  const pick = (s: RoutingSnapshot): RoutingConfigSnapshot =>
    Object.fromEntries(compared.map((section) => [section, s[section]]));
  const report = diffRoutingConfig(pick(left), pick(right), { ignoreFields: ignoreFields ?? [] });
  return notCompared.length > 0 ? { ...report, notCompared } : report;
}

// The literal, not snapshot.ts's constant: importing a value from the shell would split it out of the root chunk.
const KIND: typeof SNAPSHOT_KIND = 'genesys-routing-sdk/routing-snapshot';
