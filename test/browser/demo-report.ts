// Builds the demo's report the way examples/demo.ts does (the same emulator org and optimization settings, from
// examples/_demo-org.ts): the optimization plan, the org and division by name, and a day of staffing curves from
// the org's analytics beside the agents holding each queue's skill.
import { GenesysClient } from '../../src/index.js';
import { renderReport } from '../../src/report/index.js';
import { planRoutingOptimization } from '../../src/workflows/index.js';
import { planReportInput } from '../../src/report/write-report.js';
import { reproducibleHistoryWindow, startEmulator } from '../../src/testing/index.js';
import { DEMO_EMULATOR, DEMO_OPTIMIZE } from '../../examples/_demo-org.js';

export async function buildDemoReport(): Promise<string> {
  const emu = await startEmulator(DEMO_EMULATOR);
  try {
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      timeoutMs: 120_000,
    }); // CI machines may be busy
    const interval = reproducibleHistoryWindow(emu.now());
    const plan = await planRoutingOptimization(client, { interval, ...DEMO_OPTIMIZE });
    return await renderReport(await planReportInput(client, plan, { patienceSeconds: 120 }));
  } finally {
    await emu.close();
  }
}
