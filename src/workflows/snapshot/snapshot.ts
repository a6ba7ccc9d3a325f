// snapshotRoutingConfig / driftReport: compare two orgs (or one org with a saved snapshot).
import type { GenesysClient } from '../../client.js';
import {
  DRIFT_SECTIONS,
  type DriftOptions,
  type DriftReport,
  type DriftSection,
  type RoutingConfigSnapshot,
  diffRoutingConfig,
} from '../../optimizer/index.js';
import { readLanguages, readSkillGroups, readWrapupCodes } from './admin.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';

/** The `kind` every routing snapshot carries (`snapshotRoutingConfig` writes it, `parseSnapshot` checks it). */
export const SNAPSHOT_KIND = 'genesys-routing-sdk/routing-snapshot';
export { parseSnapshot } from './parse.js';

/**
 * A saved routing configuration. Version 2 adds routing languages, users' languages, skill groups (with their
 * conditions and members) and wrap-up codes (the org's and each queue's); each is absent when it was not captured
 * (a version 1 snapshot, or the part turned off in {@link SnapshotOptions}), and drift then leaves it out.
 */
export interface RoutingSnapshot {
  /** Marks the file as a snapshot of this SDK (`SNAPSHOT_KIND`). */
  kind: typeof SNAPSHOT_KIND;
  /** 2 for snapshots this SDK writes; 1 (queues, skills, members, user skills only) is still read. */
  version: 1 | 2;
  /** When the snapshot was taken (ISO 8601). */
  takenAt: string;
  /** API base URL of the org it was taken from. */
  org: string;
  /** The queues, as the platform returns them. */
  queues: NonNullable<RoutingConfigSnapshot['queues']>;
  /** The org's routing skills. */
  skills: NonNullable<RoutingConfigSnapshot['skills']>;
  /** Queue members, each with `queueId` and `queueName`. */
  members: NonNullable<RoutingConfigSnapshot['members']>;
  /** Users' routing skills (`id`/`name` of the skill, `proficiency`), each with `userId` and `userName`. */
  userSkills: NonNullable<RoutingConfigSnapshot['userSkills']>;
  /** The org's routing languages. */
  languages?: NonNullable<RoutingConfigSnapshot['languages']>;
  /** Users' routing languages (`id`/`name` of the language, `proficiency` 0–5), each with `userId` and `userName`. */
  userLanguages?: NonNullable<RoutingConfigSnapshot['userLanguages']>;
  /** Skill groups with their `skillConditions`. */
  skillGroups?: NonNullable<RoutingConfigSnapshot['skillGroups']>;
  /** Skill group members (users meeting the conditions), each with `skillGroupId` and `skillGroupName`. */
  skillGroupMembers?: NonNullable<RoutingConfigSnapshot['skillGroupMembers']>;
  /** The org's wrap-up codes. */
  wrapupCodes?: NonNullable<RoutingConfigSnapshot['wrapupCodes']>;
  /** The wrap-up codes each queue offers, each with `queueId` and `queueName`. */
  queueWrapupCodes?: NonNullable<RoutingConfigSnapshot['queueWrapupCodes']>;
}

/** Options of `snapshotRoutingConfig`: which queues, and which parts of the routing configuration to read. */
export interface SnapshotOptions {
  /** Only these queues (and their members and wrap-up codes). Default: all. */
  queueIds?: string[];
  /** Include queue members (one listing per queue). Default true. */
  members?: boolean;
  /** Include users' skills (users listed with expand=skills). Default true. */
  userSkills?: boolean;
  /** Include routing languages and users' languages (users listed with expand=languages). Default true. */
  languages?: boolean;
  /** Include skill groups and their members (one members listing per group). Default true. */
  skillGroups?: boolean;
  /** Include wrap-up codes, the org's and each queue's (one listing per queue). Default true. */
  wrapupCodes?: boolean;
  /** Stops the reads: the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Upper bound on any one listing (no silent truncation: more throws). Default 50,000. */
  maxItems?: number;
}

const snapshotShape = {
  queueIds: z.optional(z.array(z.string())),
  members: z.optional(z.boolean()),
  userSkills: z.optional(z.boolean()),
  languages: z.optional(z.boolean()),
  skillGroups: z.optional(z.boolean()),
  wrapupCodes: z.optional(z.boolean()),
  signal: optionalSignal(),
  maxItems: z.optional(z.number().check(z.int(), z.positive())),
} as const;
const SnapshotOptionsSchema = /* @__PURE__ */ (() => strictOptions<SnapshotOptions>(snapshotShape))();
const DriftReportOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<DriftOptions & SnapshotOptions>({ ...snapshotShape, ignoreFields: true }))();

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
  parseOptions('snapshotRoutingConfig', SnapshotOptionsSchema, options);
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
  parseOptions('driftReport', DriftReportOptionsSchema, options);
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
