// Runs every TypeScript example of docs/resources/*.md against a fresh emulator, so those pages cannot rot.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const dir = fileURLToPath(new URL('../../../docs/resources/', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((file) =>
    [...readFileSync(`${dir}${file}`, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
      (m, i) => [`${file} #${i + 1}`, m[1] ?? ''] as const,
    ),
  );

type Runner = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;
const CONTEXT = ['sdk', 'testing', 'console', 'client', 'queueId', 'userId', 'skillId'];

/** TS -> JS; the package imports become destructurings of the source modules. */
function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const body = js.replace(
    /import\s*\{([^}]*)\}\s*from\s*'genesys-routing-sdk(\/testing)?';?/g,
    (_, names: string, sub?: string) => `const { ${names} } = ${sub ? 'testing' : 'sdk'};`,
  );
  if (/^\s*import\s/m.test(body)) throw new Error(`example imports something other than the package:\n${body}`);
  const params = /\bconst client\b/.test(body) ? CONTEXT.map((p) => (p === 'client' ? '_client' : p)) : CONTEXT;
  return new AsyncFunction(...params, body);
}

describe('docs/resources examples', () => {
  it('cover every resource page', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples)('%s runs', async (_name, code) => {
    const emu = await emulator({ org: { users: 30, skills: 6, queues: 3 } });
    const queueId = [...emu.state.queues.keys()][0] as string;
    const userId = [...emu.state.members.get(queueId)!.keys()].find(
      (id) => emu.state.users.get(id)?.state === 'active',
    ) as string;
    const skillId = [...emu.state.skills.keys()][0] as string;
    const logs: unknown[][] = [];
    const console = { log: (...args: unknown[]) => logs.push(args) };
    await compile(code)(sdk, testing, console, clientFor(emu), queueId, userId, skillId);
    expect(logs.length).toBeGreaterThan(0);
  });
});
