// Runs every TypeScript example of docs/routing.md against a fresh emulator, so the docs cannot rot.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const markdown = readFileSync(fileURLToPath(new URL('../../../docs/routing.md', import.meta.url)), 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

type Runner = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Runner;
const CONTEXT = ['sdk', 'testing', 'console', 'client', 'queueId', 'userId', 'skillId'];

/** TS -> JS; the package imports become destructurings of the source modules. */
function compile(source: string): Runner {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
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
  // A full program declares its own client; the others use the one provided.
  const params = /\bconst client\b/.test(body) ? CONTEXT.map((p) => (p === 'client' ? '_client' : p)) : CONTEXT;
  return new AsyncFunction(...params, body);
}

describe('docs/routing.md examples', () => {
  it('shows every public routing method', () => {
    const all = blocks.join('\n');
    const methods = {
      skills: ['list', 'get', 'create', 'moveToDivision', 'delete'],
      queues: ['list', 'get', 'create', 'update', 'delete'],
      members: ['list', 'add', 'remove', 'setRingNumber', 'setJoined'],
      userSkills: ['list', 'add', 'patchBulk', 'replaceAll', 'remove'],
      users: ['list', 'get', 'routingStatus.get', 'search', 'roster'],
      utilization: ['getOrg', 'setOrg', 'resetOrg', 'getUser', 'setUser', 'resetUser'],
    };
    for (const [group, names] of Object.entries(methods)) {
      for (const name of names)
        expect(all, `no example calls routing.${group}.${name}`).toContain(`routing.${group}.${name}(`);
    }
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', async (_n, code) => {
    const emu = await emulator({ org: { users: 60, skills: 8, queues: 4 } });
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
