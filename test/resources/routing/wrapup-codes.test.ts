// Wrap-up codes (org and per queue) and utilization labels over real HTTP to the emulator.
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, PermissionDeniedError, ValidationError } from '../../../src/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { fail429Once } from './admin-helpers.js';

describe('routing.wrapupCodes', () => {
  it('CRUD with paging and unique names', async () => {
    const emu = await emulator();
    const { wrapupCodes } = clientFor(emu).routing;
    const seeded = await wrapupCodes.list().toArray();
    expect(seeded.length).toBe(4);
    const code = await wrapupCodes.create({ name: 'Refund issued', description: 'money back' });
    expect(code).toMatchObject({
      name: 'Refund issued',
      description: 'money back',
      division: { id: emu.state.homeDivision.id },
    });
    const pages = [];
    for await (const page of wrapupCodes.list({ pageSize: 2 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 1]);
    await expect(wrapupCodes.create({ name: 'refund ISSUED' })).rejects.toBeInstanceOf(ConflictError);
    const updated = await wrapupCodes.update(code.id, { name: 'Refunded' });
    expect(updated.name).toBe('Refunded');
    expect(updated.description).toBeUndefined();
    await wrapupCodes.delete(code.id);
    await expect(wrapupCodes.get(code.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(emu.state.auditLog.filter((a) => a.entityType === 'WrapupCode').map((a) => a.action)).toEqual([
      'Create',
      'Update',
      'Delete',
    ]);
  });

  it('a queue’s codes: list, add (in calls of at most 100), remove; a 429 on add is retried', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = [...emu.state.queues.keys()][0]!;
    const before = await client.routing.queueWrapupCodes.list(queueId).toArray();
    expect(before.length).toBe(2);
    const code = await client.routing.wrapupCodes.create({ name: 'Escalated' });
    const fired = fail429Once(emu, 'POST', `/api/v2/routing/queues/${queueId}/wrapupcodes`);
    const added = await client.routing.queueWrapupCodes.add(queueId, [code.id]);
    expect(fired()).toBe(true);
    expect(added.map((c) => c.id)).toEqual([code.id]);
    expect((await client.routing.queueWrapupCodes.list(queueId).toArray()).map((c) => c.id)).toContain(code.id);
    await client.routing.queueWrapupCodes.remove(queueId, code.id);
    await expect(client.routing.queueWrapupCodes.remove(queueId, code.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.routing.queueWrapupCodes.add(queueId, [])).rejects.toBeInstanceOf(ValidationError);
    const raw = await client
      .request({
        method: 'POST',
        path: `/api/v2/routing/queues/${queueId}/wrapupcodes`,
        body: Array.from({ length: 101 }, () => ({ id: code.id })),
      })
      .catch((e: unknown) => e);
    expect((raw as { status?: number }).status).toBe(400);
    expect(emu.state.auditLog.filter((a) => a.entityType === 'Queue').map((a) => a.action)).toEqual([
      'WrapupCodeAdd',
      'WrapupCodeRemove',
    ]);
  });

  it('needs routing:wrapupCode:view', async () => {
    const emu = await emulator({
      clients: [{ clientId: 'viewer', clientSecret: 's', permissions: ['routing:queue:view'] }],
    });
    const viewer = clientFor(emu, { clientId: 'viewer', clientSecret: 's' });
    await expect(viewer.routing.wrapupCodes.list().toArray()).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('routing.utilization.labels', () => {
  it('create, list, rename, delete', async () => {
    const emu = await emulator();
    const { labels } = clientFor(emu).routing.utilization;
    expect(await labels.list().toArray()).toEqual([]);
    const vip = await labels.create('VIP');
    await labels.create('Callback');
    expect((await labels.list().toArray()).map((l) => l.name)).toEqual(['Callback', 'VIP']);
    await expect(labels.create('vip')).rejects.toBeInstanceOf(ConflictError);
    expect((await labels.rename(vip.id, 'Premium')).name).toBe('Premium');
    expect((await labels.get(vip.id)).name).toBe('Premium');
    await labels.delete(vip.id);
    await expect(labels.get(vip.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(labels.create(' ')).rejects.toBeInstanceOf(ValidationError);
  });
});
