// A proxy that lies: HTTP 200 with a body that is not the API's JSON (an HTML login page, truncated JSON, `[]`
// where a page object is expected). Every validation mode fails the call with a typed error, over real HTTP to
// the emulator's fault injection; nothing becomes an empty list.
import { describe, expect, it } from 'vitest';
import { UnexpectedResponseError, isUnexpectedResponseError } from '../../src/index.js';
import { BODY_FAULT_KINDS } from '../../src/testing/index.js';
import { clientFor, emulator } from './helpers.js';

const MODES = ['strict', 'warn', 'off'] as const;

describe('a body that is not the expected JSON fails the call in every validation mode', () => {
  for (const kind of BODY_FAULT_KINDS) {
    for (const validation of MODES) {
      it(`${kind}, validation '${validation}': UnexpectedResponseError from a listing, not []`, async () => {
        const emu = await emulator({ faults: { rate: 1, kinds: [kind], match: '/api/v2/routing/queues' } });
        const client = clientFor(emu, { validation });
        const issues: unknown[] = [];
        client.on('validationIssue', (e) => issues.push(e));
        const listing = client.routing.queues.list({ pageSize: 100 }).toArray();
        await expect(listing).rejects.toBeInstanceOf(UnexpectedResponseError);
        const error = await listing.catch((e: unknown) => e);
        expect(isUnexpectedResponseError(error)).toBe(true);
        expect(error).toMatchObject({ status: 200, operation: expect.stringContaining('queues') });
        if (kind === 'html') expect((error as UnexpectedResponseError).contentType).toContain('text/html');
        expect(emu.stats.requestLog.filter((r) => r.fault === kind).length).toBeGreaterThan(0);
      });
    }
  }

  it('a single-object GET answered with HTML fails too (not only listings)', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['html'], match: '/api/v2/routing/skills/' } });
    const client = clientFor(emu, { validation: 'off' });
    const skillId = [...emu.state.skills.values()][0]!.id;
    await expect(client.routing.skills.get(skillId)).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('the error message quotes the start of a non-JSON body with secrets redacted', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['html'], match: '/api/v2/routing/queues' } });
    const error = (await clientFor(emu)
      .routing.queues.list()
      .toArray()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('text/html');
    expect(error.message).toContain('proxy');
  });

  it('a healthy answer still passes in every mode (the check adds no false alarm)', async () => {
    const emu = await emulator();
    for (const validation of MODES) {
      const queues = await clientFor(emu, { validation }).routing.queues.list().toArray();
      expect(queues.length).toBe(4);
    }
  });
});
