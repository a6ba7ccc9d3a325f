// genesys-routing drift: compare the live org (GENESYS_* variables) or snapshot files; exit 1 on drift.
import { readFile, writeFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';

export const driftHelp = `genesys-routing drift A B [--format text|markdown|json] [--ignore field,field]
genesys-routing drift --snapshot OUT.json

  A and B are snapshot files or the word "live" (the org of the GENESYS_* variables).
  --snapshot  save a snapshot of the live org and exit
  Exit code 0 when identical, 1 when they differ, 2 on bad usage.`;

export async function drift(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, ignore: { type: 'string' }, snapshot: { type: 'string' } });
  if (values.help) {
    console.log(driftHelp);
    return 0;
  }
  const { snapshotRoutingConfig, parseSnapshot, driftReport } = await import('../../workflows/snapshot.js');
  if (values.snapshot) {
    const snap = await snapshotRoutingConfig(clientFromEnv());
    await writeFile(values.snapshot, JSON.stringify(snap, null, 2));
    console.log(`snapshot of ${snap.org} written to ${values.snapshot} (${snap.queues.length} queues, ${snap.members.length} members, ${snap.userSkills.length} user skills)`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('give two sides: snapshot files or "live"');
  const format = values.format ?? 'text';
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError('--format must be text, markdown or json');
  const load = async (side: string) => (side === 'live' ? clientFromEnv() : parseSnapshot(await readFile(side, 'utf8')));
  const [a, b] = [await load(positionals[0]!), await load(positionals[1]!)];
  const report = await driftReport(a, b, { ignoreFields: values.ignore ? values.ignore.split(',').map((s) => s.trim()) : [] });
  const { formatDriftReport } = await import('../../optimizer/index.js');
  console.log(formatDriftReport(report, format as 'text' | 'markdown' | 'json'));
  return report.identical ? 0 : 1;
}
