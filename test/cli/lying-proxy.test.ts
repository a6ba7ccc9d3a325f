// The CLI behind a lying proxy (HTTP 200 with a login page, truncated JSON, `[]`, `{}`, `{"entities": null}` or a
// queue whose id is a number instead of a page): commands exit 1 naming the problem, and `drift --snapshot` writes
// nothing (an earlier snapshot file stays as it was).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_FAULT_KINDS } from '../../src/testing/index.js';
import { emulator } from '../transport/helpers.js';
import { captureCliOutput, io, run, useOrg } from './helpers.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-proxy-'));

describe('CLI behind a proxy that answers 200 with something else than the API', () => {
  for (const kind of BODY_FAULT_KINDS) {
    it(`${kind}: queues exits 1 and prints no (empty) table`, async () => {
      const emu = await emulator({ faults: { rate: 1, kinds: [kind], match: '/api/v2/routing/queues' } });
      useOrg(emu);
      expect(await run('queues', '--json')).toBe(1);
      expect(io.out.join('\n')).not.toContain('[]');
      expect(io.err.join('\n')).toMatch(
        /not JSON|not valid JSON|array where an object|documented shape|`entities` list/,
      );
    });

    it(`${kind}: drift --snapshot exits 1 and writes no snapshot`, async () => {
      const emu = await emulator({ faults: { rate: 1, kinds: [kind], match: '/api/v2/routing/queues' } });
      useOrg(emu);
      const out = join(dir, `snap-${kind}.json`);
      expect(await run('drift', '--snapshot', out)).toBe(1);
      expect(existsSync(out)).toBe(false);
      // An existing snapshot is left as it was.
      writeFileSync(out, '{"previous":true}');
      expect(await run('drift', '--snapshot', out)).toBe(1);
      expect(readFileSync(out, 'utf8')).toBe('{"previous":true}');
    });
  }

  it('wrong-types: queues never prints the number as a queue id', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['wrong-types'], match: '/api/v2/routing/queues' } });
    useOrg(emu);
    expect(await run('queues')).toBe(1);
    expect(io.out.join('\n')).not.toContain('42');
    expect(io.err.join('\n')).toContain('entities[0].id');
  });

  it('without the proxy, drift --snapshot writes the org', async () => {
    const emu = await emulator();
    useOrg(emu);
    const out = join(dir, 'snap-ok.json');
    expect(await run('drift', '--snapshot', out)).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { queues: unknown[] }).queues).toHaveLength(4);
  });
});
