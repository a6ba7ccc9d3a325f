// Issue: a worker paused past its FileJournal lease reported "aborted before this user", and noticed only at its
// next renewal. Here a real process is paused (SIGSTOP) mid-apply until its lease lapses; another worker takes the
// plan over and finishes it; the paused one is resumed (SIGCONT): it starts no new write after resuming (a request it
// had already handed to the HTTP layer may still leave), its result says why it stopped (LeaseLostError) and each
// item's status what the org holds.
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GenesysClient } from '../../src/index.js';
import { applyPlan } from '../../src/workflows/apply/apply-plan.js';
import { FileJournal } from '../../src/workflows/journal/journals.js';
import { emulator } from '../transport/helpers.js';
import { handMadePlan, mismatches } from '../workflows/plan-fixtures.js';

const SCRIPT = fileURLToPath(new URL('./paused-worker.ts', import.meta.url));
type Report = {
  type: 'result';
  stopped?: { name: string; message: string };
  items: Array<{
    userId: string;
    skillId: string;
    after: number | null;
    status: string;
    reason?: string;
    error?: string;
  }>;
};

describe('a worker paused past its lease', () => {
  it('starts no write after it resumes and reports LeaseLostError, while the worker that took over finishes the plan', async () => {
    const emu = await emulator({
      org: { users: 40, skills: 12, queues: 4 },
      latencyMs: 30,
      requestLogSize: 10_000,
      clients: [{ clientId: 'resumer', clientSecret: 'r', permissions: ['*'] }],
    });
    const plan = handMadePlan(emu, 30);
    const journal = join(await mkdtemp(join(tmpdir(), 'grsdk-pause-')), 'plan.journal');
    const child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const report = new Promise<Report>((resolve) =>
        child.on('message', (m: { type: string }) => m.type === 'result' && resolve(m as Report)),
      );
      const progressed = new Promise<void>((resolve) =>
        child.on('message', (m: { type: string }) => m.type === 'progress' && resolve()),
      );
      // A lease long enough that a busy machine does not take it from the worker before the pause (its renewals
      // are due well within it), and a pause past it.
      child.send({
        baseUrl: emu.baseUrl,
        clientId: emu.clientId,
        clientSecret: emu.clientSecret,
        journal,
        plan,
        ttlMs: 4_000,
      });
      const early = report.then((r) => {
        throw new Error(`the worker ended before the pause, stopped by ${r.stopped?.name ?? 'nothing'}`);
      });
      await Promise.race([progressed, early]);
      early.catch(() => undefined);
      child.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 5_000)); // past the 4 s lease
      const resumer = new GenesysClient({
        clientId: 'resumer',
        clientSecret: 'r',
        apiBaseUrl: emu.baseUrl,
        loginBaseUrl: emu.baseUrl,
      });
      const finished = await applyPlan(resumer, plan, {
        journal: new FileJournal(journal),
        lease: { owner: 'resumer' },
      });
      expect(finished.stopped).toBeUndefined();
      expect(mismatches(emu, plan)).toEqual([]);
      const resumedAt = Date.now();
      child.kill('SIGCONT');
      const paused = await report;
      const writesAfter = emu.stats.requestLog.filter(
        (r) =>
          r.clientId === emu.clientId && r.method !== 'GET' && r.path.includes('/routingskills') && r.at >= resumedAt,
      );
      console.log(
        `paused worker: stopped by ${paused.stopped?.name}; statuses ${JSON.stringify(Object.fromEntries([...new Set(paused.items.map((i) => i.status))].map((s) => [s, paused.items.filter((i) => i.status === s).length])))}; writes after resuming: ${writesAfter.length}`,
      );
      // No new write starts after it resumes. A request already handed to the HTTP layer when the process was
      // stopped (at most one per user written at once: concurrency 1 here) may still leave after SIGCONT.
      expect(writesAfter.length).toBeLessThanOrEqual(1);
      expect(paused.stopped?.name).toBe('LeaseLostError');
      // Its statuses say what the org holds (the other worker finished the plan): applied by it before the pause, or
      // unchanged (held when it looked again); never "aborted before this user".
      expect(
        paused.items.every(
          (i) =>
            i.status === 'applied' ||
            i.status === 'unchanged' ||
            (i.status === 'skipped' && i.error === 'LeaseLostError'),
        ),
      ).toBe(true);
      expect(paused.items.some((i) => /aborted before/.test(i.reason ?? ''))).toBe(false);
      expect(mismatches(emu, plan)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
