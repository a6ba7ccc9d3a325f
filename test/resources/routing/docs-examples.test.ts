// Runs every TypeScript example of docs/routing.md against a fresh emulator, so the docs cannot rot.
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { runExample, tsBlocks } from '../../docs-examples.js';

const blocks = tsBlocks(new URL('../../../docs/routing.md', import.meta.url));
const modules = { 'genesys-routing-sdk': sdk, 'genesys-routing-sdk/testing': testing };

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
    await runExample(code, modules, { console, client: clientFor(emu), queueId, userId, skillId });
    expect(logs.length).toBeGreaterThan(0);
  });
});
