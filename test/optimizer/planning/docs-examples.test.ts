// Runs every TypeScript example of docs/planning.md against the source, so the docs cannot rot.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/optimizer/index.js';

const docPath = fileURLToPath(new URL('../../../docs/planning.md', import.meta.url));
const markdown = readFileSync(docPath, 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

type Runner = (sdk: Record<string, unknown>, console: { log: (...args: unknown[]) => void }) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;

/** TS -> JS, then the package import becomes a destructuring of the SDK module. */
function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const body = js.replace(/import\s*\{([^}]*)\}\s*from\s*'genesys-routing-sdk\/optimizer';?/g, (_, names: string) => {
    const bindings = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => n.replace(/\s+as\s+/, ': '));
    return `const { ${bindings.join(', ')} } = sdk;`;
  });
  if (/^\s*import\s/m.test(body)) throw new Error(`example imports something other than the package:\n${body}`);
  return new AsyncFunction('sdk', 'console', body);
}

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
      await compile(source)(sdk as Record<string, unknown>, {
        log: (...args) => printed.push(args.map((a) => JSON.stringify(a)).join(' ')),
      });
      expect(printed.length).toBeGreaterThan(0);
      for (const line of printed) expect(line).not.toMatch(/\bNaN\b|Infinity/);
    });
  });
});
