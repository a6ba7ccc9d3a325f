// Runs the warmUpOptimizer example of docs/optimizer.md as written, against the sources (it starts worker threads,
// so it runs with the scenarios).
import { describe, expect, it } from 'vitest';
import * as optimizer from '../../../src/optimizer/index.js';
import { runExample, tsBlocks } from '../../docs-examples.js';

const heading = '**Warm ahead of a call: `warmUpOptimizer`.**';

describe('docs/optimizer.md: warmUpOptimizer example', () => {
  it('runs, and the call after the warm-up finds a plan', async () => {
    const block = tsBlocks(new URL('../../../docs/optimizer.md', import.meta.url)).find((b) =>
      b.includes('warmUpOptimizer('),
    );
    expect(block, heading).toBeDefined();
    const logged: unknown[][] = [];
    const console = { log: (...values: unknown[]) => logged.push(values) };
    await runExample(block as string, { 'genesys-routing-sdk/optimizer': optimizer }, { console });
    expect(logged).toEqual([[true, expect.any(Number), true]]);
  }, 120_000);
});
