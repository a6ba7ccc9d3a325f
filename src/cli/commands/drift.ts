// genesys-routing drift: compare the live org (GENESYS_* variables) or snapshot files; exit 1 on drift.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressLine } from '../output.js';
import { isValidationError } from '../../errors/index.js';
import type { GenesysClient } from '../../client/client.js';
import { formatDriftReport } from '../../optimizer/planning/index.js';
import { driftReport, parseSnapshot, snapshotRoutingConfig } from '../../workflows/snapshot/snapshot.js';

export const driftHelp = `genesys-routing drift A B [--format text|markdown|json] [--ignore field,field]
genesys-routing drift --snapshot OUT.json

  A and B are snapshot files or the word "live" (the org of the GENESYS_* variables).
  --snapshot  save a snapshot of the live org (queues, skills, members, user skills, languages and users'
              languages, skill groups and their members, wrap-up codes of the org and each queue) and exit
  --format    text (default), markdown (for a PR comment) or json
  --ignore    more fields to ignore, at any depth
  Exit code 0 when identical, 1 when they differ, 2 on bad usage or a missing/unreadable/malformed file.

  Examples:
    genesys-routing drift --snapshot prod-routing.json
    genesys-routing drift prod-routing.json live --format markdown
    genesys-routing drift dev.json prod.json --ignore description`;

export async function drift(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' },
    ignore: { type: 'string' },
    snapshot: { type: 'string' },
  });
  if (values.help) {
    console.log(driftHelp);
    return 0;
  }
  if (values.snapshot) {
    const client = clientFromEnv();
    const done = progressLine(client, `reading the routing config of ${client.org.apiBaseUrl}`);
    // A failed read throws before anything is written; the file appears whole or not at all (temp file + rename).
    const snap = await snapshotRoutingConfig(client).finally(done);
    const temp = `${values.snapshot}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(snap, null, 2));
    await rename(temp, values.snapshot);
    const counts = [
      `${snap.queues.length} queues`,
      `${snap.members.length} members`,
      `${snap.userSkills.length} user skills`,
      `${snap.languages?.length ?? 0} languages`,
      `${snap.userLanguages?.length ?? 0} user languages`,
      `${snap.skillGroups?.length ?? 0} skill groups`,
      `${snap.skillGroupMembers?.length ?? 0} skill group members`,
      `${snap.wrapupCodes?.length ?? 0} wrap-up codes`,
      `${snap.queueWrapupCodes?.length ?? 0} queue wrap-up codes`,
    ];
    console.log(`snapshot of ${snap.org} written to ${values.snapshot} (${counts.join(', ')})`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('give two sides: snapshot files or "live"');
  const format = values.format ?? 'text';
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError('--format must be text, markdown or json');
  // Files are read and checked before any network call: a typo in a path is a usage error (exit 2), not drift.
  const load = async (side: string) => {
    if (side === 'live') return clientFromEnv();
    let text: string;
    try {
      text = await readFile(side, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read ${side}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
    try {
      return parseSnapshot(text);
    } catch (error) {
      if (isValidationError(error)) throw new UsageError(`${side} is not a routing snapshot: ${error.message}`);
      throw error;
    }
  };
  const [a, b] = [await load(positionals[0]!), await load(positionals[1]!)];
  const live = [a, b].find((x): x is GenesysClient => 'org' in x && 'routing' in x);
  const done = live ? progressLine(live, `reading the routing config of ${live.org.apiBaseUrl}`) : () => undefined;
  const report = await driftReport(a, b, {
    ignoreFields: values.ignore ? values.ignore.split(',').map((s) => s.trim()) : [],
  }).finally(done);
  console.log(formatDriftReport(report, format as 'text' | 'markdown' | 'json'));
  return report.identical ? 0 : 1;
}
