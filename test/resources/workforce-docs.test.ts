// Runs every TypeScript example of docs/workforce.md as written (each starts its own emulator).
import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { runExample, tsBlocks } from '../docs-examples.js';

const blocks = tsBlocks(new URL('../../docs/workforce.md', import.meta.url));
const modules = { 'genesys-routing-sdk': sdk, 'genesys-routing-sdk/testing': testing };

describe('docs/workforce.md examples', () => {
  it('shows every public workforce method', () => {
    const all = blocks.join('\n');
    for (const call of [
      'managementUnits.list(',
      'managementUnits.get(',
      'managementUnits.users(',
      'forecasts.list(',
      'forecasts.get(',
      'forecasts.planningGroups(',
      'forecasts.data(',
      'forecasts.weekByPlanningGroup(',
      'schedules.list(',
      'schedules.agentSchedules(',
    ]) {
      expect(all, `no example calls workforce.${call}`).toContain(`workforce.${call}`);
    }
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', async (_n, code) => {
    const logs: string[] = [];
    await runExample(code, modules, { console: { log: (...args: unknown[]) => logs.push(args.join(' ')) } });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain('undefined');
  });
});
