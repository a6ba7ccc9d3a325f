// snapshotRoutingConfig / driftReport: compare two orgs (or one org with a saved snapshot). The reading and
// diffing are in snapshot-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { DriftOptions, DriftReport, RoutingConfigSnapshot } from '../optimizer/index.js';

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
export async function snapshotRoutingConfig(client: GenesysClient, options: SnapshotOptions = {}): Promise<RoutingSnapshot> {
  const run = await import('./run.js');
  return run.snapshotRoutingConfig(client, options);
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
  const run = await import('./run.js');
  return run.driftReport(a, b, options);
}
