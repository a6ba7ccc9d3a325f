// Runs the TypeScript examples of the simulator section of docs/optimizer.md against the source.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/optimizer/index.js';

const markdown = readFileSync(fileURLToPath(new URL('../../../docs/optimizer.md', import.meta.url)), 'utf8');
const section = markdown.slice(
  markdown.indexOf('## Simulation: `simulate`'),
  markdown.indexOf('## Assumptions and limits'),
);
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/optimizer.md: simulator examples', () => {
  it('every example runs, and the comparison gives the figures the text states', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const last: unknown[] = [];
    for (const source of blocks) {
      // Each block's last expression statement is its result: return it.
      const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText.trim();
      const lines = js.split('\n');
      const tail = lines.pop() ?? '';
      const run = new Function(
        'sdk',
        `const { simulate, compareSimulations } = sdk;\n${lines.join('\n')}\nreturn [cmpOrResult()];\nfunction cmpOrResult() { return ${tail.replace(/;\s*(\/\/.*)?$/, '')}; }`,
      );
      last.push((run(sdk) as unknown[])[0]);
    }
    expect(last[0]).toMatchObject({ mean: expect.any(Number), halfWidth: expect.any(Number) });
    expect(last[1]).toBeCloseTo(45.9, 1);
  });
});
