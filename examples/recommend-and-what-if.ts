// Which agents should gain or lose a skill, judged by how they actually handled its contacts, and what that
// does to each queue's service level. Then a hand-built what-if: take one skill away from several agents of
// a queue and compare Erlang C (nobody hangs up) with Erlang A (callers abandon).
//
//   npx tsx examples/recommend-and-what-if.ts            # on the built-in emulator (no Genesys org needed)
//
// Against your org (reads only: the recommendations are a plan you review; nothing is written):
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 npx tsx examples/recommend-and-what-if.ts
// Optional: QUEUE_ID (queue of the what-if, default the largest), SKILL_ID (skill to take away, default the
// one most of its members hold), CALLS_PER_30_MIN and AHT_SECONDS (default: a busy half hour at 75 % occupancy).
//
// Guide: docs/guides/recommend-and-what-if.md. CLI equivalent: `genesys-routing recommend --out plan.json`.
import { type GenesysClient } from '../src/index.js';
import { recommendRoutingChanges } from '../src/workflows/index.js';
import { whatIf, type SkillChange } from '../src/optimizer/planning/index.js';
import { connect, pct, run, secs, table } from './_connect.js';

run(async () => {
  const conn = await connect({ readOnly: true });
  const { client } = conn;
  console.log(`Running on ${conn.target}\n`);
  try {
    // 1. Recommendations from the last 7 days: ADD a skill to agents who handled its contacts without holding
    //    it, REMOVE it from holders who never took its work (or declined most offers). Reads only.
    const plan = await recommendRoutingChanges(client, {
      days: 7,
      thresholds: { maxChanges: 10, maxChangesPerUser: 2 },
    });
    console.log(
      `Recommendations (${plan.summary.adds} adds, ${plan.summary.removes} removals; ${plan.summary.skipped} held back):`,
    );
    for (const c of plan.changes) {
      const what =
        c.action === 'add' ? `ADD    ${c.skillName} at ${c.after}` : `REMOVE ${c.skillName} (was ${c.before})`;
      console.log(`  ${what.padEnd(34)} ${c.userName ?? c.userId}`);
      console.log(`      why: ${c.reasons.join('; ')}`);
    }
    // Held back: a cap (deferred:maxChanges, ...) or the service-level guard (a removal that would take a queue
    // below its target at peak).
    for (const d of plan.skipped.slice(0, 3)) console.log(`  held back (${d.kind}): ${d.message}`);

    console.log('\nService level per queue if all of them are applied (busiest 30 minutes of the week):');
    console.log(
      table(
        ['queue', 'agents', 'SL before', 'SL after', 'ASA before', 'ASA after'],
        plan.impact.map((q) => [
          q.queueName ?? q.queueId,
          `${q.before.headcount ?? '?'} -> ${q.after.headcount ?? '?'}`,
          pct(q.before.serviceLevel),
          pct(q.after.serviceLevel),
          secs(q.before.asaSeconds),
          secs(q.after.asaSeconds),
        ]),
      ),
    );

    // 2. A what-if by hand with the pure optimizer (no I/O): the live roster of one queue, an assumed busy
    //    half hour, and one skill removed from three of its agents.
    const model = await readQueueModel(client);
    console.log(
      `\nWhat-if on "${model.queueName}": remove "${model.skillName}" from ${model.removed.length} of its ${model.holders} holders`,
    );
    console.log(
      `  assumption: ${model.calls} calls per 30 minutes, AHT ${model.ahtSeconds} s, target 20 s (${((model.calls * model.ahtSeconds) / 1800).toFixed(1)} Erlangs)`,
    );
    const changes: SkillChange[] = model.removed.map((userId) => ({
      action: 'remove',
      userId,
      skillId: model.skillId,
    }));
    const queue = {
      queueId: model.queueId,
      requiredSkillIds: [model.skillId],
      calls: model.calls,
      intervalSeconds: 1800,
      ahtSeconds: model.ahtSeconds,
      targetSeconds: 20,
    };
    const erlangC = whatIf({ queues: [queue], membership: model.membership, changes });
    const erlangA = whatIf({ queues: [{ ...queue, patienceSeconds: 120 }], membership: model.membership, changes });
    const rows = [
      ['Erlang C (no abandonment)', erlangC.queues[0]!],
      ['Erlang A (patience 120 s)', erlangA.queues[0]!],
    ] as const;
    console.log(
      table(
        ['model', 'agents', 'SL before', 'SL after', 'ASA before', 'ASA after', 'abandoned after'],
        rows.map(([name, q]) => [
          name,
          `${q.before.agents.toFixed(1)} -> ${q.after.agents.toFixed(1)}`,
          pct(q.before.serviceLevel),
          pct(q.after.serviceLevel),
          secs(q.before.asaSeconds),
          secs(q.after.asaSeconds),
          pct(q.after.abandonRate),
        ]),
      ),
    );
    console.log('  Agents of several queues count by their share of the load ("agents" can be fractional).');
    for (const w of erlangC.warnings) console.log(`  warning ${w.path}: ${w.message}`);
  } finally {
    await conn.close();
  }
});

/** One queue's members with their skills, the skill to remove and the agents to remove it from. */
async function readQueueModel(client: GenesysClient) {
  const queues = await client.routing.queues.list({ pageSize: 100 }).toArray({ max: 1_000, ifMore: 'truncate' });
  const queueId =
    process.env.QUEUE_ID ?? [...queues].sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0))[0]?.id;
  if (!queueId) throw new Error('the org has no queue');
  const queueName = queues.find((q) => q.id === queueId)?.name ?? queueId;
  const memberIds = (
    await client.routing.members.list(queueId, { joined: true }).toArray({ max: 10_000, ifMore: 'throw' })
  ).map((m) => m.id);
  const userSkills: Record<string, Record<string, number>> = {};
  const names = new Map<string, string>();
  for (let i = 0; i < memberIds.length; i += 100) {
    for await (const user of client.routing.users.list({
      ids: memberIds.slice(i, i + 100),
      expand: ['skills'],
      pageSize: 100,
    })) {
      userSkills[user.id] = Object.fromEntries((user.skills ?? []).map((s) => [s.id, s.proficiency ?? 0]));
      for (const s of user.skills ?? []) names.set(s.id, s.name ?? s.id);
    }
  }
  // A queue has no "required skill" field (flows request skills per conversation): take the most held one.
  const counts = new Map<string, number>();
  for (const held of Object.values(userSkills))
    for (const id of Object.keys(held)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const skillId = process.env.SKILL_ID ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!skillId) throw new Error(`the members of ${queueName} hold no skill`);
  const holders = memberIds.filter((u) => (userSkills[u]?.[skillId] ?? 0) > 0);
  const ahtSeconds = Number(process.env.AHT_SECONDS ?? 300);
  // Default volume: the holders would be 75 % busy, a typical busy half hour.
  const calls = Number(
    process.env.CALLS_PER_30_MIN ?? Math.max(1, Math.round((0.75 * holders.length * 1800) / ahtSeconds)),
  );
  return {
    queueId,
    queueName,
    skillId,
    skillName: names.get(skillId) ?? skillId,
    holders: holders.length,
    removed: holders.slice(0, 3),
    calls,
    ahtSeconds,
    membership: { members: memberIds.map((userId) => ({ queueId, userId })), userSkills },
  };
}
