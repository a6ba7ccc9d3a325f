// Two worker processes started on one plan with a RedisJournal: each change is applied once, and both report
// exactly what happened (no worker reports the other's writes as drift or failure).
// Relies on applyPlan taking the plan's lease through `journal.acquire` (the ApplyJournal contract in
// src/workflows/journal/types.ts) and confirming journal records against the org.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { handMadePlan, mismatches } from '../workflows/plan-fixtures.js';
import type { ApplyWorkerConfig, ApplyWorkerReport } from './apply-worker.js';
import { startRedis, type RedisServer } from './redis-server.js';

let server: RedisServer;
let emu: Emulator;
beforeAll(async () => {
  server = await startRedis();
  emu = await startEmulator({ org: { users: 30, skills: 10, queues: 3 } });
});
afterAll(async () => {
  await emu?.close();
  await server?.stop();
});

const SCRIPT = fileURLToPath(new URL('./apply-worker.ts', import.meta.url));

async function runTwo(config: ApplyWorkerConfig): Promise<ApplyWorkerReport[]> {
  const children = [0, 1].map(() =>
    fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    const reports = children.map(
      (child) =>
        new Promise<ApplyWorkerReport>((resolve) =>
          child.on(
            'message',
            (m: { type: string; report?: ApplyWorkerReport }) => m.type === 'report' && resolve(m.report!),
          ),
        ),
    );
    const ready = children.map((child) => new Promise<void>((resolve) => child.once('message', () => resolve())));
    for (const child of children) child.send({ config });
    await Promise.all(ready);
    for (const child of children) child.send({ type: 'go' });
    return await Promise.all(reports);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

describe('two workers, one plan, RedisJournal', () => {
  it('apply each change once; the other worker waits for the lease and then reports every item as already done', async () => {
    const plan = handMadePlan(emu, 12);
    expect(plan.changes.length).toBeGreaterThan(12);
    const reports = await runTwo({
      baseUrl: emu.baseUrl,
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      redisUrl: server.url,
      prefix: `apply-${Date.now()}:`,
      plan,
    });
    // A worker that could not get the lease in time may give up with PlanLockedError; nothing else is acceptable.
    for (const r of reports) if (r.outcome === 'error') expect(`${r.name}: ${r.message}`).toMatch(/^PlanLockedError: /);
    expect(mismatches(emu, plan)).toEqual([]);
    const applied = reports.filter(
      (r): r is Extract<ApplyWorkerReport, { outcome: 'applied' }> => r.outcome === 'applied',
    );
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const appliedTotal = applied.reduce((n, r) => n + (r.counts.applied ?? 0), 0);
    expect(appliedTotal).toBe(plan.changes.length);
    for (const r of applied) {
      expect(r.items).toHaveLength(plan.changes.length);
      expect(r.counts.failed ?? 0).toBe(0);
      expect(r.counts.skipped ?? 0).toBe(0); // the other worker's writes are not drift
    }
    // The worker that went second applied nothing and says so item by item.
    const second = applied.find((r) => (r.counts.applied ?? 0) === 0);
    if (second) expect(second.items.every((i) => i.status === 'unchanged')).toBe(true);
  }, 180_000);
});
