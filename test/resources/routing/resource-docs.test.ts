// Runs every TypeScript example of docs/resources/*.md against a fresh emulator, so those pages cannot rot.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../../src/index.js';
import * as testing from '../../../src/testing/index.js';
import { runExample, tsBlocks } from '../../docs-examples.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const dir = new URL('../../../docs/resources/', import.meta.url);
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((file) => tsBlocks(new URL(file, dir)).map((code, i) => [`${file} #${i + 1}`, code] as const));

const modules = { 'genesys-routing-sdk': sdk, 'genesys-routing-sdk/testing': testing };

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
    await runExample(code, modules, { console, client: clientFor(emu), queueId, userId, skillId });
    expect(logs.length).toBeGreaterThan(0);
  });
});
