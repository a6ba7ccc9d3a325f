// Builds the demo's report the way examples/demo.ts does (the emulator's org, seed 42): the skill plan, the
// queues' targets and a day of staffing curves from the org's analytics, rendered as the demo renders it.
import { GenesysClient, planSkillOptimization, renderReport, staffingFromHistory } from '../../src/index.js';
import { reproducibleHistoryWindow, startEmulator } from '../../src/testing/index.js';

export async function buildDemoReport(): Promise<string> {
  const emu = await startEmulator({ seed: 42, analytics: { trafficScale: 6 }, rateLimit: { requests: 50, windowSeconds: 1 } });
  try {
    const client = new GenesysClient({ clientId: emu.clientId, clientSecret: emu.clientSecret, apiBaseUrl: emu.baseUrl, loginBaseUrl: emu.baseUrl, timeoutMs: 120_000 }); // CI machines may be busy
    const interval = reproducibleHistoryWindow(emu.now());
    const plan = await planSkillOptimization(client, { interval });
    const day = { from: new Date(interval.to.getTime() - 86_400_000), to: interval.to };
    const history = await staffingFromHistory(client, { interval: day, patienceSeconds: 120 });
    return await renderReport({ plan, ...history, title: 'Skill plan review' });
  } finally {
    await emu.close();
  }
}
