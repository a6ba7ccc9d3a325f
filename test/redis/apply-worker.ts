// A worker process of test/redis/apply-workers.test.ts: applies one plan with a RedisJournal and reports.
// Protocol over IPC: parent sends `config`, worker answers `ready`; parent sends `go`, worker sends `report`.
import { Redis } from 'ioredis';
import { GenesysClient } from '../../src/index.js';
import { RedisJournal } from '../../src/redis/index.js';
import { applyPlan } from '../../src/workflows/apply/apply-plan.js';
import type { Plan } from '../../src/workflows/plan.js';
import { transportOf } from '../../src/resources/core/internals.js';

export interface ApplyWorkerConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redisUrl: string;
  prefix: string;
  plan: Plan;
}

export type ApplyWorkerReport =
  | {
      outcome: 'applied';
      counts: Record<string, number>;
      items: { userId: string; skillId: string; status: string; fromJournal?: boolean }[];
    }
  | { outcome: 'error'; name: string; message: string };

process.once('message', (message: { config: ApplyWorkerConfig }) => {
  void (async () => {
    const { config } = message;
    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    const client = new GenesysClient({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      apiBaseUrl: config.baseUrl,
      loginBaseUrl: config.baseUrl,
    });
    await transportOf(client).waitForGate();
    process.send!({ type: 'ready' });
    await new Promise<void>((resolve) => process.once('message', () => resolve()));
    let report: ApplyWorkerReport;
    try {
      const result = await applyPlan(client, config.plan, {
        journal: new RedisJournal({ redis, prefix: config.prefix }),
      });
      report = {
        outcome: 'applied',
        counts: result.counts,
        items: result.items.map((i) => ({
          userId: i.userId,
          skillId: i.skillId,
          status: i.status,
          fromJournal: i.fromJournal,
        })),
      };
    } catch (error) {
      report = { outcome: 'error', name: (error as Error).name, message: (error as Error).message };
    }
    process.send!({ type: 'report', report }, () => {
      redis.disconnect();
      process.exit(0);
    });
  })();
});
