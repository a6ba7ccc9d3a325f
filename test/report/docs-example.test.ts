// Runs every TypeScript example of docs/guides/report.md (emulator, optimizer), so the guide cannot rot. Files
// the examples write go to a temporary directory.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as optimizer from '../../src/optimizer/index.js';
import * as report from '../../src/report/index.js';
import * as testing from '../../src/testing/index.js';
import * as workflows from '../../src/workflows/index.js';

const markdown = readFileSync(fileURLToPath(new URL('../../docs/guides/report.md', import.meta.url)), 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const MODULES: Record<string, string> = {
  'genesys-routing-sdk': 'sdk',
  'genesys-routing-sdk/optimizer': 'optimizer',
  'genesys-routing-sdk/testing': 'testing',
  'genesys-routing-sdk/workflows': 'workflows',
  'genesys-routing-sdk/report': 'report',
  'node:fs/promises': 'fs',
};

type Runner = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;

function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const body = js.replace(/import\s*\{([^}]*)\}\s*from\s*'([^']+)';?/g, (_, names: string, from: string) => {
    const target = MODULES[from];
    if (!target) throw new Error(`example imports ${from}`);
    return `const { ${names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .join(', ')} } = ${target};`;
  });
  return new AsyncFunction('sdk', 'optimizer', 'testing', 'workflows', 'report', 'fs', 'console', body);
}

describe('docs/guides/report.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(2));
  blocks.forEach((block, i) => {
    it(`example ${i + 1} runs and writes its report`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'grsdk-report-docs-'));
      const fs = { writeFile: (file: string, data: string) => writeFile(join(dir, file), data) };
      await compile(block)(sdk, optimizer, testing, workflows, report, fs, { log: () => undefined });
      const written = readdirSync(dir);
      expect(written).toHaveLength(1);
      const html = readFileSync(join(dir, written[0]!), 'utf8');
      expect(html).toContain('<h2 id="staffing">');
      expect(html.match(/class="chart" data-series=/g)?.length).toBeGreaterThan(0);
    }, 120_000);
  });
});
