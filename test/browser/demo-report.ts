// Builds the demo's report the way examples/demo.ts does (the emulator's org, seed 42): the optimization plan
// (planRoutingOptimization with the demo's change budget), the org and division by name, and a day of staffing
// curves from the org's analytics beside the agents holding each queue's skill.
import { GenesysClient, planRoutingOptimization, renderReport } from '../../src/index.js';
import { planReportInput } from '../../src/report/write-report.js';
import { reproducibleHistoryWindow, startEmulator } from '../../src/testing/index.js';

export async function buildDemoReport(): Promise<string> {
  const emu = await startEmulator({
    seed: 42,
    analytics: { trafficScale: 6 },
    rateLimit: { requests: 50, windowSeconds: 1 },
  });
  try {
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      timeoutMs: 120_000,
    }); // CI machines may be busy
    const interval = reproducibleHistoryWindow(emu.now());
    // The demo's change budget (OPTIMIZE_CONSTRAINTS in examples/demo.ts).
    const plan = await planRoutingOptimization(client, {
      interval,
      constraints: { maxSkillsPerAgent: 3, maxChanges: 80 },
      timeLimitMs: 120_000,
    });
    return await renderReport(await planReportInput(client, plan, { patienceSeconds: 120 }));
  } finally {
    await emu.close();
  }
}
