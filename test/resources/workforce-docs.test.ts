// Runs every TypeScript example of docs/workforce.md as written (each starts its own emulator).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

const markdown = readFileSync(fileURLToPath(new URL('../../docs/workforce.md', import.meta.url)), 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
type Runner = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;

function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const body = js.replace(
    /import\s*\{([^}]*)\}\s*from\s*'genesys-routing-sdk(\/testing)?';?/g,
    (_, names: string, sub?: string) => {
      const bindings = names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .map((n) => n.replace(/\s+as\s+/, ': '));
      return `const { ${bindings.join(', ')} } = ${sub ? 'testing' : 'sdk'};`;
    },
  );
  if (/^\s*import\s/m.test(body)) throw new Error(`example imports something other than the package:\n${body}`);
  return new AsyncFunction('sdk', 'testing', 'console', body);
}

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
    await compile(code)(sdk, testing, { log: (...args: unknown[]) => logs.push(args.join(' ')) });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain('undefined');
  });
});
