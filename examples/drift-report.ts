// Routing config drift for CI: save a snapshot of the org (the baseline you keep in git), compare the live org
// with it after someone edited routing outside the pipeline, print the drift as markdown for a pull-request
// comment, and validate a routing rules file the way a CI step does (exit codes).
//
//   npx tsx examples/drift-report.ts                     # on the built-in emulator (no Genesys org needed)
//
// Against your org (reads only; the example makes its "outside" edits on the emulator only):
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 npx tsx examples/drift-report.ts
//   BASELINE=prod-routing.json ... npx tsx examples/drift-report.ts   # compare with a snapshot saved earlier
//
// Guide: docs/guides/drift-and-ci.md. CLI equivalents: `genesys-routing drift --snapshot prod-routing.json`,
// `genesys-routing drift prod-routing.json live --format markdown` (exit 1 on drift),
// `genesys-routing validate routing-rules.json` (exit 1 when invalid).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driftReport, parseSnapshot, snapshotRoutingConfig } from '../src/workflows/index.js';
import { formatDriftReport, validateRoutingRules } from '../src/optimizer/planning/index.js';
import { connect, run, type Connection } from './_connect.js';

run(async () => {
  const conn = await connect({ readOnly: true });
  const { client } = conn;
  console.log(`Running on ${conn.target}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'drift-report-'));
  try {
    // 1. The baseline: a JSON snapshot of queues, skills, queue members and user skills.
    let baselineFile = process.env.BASELINE;
    if (!baselineFile) {
      baselineFile = join(dir, 'prod-routing.json');
      const snapshot = await snapshotRoutingConfig(client);
      await writeFile(baselineFile, JSON.stringify(snapshot, null, 2));
      console.log(`Snapshot saved: ${baselineFile}`);
      console.log(
        `  ${snapshot.queues.length} queues, ${snapshot.skills.length} skills, ${snapshot.members.length} queue members, ${snapshot.userSkills.length} user skills`,
      );
    }

    // 2. Someone edits routing by hand (only on the emulator: this example never edits your org).
    if (conn.emulator) await editOutsideThePipeline(conn);

    // 3. Drift: the saved snapshot against the live org. Ids are compared first, then names (so two orgs,
    //    e.g. dev and prod, can be compared too); versions, dates, counters and routing status are ignored.
    const baseline = parseSnapshot(await readFile(baselineFile, 'utf8'));
    const report = await driftReport(baseline, client);
    console.log(
      `\nDrift: ${report.summary.added} added, ${report.summary.removed} removed, ${report.summary.changed} changed field(s)`,
    );
    console.log('\n----- markdown (post it as a PR comment) -----');
    console.log(formatDriftReport(report, 'markdown'));
    console.log('----- end of markdown -----');
    console.log(
      `\n\`genesys-routing drift ${baselineFile} live\` would exit ${report.identical ? 0 : 1} (0 = identical, 1 = drift, 2 = bad usage).`,
    );

    // 4. Routing rules as code: the file a CI step validates before anything is deployed.
    const rules = {
      skills: ['Billing', 'Sales', 'French'],
      queues: [
        {
          name: 'Billing Support',
          priority: 50,
          capacity: 1,
          requiredSkills: ['Billing'],
          overflowQueue: 'Billing Overflow',
          overflowAfterSeconds: 120,
        },
        { name: 'Billing Overflow', priority: 40, capacity: 1, requiredSkills: ['Billing'] },
        { name: 'Sales Inbound', priority: 60, capacity: 2, requiredSkills: ['Sales'] },
      ],
    };
    const broken = {
      ...rules,
      queues: [
        ...rules.queues.slice(0, 1),
        {
          name: 'Billing Overflow',
          priority: 120,
          capacity: 0,
          requiredSkills: ['Billing', 'German'],
          overflowQueue: 'Billing Support',
        },
        ...rules.queues.slice(2),
      ],
    };
    for (const [name, content] of [
      ['routing-rules.json', rules],
      ['routing-rules.broken.json', broken],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(content, null, 2));
      const result = validateRoutingRules(JSON.parse(await readFile(file, 'utf8')));
      console.log(
        `\nvalidate ${name}: ${result.valid ? 'valid' : `${result.errors.length} error(s)`} -> exit ${result.valid ? 0 : 1}`,
      );
      for (const e of result.errors) console.log(`  ${e.path}: ${e.code}: ${e.message}`);
    }
  } finally {
    await conn.close();
  }
});

/** Three hand edits through the API, as an admin would make them in the UI. */
async function editOutsideThePipeline({ client }: Connection): Promise<void> {
  const queue = (await client.routing.queues.list({ pageSize: 1 }).first())!;
  await client.routing.queues.update(queue.id, (q) => {
    q.acwSettings = { ...q.acwSettings, wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 90_000 };
  });
  const member = (await client.routing.members.list(queue.id, { pageSize: 5 }).first())!;
  await client.routing.members.setRingNumber(queue.id, member.id, member.ringNumber === 3 ? 4 : 3);
  const skill = (await client.routing.userSkills.list(member.id).first())!;
  await client.routing.userSkills.patchBulk(member.id, [
    { id: skill.id, proficiency: skill.proficiency === 5 ? 4 : 5 },
  ]);
  console.log(
    `\nHand edits: ${queue.name} after-call work timeout, ${member.name}'s ring number, ${member.name}'s ${skill.name} proficiency`,
  );
}
