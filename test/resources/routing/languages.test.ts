// client.routing.languages and client.routing.userLanguages over real HTTP to the emulator: paging, limits,
// typed errors, a retried 429, and the audit trail.
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
  type ResponseEvent,
} from '../../../src/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { activeUser, fail429Once } from './admin-helpers.js';

describe('routing.languages', () => {
  it('creates, lists page by page, reads and deletes languages', async () => {
    const emu = await emulator();
    const { languages } = clientFor(emu).routing;
    const seeded = await languages.list().toArray();
    expect(seeded.map((l) => l.name)).toEqual(['English', 'French', 'German', 'Spanish']);

    const dutch = await languages.create({ name: '  Dutch ' });
    expect(dutch).toMatchObject({ name: 'Dutch', state: 'active' });
    const pages = [];
    for await (const page of languages.list({ pageSize: 2 }).pages()) pages.push(page.items.map((l) => l.name));
    expect(pages).toEqual([['Dutch', 'English'], ['French', 'German'], ['Spanish']]);
    expect((await languages.list({ name: 'fr' }).toArray()).map((l) => l.name)).toEqual(['French']);
    expect((await languages.get(dutch.id)).name).toBe('Dutch');

    await expect(languages.create({ name: 'dutch' })).rejects.toBeInstanceOf(ConflictError);
    await languages.delete(dutch.id);
    expect((await languages.list().toArray()).some((l) => l.id === dutch.id)).toBe(false);
    await expect(languages.delete(dutch.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(emu.state.auditLog.filter((a) => a.entityType === 'RoutingLanguage').map((a) => a.action)).toEqual([
      'Create',
      'Delete',
    ]);
  });

  it('refuses bad input before sending, and maps a missing permission to PermissionDeniedError', async () => {
    const emu = await emulator({
      clients: [{ clientId: 'viewer', clientSecret: 's', permissions: ['routing:queue:view'] }],
    });
    const client = clientFor(emu);
    const before = emu.stats.requests;
    await expect(client.routing.languages.create({ name: ' ' })).rejects.toThrow(/name/);
    await expect(client.routing.languages.get('')).rejects.toBeInstanceOf(ValidationError);
    expect(emu.stats.requests).toBe(before);
    const viewer = clientFor(emu, { clientId: 'viewer', clientSecret: 's' });
    await expect(viewer.routing.languages.create({ name: 'Dutch' })).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('retries a 429 and reports the write that mattered', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const retries: unknown[] = [];
    client.on('retry', (e) => retries.push(e));
    const fired = fail429Once(emu, 'POST', '/api/v2/routing/languages');
    const res = await client.routing.languages.create({ name: 'Italian' }).withResponse();
    expect(res.status).toBe(200);
    expect(res.data.name).toBe('Italian');
    expect(retries).toHaveLength(1);
    expect(fired()).toBe(true);
  });
});

describe('routing.userLanguages', () => {
  it('adds, changes, bulk-patches in calls of 50, replaces and removes a user’s languages', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const { userLanguages } = client.routing;
    const userId = activeUser(emu);
    const all = await client.routing.languages.list().toArray();
    const [english, french, german, spanish] = all.map((l) => l.id) as [string, string, string, string];

    const start = await userLanguages.list(userId).toArray();
    expect(start.length).toBeGreaterThan(0);
    await userLanguages.add(userId, { id: german, proficiency: 2 });
    expect((await userLanguages.setProficiency(userId, german, 4)).proficiency).toBe(4);

    const patched = await userLanguages.patchBulk(userId, [
      { id: french, proficiency: 3 },
      { id: english, proficiency: 5 },
    ]);
    expect(patched.calls).toBe(1);
    expect(patched.languages.find((l) => l.id === french)?.proficiency).toBe(3);

    const replaced = await userLanguages.replaceAll(userId, [{ id: spanish, proficiency: 1 }]);
    expect(replaced.removed.sort()).toEqual([english, french, german].sort());
    expect((await userLanguages.list(userId).toArray()).map((l) => [l.id, l.proficiency])).toEqual([[spanish, 1]]);
    // Users listed with expand=languages see the same.
    expect((await client.routing.users.get(userId, { expand: ['languages'] })).languages).toEqual([
      expect.objectContaining({ id: spanish, proficiency: 1 }),
    ]);

    await userLanguages.remove(userId, spanish);
    expect(await userLanguages.list(userId).toArray()).toEqual([]);
    await expect(userLanguages.remove(userId, spanish)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('splits more than 50 languages into calls of 50; the emulator refuses 51 in one call', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const userId = activeUser(emu);
    const created = [];
    for (let i = 0; i < 51; i++)
      created.push(await client.routing.languages.create({ name: `Lang ${String(i).padStart(2, '0')}` }));
    const responses: ResponseEvent[] = [];
    client.on('response', (e) => responses.push(e));
    const result = await client.routing.userLanguages.patchBulk(
      userId,
      created.map((l) => ({ id: l.id, proficiency: 2 })),
    );
    expect(result.calls).toBe(2);
    expect(responses.filter((r) => r.method === 'PATCH').length).toBe(2);

    const raw = await client
      .request({
        method: 'PATCH',
        path: `/api/v2/users/${userId}/routinglanguages/bulk`,
        body: created.map((l) => ({ id: l.id, proficiency: 1 })),
      })
      .catch((e: unknown) => e);
    expect((raw as { status?: number }).status).toBe(400);
    await expect(
      client.routing.userLanguages.patchBulk(userId, [{ id: created[0]!.id, proficiency: 6 }]),
    ).rejects.toThrow(/items\[0\]\.proficiency/);
    await expect(
      client.routing.userLanguages.add('no-such-user', { id: created[0]!.id, proficiency: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
