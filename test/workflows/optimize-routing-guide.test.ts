// docs/guides/optimize-routing.md: its TypeScript blocks continue one another, so they run as one module against
// the emulator the first block starts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as optimizer from '../../src/optimizer/index.js';
import * as testing from '../../src/testing/index.js';

const markdown = readFileSync(fileURLToPath(new URL('../../docs/guides/optimize-routing.md', import.meta.url)), 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
type Runner = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;

function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const body = js.replace(
    /import\s*\{([^}]*)\}\s*from\s*'genesys-routing-sdk(\/testing|\/optimizer)?';?/g,
    (_, names: string, sub?: string) => {
      const bindings = names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .map((n) => n.replace(/\s+as\s+/, ': '));
      return `const { ${bindings.join(', ')} } = ${sub === '/testing' ? 'testing' : sub === '/optimizer' ? 'optimizer' : 'sdk'};`;
    },
  );
  if (/^\s*import\s/m.test(body)) throw new Error(`example imports something other than the package:\n${body}`);
  return new AsyncFunction('sdk', 'testing', 'optimizer', 'console', body);
}

describe('docs/guides/optimize-routing.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(4));

  it('runs as one module: the forecast, the day plan, re-run, apply, the library call', async () => {
    const logs: string[] = [];
    await compile(blocks.join('\n'))(root, testing, optimizer, {
      log: (...args: unknown[]) => logs.push(args.join(' ')),
    });
    const text = logs.join('\n');
    expect(text).toMatch(/skill changes, \d+ queue memberships, lower bound \d+/);
    expect(text).toMatch(/re-run: \d+ changes \(plan had \d+\), every queue at target: (true|false)/);
    expect(text).toMatch(/agents on shift, from forecast .* \(week of 2025-03-10\)/);
    expect(text).toMatch(/worst interval \d\d:\d\d now [\d.]+ -> after [\d.]+/);
    expect(text).toMatch(/memberships added \d+; items applied \d+, failed 0/);
    expect(text).toContain('second run writes 0 items');
    expect(logs.some((l) => /^(add|remove) /.test(l))).toBe(true); // the library call moves capacity to billing
  }, 600_000);
});
