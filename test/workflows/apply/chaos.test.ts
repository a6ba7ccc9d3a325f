// Chaos: 30 % injected faults of every kind (429, 5xx, connection resets, responses slower than the client's
// timeout, which land after the client gave up), 2-second tokens, 1,000+ users, adds, updates and removals.
// Every item's reported status must equal the org's truth, checked item by item against the emulator's state.
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../src/testing/emulator/options.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan } from '../plan-fixtures.js';

const USERS = 1_050;

describe('applyPlan under chaos', () => {
  it('reports exactly what the org holds for every item', async () => {
    const emu = await emulator({
      seed: 5,
      org: { users: USERS + 40, skills: 14, queues: 4 },
      tokenLifetimeSeconds: 2,
      rateLimit: false, // the faults bring the 429s; the steady-rate limit is bench:bulk's job
      requestLogSize: 50_000,
      faults: { rate: 0.3, kinds: [...FAULT_KINDS], seed: 17, retryAfterSeconds: 0, slowMs: 300 },
    });
    const client = clientFor(emu, {
      maxRetries: 6,
      timeoutMs: 200,
      maxConcurrency: 16,
      retryBackoff: { baseMs: 5, maxMs: 100 },
    });
    const plan = handMadePlan(emu, USERS);
    expect(new Set(plan.changes.map((c) => c.userId)).size).toBeGreaterThanOrEqual(1_000);
    expect(plan.summary.adds * plan.summary.updates * plan.summary.removes).toBeGreaterThan(0);
    // Some items already hold their planned value: they must come back `unchanged`, not `applied`.
    for (const c of plan.changes.filter((_, i) => i % 37 === 0)) {
      if (c.after === null) emu.state.skillsOf(c.userId).delete(c.skillId);
      else emu.state.skillsOf(c.userId).set(c.skillId, c.after);
    }
    const initial = new Map(
      plan.changes.map((c) => [`${c.userId}/${c.skillId}`, emu.state.skillsOf(c.userId).get(c.skillId) ?? null]),
    );

    const result = await applyPlan(client, plan, { concurrency: 12 });

    const byKind: Record<string, number> = {};
    for (const r of emu.stats.requestLog) if (r.fault) byKind[r.fault] = (byKind[r.fault] ?? 0) + 1;
    const injected = Object.values(byKind).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(500);
    expect(Object.keys(byKind).sort()).toEqual([...FAULT_KINDS].sort());
    const wrong: string[] = [];
    for (const item of result.items) {
      const key = `${item.userId}/${item.skillId}`;
      const truth = emu.state.skillsOf(item.userId).get(item.skillId) ?? null;
      const asPlanned = truth === item.after;
      const wasPlanned = initial.get(key) === item.after;
      const ok =
        item.status === 'applied'
          ? asPlanned && !wasPlanned
          : item.status === 'unchanged'
            ? asPlanned && wasPlanned
            : item.status === 'failed' || item.status === 'overwritten'
              ? !asPlanned
              : item.status === 'skipped'
                ? truth === initial.get(key)
                : false; // no dry run here; `unverified` would not be an exact answer
      if (!ok)
        wrong.push(
          `${key}: reported ${item.status}, org holds ${truth}, planned ${item.after}, before the run ${initial.get(key)}`,
        );
    }
    expect(wrong).toEqual([]);
    expect(result.counts.unchanged).toBeGreaterThan(0);
    expect(result.counts.applied).toBeGreaterThan(plan.changes.length * 0.9);
    console.log(
      `chaos: ${injected} faults injected ${JSON.stringify(byKind)}; counts ${JSON.stringify(result.counts)}; passes ${result.passes}`,
    );
  }, 180_000);
});
