import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { api, getToken } from './helpers.js';
import type { ErrorBodyShape, Listing } from './helpers.js';

describe('emulator: queue membership writes', () => {
  let emu: Emulator;
  let token: string;
  let queueId: string;
  beforeAll(async () => {
    emu = await startEmulator({ org: { users: 40, skills: 3, queues: 1 } });
    token = await getToken(emu);
    queueId = [...emu.state.queues.keys()][0] as string;
  });
  afterAll(() => emu.close());

  const members = () => emu.state.members.get(queueId) as Map<string, { joined: boolean; ringNumber: number }>;
  const path = () => `/api/v2/routing/queues/${queueId}/members`;

  it('adds and removes members in bulk (max 100) and audits MemberAdd / MemberRemove', async () => {
    const outsider = [...emu.state.users.values()].find((u) => u.state === 'active' && !members().has(u.id))
      ?.id as string;
    expect((await api(emu, token, path(), { method: 'POST', json: [{ id: outsider }] })).status).toBe(204);
    expect(members().has(outsider)).toBe(true);
    expect((await api(emu, token, `${path()}?delete=true`, { method: 'POST', json: [{ id: outsider }] })).status).toBe(
      204,
    );
    expect(members().has(outsider)).toBe(false);
    expect(emu.state.auditLog.map((a) => `${a.entityType}:${a.action}`)).toEqual([
      'Queue:MemberAdd',
      'Queue:MemberRemove',
    ]);

    const tooMany = await api<ErrorBodyShape>(emu, token, path(), {
      method: 'POST',
      json: Array.from({ length: 101 }, () => ({ id: outsider })),
    });
    expect(tooMany.status).toBe(400);
    const unknown = await api<ErrorBodyShape>(emu, token, path(), { method: 'POST', json: [{ id: 'nobody' }] });
    expect(unknown.body.details[0]?.fieldName).toBe('[0].id');
  });

  it('joins/unjoins in bulk and updates one member', async () => {
    const [first] = [...members().keys()] as [string];
    const res = await api<Listing>(emu, token, path(), {
      method: 'PATCH',
      json: [
        { id: first, joined: false },
        { id: 'not-a-member', joined: false },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.entities.map((m) => m['id'])).toEqual([first]);
    expect(members().get(first)?.joined).toBe(false);
    expect((await api(emu, token, `${path()}/${first}`, { method: 'PATCH', json: { ringNumber: 3 } })).status).toBe(
      204,
    );
    expect(members().get(first)?.ringNumber).toBe(3);
    expect(
      (await api(emu, token, `${path()}/${first}`, { method: 'PATCH', json: { ringNumber: 2, joined: true } })).status,
    ).toBe(400);
    expect((await api(emu, token, `${path()}/${first}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(emu, token, `${path()}/${first}`, { method: 'DELETE' })).status).toBe(404);
  });
});
