// npm run bench:bulk — applyPlan on the emulator under a fixed request rate. For each scenario it reports the API
// requests per changed user (targets: <= 1.1 for a proficiency-only plan, <= 1.3 with removals written as one PUT
// per user), wall time over the floor (floor = requests / rate limit; target <= 1.1) and the share of requests
// answered 429. Scenarios: `proficiency` (one update per user), then each user an update, an add and a removal,
// written the default way (`removals-delete`: one PATCH per user and one DELETE per removal, so no other writer's
// change is undone) and with `removals: 'replace'` (`removals-replace`: one PUT per user, read in groups of
// BENCH_CONCURRENCY users right before).
// Settings: BENCH_USERS (5000), BENCH_RATE requests per second (250), BENCH_CONCURRENCY users at once (8),
// BENCH_SCENARIOS (comma list, default all).
// With fixed 1-second windows the last window is only partly used, so wall time can undercut the floor by up
// to one window: a ratio slightly below 1 means every window was filled, not that the limit was exceeded.
// A 10-user dry run before each measurement loads the lazily imported modules and schemas (not counted).
import { GenesysClient } from '../src/index.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';
import { applyPlan, type ApplyOptions } from '../src/workflows/apply/apply-plan.js';
import { PLAN_KIND, PLAN_VERSION, newPlanId, summarize, type Plan, type PlannedChange } from '../src/workflows/plan.js';

const USERS = Number(process.env.BENCH_USERS ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 250);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'proficiency,removals-delete,removals-replace').split(',');

function planFor(emu: Emulator, withRemovals: boolean): Plan {
  const skillIds = [...emu.state.skills.values()].filter((s) => s.state === 'active').map((s) => s.id);
  const changes: PlannedChange[] = [];
  const users = [...emu.state.users.values()].filter(
    (u) => u.state === 'active' && emu.state.skillsOf(u.id).size >= (withRemovals ? 2 : 1),
  );
  for (const user of users.slice(0, USERS)) {
    const held = [...emu.state.skillsOf(user.id)];
    const [first, second] = held;
    if (!first) continue;
    changes.push({
      userId: user.id,
      skillId: first[0],
      action: 'update',
      before: first[1],
      after: first[1] >= 4 ? 1 : 5,
      reasons: ['bench'],
    });
    if (!withRemovals || !second) continue;
    changes.push({
      userId: user.id,
      skillId: second[0],
      action: 'remove',
      before: second[1],
      after: null,
      reasons: ['bench'],
    });
    const missing = skillIds.find((s) => !emu.state.skillsOf(user.id).has(s));
    if (missing)
      changes.push({ userId: user.id, skillId: missing, action: 'add', before: null, after: 2, reasons: ['bench'] });
  }
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'bench',
    org: emu.baseUrl,
    changes,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarize(changes, [], []),
  };
}

async function run(name: string, withRemovals: boolean, options: ApplyOptions): Promise<boolean> {
  const emu = await startEmulator({
    seed: 9,
    org: { users: Math.ceil(USERS * 1.2) + 50, skills: 20, queues: 10 },
    rateLimit: { requests: RATE, windowSeconds: 1 },
    requestLogSize: 0,
  });
  try {
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      maxConcurrency: CONCURRENCY * 2,
    });
    const plan = planFor(emu, withRemovals);
    const users = new Set(plan.changes.map((c) => c.userId)).size;
    await client.routing.skills.list({ pageSize: 1 }).first(); // token, outside the measurement
    // Warm-up outside the measurement: a dry run over 10 users loads the lazily imported modules and schemas.
    await applyPlan(client, { ...plan, changes: plan.changes.slice(0, 10) }, { dryRun: true });
    emu.resetStats();
    const t0 = performance.now();
    const result = await applyPlan(client, plan, { concurrency: CONCURRENCY, ...options });
    const wallSeconds = (performance.now() - t0) / 1000;
    const stats = emu.stats;
    const routes = Object.entries(stats.byRoute).filter(([route]) => !route.includes('/oauth/token'));
    const apiRequests = routes.reduce((n, [, r]) => n + r.count, 0);
    const refused = stats.byStatus[429] ?? 0;
    const floorSeconds = apiRequests / RATE;
    const perUser = apiRequests / users;
    const ratio = wallSeconds / floorSeconds;
    const target = !withRemovals ? 1.1 : options.removals === 'replace' ? 1.3 : undefined;
    console.log(
      `\n[${name}] applyPlan on ${users} users (${plan.summary.updates} updates, ${plan.summary.adds} adds, ${plan.summary.removes} removals), limit ${RATE} requests/s, ${CONCURRENCY} users at once`,
    );
    console.log(
      `  results: ${JSON.stringify(Object.fromEntries(Object.entries(result.counts).filter(([, n]) => n > 0)))}; reads ${JSON.stringify(result.reads)}`,
    );
    console.log(
      `  API requests ${apiRequests} (${refused} answered 429): ${routes.map(([route, r]) => `${route} ${r.count}`).join(', ')}`,
    );
    console.log(
      `  requests per changed user ${perUser.toFixed(3)} (${target ? `target <= ${target}` : 'no target: one DELETE per removal'})`,
    );
    console.log(
      `  wall ${wallSeconds.toFixed(1)} s, floor ${floorSeconds.toFixed(1)} s -> wall/floor ${ratio.toFixed(3)} (target <= 1.1)`,
    );
    console.log(`  429 share ${((refused / apiRequests) * 100).toFixed(2)} %`);
    return result.counts.failed === 0 && result.counts.applied === plan.changes.length;
  } finally {
    await emu.close();
  }
}

let ok = true;
if (SCENARIOS.includes('proficiency')) ok = (await run('proficiency', false, {})) && ok;
if (SCENARIOS.includes('removals-delete'))
  ok = (await run("removals, default 'delete' (a DELETE each)", true, {})) && ok;
if (SCENARIOS.includes('removals-replace'))
  ok = (await run("removals, 'replace' (one PUT per user)", true, { removals: 'replace' })) && ok;
if (!ok) process.exitCode = 1;
