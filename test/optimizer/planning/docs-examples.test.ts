// Runs every TypeScript example of docs/planning.md against the source, so the docs cannot rot.
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/optimizer/planning/index.js';
import { runExample, tsBlocks } from '../../docs-examples.js';

const blocks = tsBlocks(new URL('../../../docs/planning.md', import.meta.url));

describe('docs/planning.md examples', () => {
  it('has an example for every planning function', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const all = blocks.join('\n');
    for (const name of [
      'scoreProficiency',
      'resolveProficiencyPolicy',
      'checkRoutingConstraints',
      'validateWeights',
      'normalizeWeights',
      'weightsToProficiency',
      'weightsToRings',
      'projectSaturation',
      'diffSkillMatrix',
      'applyDiff',
      'toBulkPayloads',
      'diffToChanges',
      'skillMatrixFromRows',
      'whatIf',
      'recommendSkillChanges',
      'recommendationsToChanges',
      'diffRoutingConfig',
      'formatDriftReport',
      'validateRoutingRules',
      'parseRoutingRules',
    ]) {
      expect(all, `no example calls ${name}`).toMatch(new RegExp(`\\b${name}\\(`));
      expect(typeof (sdk as Record<string, unknown>)[name], `${name} is not exported from the optimizer entry`).toBe(
        'function',
      );
    }
  });

  blocks.forEach((source, index) => {
    const title =
      source
        .match(/import \{([^}]*)\}/)?.[1]
        ?.trim()
        .split(',')[0] ?? `block ${index}`;
    it(`example ${index + 1} (${title}) runs and prints`, async () => {
      const printed: string[] = [];
      const console = { log: (...args: unknown[]) => printed.push(args.map((a) => JSON.stringify(a)).join(' ')) };
      await runExample(source, { 'genesys-routing-sdk/planning': sdk }, { console });
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) expect(line).not.toMatch(/\bNaN\b|Infinity/);
    });
  });
});
