// A child process of lease-pause.scenario.test.ts: applies a plan with a FileJournal and a short lease, and sends
// its result (statuses and why it stopped) to the parent. The parent pauses it (SIGSTOP) mid-apply.
import { GenesysClient } from '../../src/index.js';
import { applyPlan } from '../../src/workflows/apply/apply-plan.js';
import { FileJournal } from '../../src/workflows/journal/journals.js';
import type { Plan } from '../../src/workflows/plan.js';

interface Config {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  journal: string;
  plan: Plan;
  ttlMs: number;
}

process.once('message', (config: Config) => {
  void (async () => {
    const client = new GenesysClient({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      apiBaseUrl: config.baseUrl,
      loginBaseUrl: config.baseUrl,
    });
    let progressSent = false;
    const result = await applyPlan(client, config.plan, {
      journal: new FileJournal(config.journal),
      concurrency: 1,
      lease: { owner: 'paused-worker', ttlMs: config.ttlMs },
      onProgress: (p) => {
        if (p.usersDone >= 3 && !progressSent) {
          progressSent = true;
          process.send!({ type: 'progress' });
        }
      },
    });
    const report = {
      type: 'result',
      stopped: result.stopped ? { name: result.stopped.name, message: result.stopped.message } : undefined,
      items: result.items.map((i) => ({
        userId: i.userId,
        skillId: i.skillId,
        after: i.after,
        status: i.status,
        reason: i.reason,
        error: i.error?.name,
      })),
    };
    process.send!(report, () => process.exit(0));
  })();
});
