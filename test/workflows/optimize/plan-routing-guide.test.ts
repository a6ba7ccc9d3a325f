// docs/guides/optimize-routing.md: its TypeScript blocks continue one another, so they run as one module against
// the emulator the first block starts. The module hands back its plan, so the day plan from the WFM
// forecast is checked here (the scenario org understaffed, seed 7: the same call the emulator scenarios would make).
import { describe, expect, it } from 'vitest';
import * as root from '../../../src/index.js';
import * as optimizer from '../../../src/optimizer/index.js';
import * as testing from '../../../src/testing/index.js';
import * as workflows from '../../../src/workflows/index.js';
import type { RoutingOptimizationPlan } from '../../../src/workflows/index.js';
import { runExample, tsBlocks } from '../../docs-examples.js';

const blocks = tsBlocks(new URL('../../../docs/guides/optimize-routing.md', import.meta.url));
const modules = {
  'genesys-routing-sdk': root,
  'genesys-routing-sdk/optimizer': optimizer,
  'genesys-routing-sdk/testing': testing,
  'genesys-routing-sdk/workflows': workflows,
};

describe('docs/guides/optimize-routing.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(4));

  it('runs as one module: the forecast, the day plan (every short queue raised), re-run, apply, the library call', async () => {
    const logs: string[] = [];
    const console = { log: (...args: unknown[]) => logs.push(args.join(' ')) };
    // The test's own line after the guide's code: the day plan the assertions below read.
    const { plan } = (await runExample(blocks.join('\n'), modules, { console }, 'return { plan };')) as {
      plan: RoutingOptimizationPlan;
    };
    const text = logs.join('\n');
    expect(text).toMatch(/skill changes, \d+ queue memberships, lower bound \d+/);
    expect(text).toMatch(/re-run: \d+ changes \(plan had \d+\), every queue at target: (true|false)/);
    expect(text).toMatch(/agents on shift, from forecast .* \(week of 2025-03-10\)/);
    expect(text).toMatch(/worst interval \d\d:\d\d now [\d.]+ -> after [\d.]+/);
    expect(text).toMatch(/memberships added \d+; items applied \d+, failed 0/);
    expect(text).toContain('second run writes 0 items');
    expect(logs.some((l) => /^(add|remove) /.test(l))).toBe(true); // the library call moves capacity to billing

    // The day plan from the WFM forecast and schedule raises the worst intervals of the queues short of target.
    expect(plan.day?.date).toBe('2025-03-13');
    expect(plan.day?.source).toMatch(/^forecast .* \(week of 2025-03-10\)/);
    expect(plan.day?.agentsOnShift).toBeGreaterThan(0);
    expect(plan.changes.length).toBeGreaterThan(0);
    const short = plan.optimization.queues.filter((q) => q.worstInterval.before < q.target.serviceLevel);
    expect(short.length).toBeGreaterThan(0);
    for (const q of short) expect(q.worstInterval.after).toBeGreaterThan(q.worstInterval.before);
  }, 600_000);
});
