// Give four agents of one queue half of its work (20 / 15 / 10 / 5 %) through bullseye ring numbers (the platform
// has no per-member weight field), behind a saturation gate, with one audit record per change; then show how
// close the ring order comes to the requested shares (balance accuracy) and that a second run writes nothing.
//
//   npx tsx examples/distribute-weights.ts               # on the built-in emulator (no Genesys org needed)
//
// Against your org (live reads, saturation gate and a dry run; nothing is written):
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 QUEUE_ID=... npx tsx examples/distribute-weights.ts
// Add `--apply` to write the ring numbers. WEIGHTS=userId:0.4,userId:0.3,... chooses the members and weights
// (default: the first four on-queue members, 0.2 / 0.15 / 0.1 / 0.05).
//
// Guide: docs/guides/distribute-weights.md.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  JsonlAuditTrail,
  distributeWeights,
  readAuditTrail,
  type DistributeWeightsResult,
} from '../src/workflows/index.js';
import { connect, pct, run, table } from './_connect.js';

run(async () => {
  // Mid-morning on the emulator's clock: its agents work shifts and its calls follow the time of day.
  const conn = await connect({ emulator: { analytics: { trafficScale: 4 }, anchor: '2025-03-04T11:00:00Z' } });
  const { client, emulator } = conn;
  // Emulator only: pin its clock to a weekday afternoon so the queue has live traffic whatever the time now.
  if (emulator) emulator.state.now = () => new Date('2026-11-18T13:00:00Z');
  console.log(`Running on ${conn.target}\n`);
  try {
    const queueId = process.env.QUEUE_ID ?? (await client.routing.queues.list({ pageSize: 1 }).first())?.id;
    if (!queueId) throw new Error('the org has no queue');
    const queue = await client.routing.queues.get(queueId);
    const members = await client.routing.members
      .list(queueId, { joined: true, expand: ['routingStatus'] })
      .toArray({ max: 10_000, ifMore: 'throw' });
    const memberWeights = process.env.WEIGHTS
      ? process.env.WEIGHTS.split(',').map((pair) => ({
          memberId: pair.split(':')[0]!,
          weight: Number(pair.split(':')[1]),
        }))
      : members
          .filter((m) => m.routingStatus?.status !== 'OFF_QUEUE')
          .slice(0, 4)
          .map((m, i) => ({ memberId: m.id, weight: [0.2, 0.15, 0.1, 0.05][i]! }));
    if (memberWeights.length === 0)
      return console.log(`Queue ${queue.name} has no joined member on queue right now: nothing to distribute.`);
    const names = new Map(members.map((m) => [m.id, m.name ?? m.id]));
    console.log(
      `Queue "${queue.name}": ${members.length} joined members; weights for ${memberWeights.map((w) => `${names.get(w.memberId) ?? w.memberId} ${w.weight}`).join(', ')}`,
    );

    // 1. Dry run: validate, read the live queue, run the saturation gate, map weights to rings; write nothing.
    const dry = await distributeWeights(client, { queueId, memberWeights, lever: 'rings', dryRun: true });
    report('Dry run', dry);
    if (dry.status === 'blocked') return console.log(`\nBlocked by the saturation gate: ${dry.reason}`);
    if (!conn.writesAllowed) return console.log('\nRead-only run: pass --apply to write the ring numbers.');

    // 2. Apply: desired-state writes (only rings that differ), read back, one audit record per change.
    const dir = await mkdtemp(join(tmpdir(), 'distribute-weights-'));
    const auditTrail = new JsonlAuditTrail(join(dir, 'weights-audit.jsonl'));
    const applied = await distributeWeights(client, { queueId, memberWeights, lever: 'rings', auditTrail });
    report('Apply', applied);

    const records = await readAuditTrail(auditTrail.path);
    console.log(`\nAudit records (${auditTrail.path}):`);
    for (const r of records) {
      const d = r.details ?? {};
      console.log(
        `  ${r.result.padEnd(8)} ${names.get(r.userId) ?? r.userId}: ring ${r.before ?? '-'} -> ${r.after}, requested share ${pct(Number(d['requestedShare']))}, expected ${pct(Number(d['achievedShare']))}, ${r.latencyMs} ms, correlation ${r.correlationIds[0] ?? '-'}`,
      );
    }

    // 3. Again: every member already holds its ring, nothing is written.
    const again = await distributeWeights(client, { queueId, memberWeights, lever: 'rings' });
    console.log(
      `\nSecond run: ${again.status} (${again.reason ?? ''}); ${again.counts.unchanged} unchanged, ${again.counts.applied} applied`,
    );

    // 4. Emulator only: four times the traffic. The gate projects the load the weights direct at these four agents
    //    and refuses to concentrate it on them: nothing is written.
    if (emulator) {
      emulator.state.analytics.trafficScale = 16;
      const busy = await distributeWeights(client, { queueId, memberWeights, lever: 'rings' });
      console.log(`\nFour times the traffic: ${busy.status}: ${busy.reason}`);
    }
  } finally {
    await conn.close();
  }
});

function report(title: string, r: DistributeWeightsResult): void {
  const p = r.projection;
  console.log(`\n${title}: ${r.status}${r.reason ? ` (${r.reason})` : ''}, ${r.rings ?? '?'} rings`);
  console.log(
    `  saturation gate: ${p.level}, projected utilisation ${p.projectedUtilization === null ? 'n/a' : pct(p.projectedUtilization)} (block at ${pct(p.blockThreshold)}); live demand ${p.live.demandErlangs.toFixed(2)} Erlangs`,
  );
  console.log(
    table(
      ['member', 'weight', 'requested share', 'ring', 'status', 'expected share'],
      r.items.map((i) => [
        i.memberName ?? i.memberId,
        i.requestedWeight.toFixed(2),
        pct(i.requestedShare),
        `${i.ring?.before ?? '-'} -> ${i.target?.ringNumber ?? '-'}`,
        i.status,
        pct(i.achievedShare),
      ]),
    ),
  );
  console.log(
    `  balance accuracy ${pct(r.balanceAccuracy)} (${r.shareBasis}); with the target mapping ${pct(r.plannedBalanceAccuracy)}`,
  );
  for (const w of r.warnings) console.log(`  warning: ${w}`);
}
