// The contract of a routing snapshot: its shape and the options that choose its parts. The readers (admin.ts),
// the parser (parse.ts) and snapshotRoutingConfig all use it, so none imports another for its types.
import type { RoutingConfigSnapshot } from '../../optimizer/planning/index.js';

/** The `kind` every routing snapshot carries (`snapshotRoutingConfig` writes it, `parseSnapshot` checks it). */
export const SNAPSHOT_KIND = 'genesys-routing-sdk/routing-snapshot';

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
