// client.routing.queues over real HTTP to the emulator: create, read-modify-write update, delete, errors.
import { describe, expect, it } from 'vitest';
import { ConflictError, GenesysError, NotFoundError, ValidationError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { toQueueRequest } from '../../../src/resources/routing/queue-request.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const firstQueueId = (emu: Emulator) => [...emu.state.queues.keys()][0] as string;
const calls = (emu: Emulator, method: string, pathPrefix: string) =>
  emu.stats.requestLog.filter((r) => r.method === method && r.path.startsWith(pathPrefix)).length;

describe('routing.queues', () => {
  it('creates a queue with the given settings and defaults for the rest', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const created = await client.routing.queues.create({
      name: '  Billing Overflow ',
      description: 'overflow',
      skillEvaluationMethod: 'BEST',
      mediaSettings: { chat: { alertingTimeoutSeconds: 20, serviceLevel: { percentage: 0.7, durationMs: 45_000 } } },
      queueFlow: { id: 'flow-1', name: 'Inbound' },
    });
    expect(created.name).toBe('Billing Overflow');
    const record = emu.state.queues.get(created.id);
    expect(record?.skillEvaluationMethod).toBe('BEST');
    expect(record?.mediaSettings.chat).toEqual({
      alertingTimeoutSeconds: 20,
      serviceLevel: { percentage: 0.7, durationMs: 45_000 },
      enableAutoAnswer: false,
    });
    expect(created['queueFlow']).toEqual({ id: 'flow-1', name: 'Inbound' });
    expect(created.memberCount).toBe(0);
    expect(emu.state.auditLog.at(-1)).toMatchObject({
      action: 'Create',
      entityType: 'Queue',
      entity: { id: created.id },
    });
  });

  it('rejects bad create input before sending anything, and maps a duplicate name to ConflictError', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const bad = client.routing.queues.create({
      name: 'X',
      mediaSettings: { call: { serviceLevel: { percentage: 80 } } },
    });
    await expect(bad).rejects.toThrow(ValidationError);
    await expect(bad).rejects.toThrow(/mediaSettings\.call\.serviceLevel\.percentage/);
    await expect(client.routing.queues.create({ name: ' ' })).rejects.toThrow(/name: is required/);
    expect(calls(emu, 'POST', '/api/v2/routing/queues')).toBe(0);

    const existing = emu.state.queues.get(firstQueueId(emu))?.name as string;
    await expect(client.routing.queues.create({ name: existing.toUpperCase() })).rejects.toBeInstanceOf(ConflictError);
  });

  it('update() round-trips the whole queue: unrelated fields survive', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = firstQueueId(emu);
    const before = structuredClone(emu.state.queues.get(queueId)!);
    const membersBefore = emu.state.members.get(queueId)?.size;

    const updated = await client.routing.queues.update(queueId, (q) => {
      q.description = 'retuned';
      if (q.mediaSettings?.['call']?.serviceLevel) q.mediaSettings['call'].serviceLevel.percentage = 0.95;
    });

    const after = emu.state.queues.get(queueId)!;
    expect(after.description).toBe('retuned');
    expect(after.mediaSettings.call.serviceLevel.percentage).toBe(0.95);
    // Everything else is exactly as before: the PUT carried the complete queue.
    expect(after.mediaSettings.chat).toEqual(before.mediaSettings.chat);
    expect(after.mediaSettings.call.alertingTimeoutSeconds).toBe(before.mediaSettings.call.alertingTimeoutSeconds);
    expect(after.acwSettings).toEqual(before.acwSettings);
    expect(after.bullseye).toEqual(before.bullseye);
    expect(after.skillEvaluationMethod).toBe(before.skillEvaluationMethod);
    expect(after.dateCreated).toBe(before.dateCreated);
    expect(after.dateModified).not.toBe(before.dateModified);
    expect(updated.memberCount).toBe(membersBefore);
    expect(
      emu.state.auditLog
        .at(-1)
        ?.propertyChanges.map((c) => c.property)
        .sort(),
    ).toEqual(['description', 'mediaSettings']);
  });

  it('update() keeps QueueRequest fields the emulator only stores (queueFlow) and accepts a returned copy', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const created = await client.routing.queues.create({
      name: 'Flows',
      queueFlow: { id: 'flow-9' },
      memberGroups: [{ id: 'g1', type: 'GROUP' }],
    });
    await client.routing.queues.update(created.id, (q) => ({ ...q, scoringMethod: 'PriorityOnly' }));
    const read = await client.routing.queues.get(created.id);
    expect(read.scoringMethod).toBe('PriorityOnly');
    expect(read['queueFlow']).toEqual({ id: 'flow-9' });
    expect(read.memberGroups).toEqual([{ id: 'g1', type: 'GROUP' }]);
  });

  it('the PUT body leaves out read-only fields and reduces division to its id', () => {
    const body = toQueueRequest({
      id: 'q1',
      name: 'Q',
      selfUri: '/api/v2/routing/queues/q1',
      dateCreated: '2025-01-01T00:00:00Z',
      dateModified: '2025-01-02T00:00:00Z',
      createdBy: 'u1',
      modifiedBy: 'u2',
      memberCount: 3,
      userMemberCount: 3,
      joinedMemberCount: 2,
      division: { id: 'd1', name: 'Home', selfUri: '/api/v2/authorization/divisions/d1' },
      queueFlow: { id: 'f1' },
    });
    expect(body).toEqual({ name: 'Q', division: { id: 'd1' }, queueFlow: { id: 'f1' } });
  });

  it('update() sends no PUT when the mutation changes nothing', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = firstQueueId(emu);
    const audits = emu.state.auditLog.length;
    await client.routing.queues.update(queueId, () => undefined);
    expect(calls(emu, 'PUT', '/api/v2/routing/queues')).toBe(0);
    expect(emu.state.auditLog.length).toBe(audits);
  });

  it('update() starts over when another writer changed the queue meanwhile', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = firstQueueId(emu);
    let runs = 0;
    await client.routing.queues.update(queueId, (q) => {
      runs++;
      if (runs === 1) {
        // Another writer changes the queue between our GET and our PUT.
        const record = emu.state.queues.get(queueId)!;
        record.description = 'changed by someone else';
        record.dateModified = '2030-01-01T00:00:00.000Z';
      }
      q.lastAgentRoutingMode = 'QueueMembersOnly';
    });
    expect(runs).toBe(2);
    const record = emu.state.queues.get(queueId)!;
    expect(record.lastAgentRoutingMode).toBe('QueueMembersOnly');
    expect(record.description).toBe('changed by someone else');

    let tick = 0;
    const always = client.routing.queues.update(
      queueId,
      (q) => {
        emu.state.queues.get(queueId)!.dateModified = new Date(Date.UTC(2031, 0, 1) + ++tick * 1000).toISOString();
        q.description = 'mine';
      },
      { maxAttempts: 2 },
    );
    await expect(always).rejects.toThrow(GenesysError);
    await expect(always).rejects.toThrow(/changed 2 times/);
  });

  it('update() validates the mutated queue before the PUT', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = firstQueueId(emu);
    await expect(client.routing.queues.update(queueId, (q) => ({ ...q, name: '' }))).rejects.toThrow(
      /queue\.name: is required/,
    );
    await expect(client.routing.queues.update(queueId, (q) => ({ ...q, id: 'other' }))).rejects.toThrow(
      /ids cannot change/,
    );
    expect(calls(emu, 'PUT', '/api/v2/routing/queues')).toBe(0);
  });

  it('deletes a queue (forceDelete sent as a query param) and maps unknown ids to NotFoundError', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = firstQueueId(emu);
    await client.routing.queues.delete(queueId, { forceDelete: true });
    expect(emu.state.queues.has(queueId)).toBe(false);
    expect(emu.stats.requestLog.at(-1)?.url).toBe(`/api/v2/routing/queues/${queueId}?forceDelete=true`);
    await expect(client.routing.queues.get(queueId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.routing.queues.delete(queueId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.routing.queues.update(queueId, () => undefined)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists queues across pages', async () => {
    const emu = await emulator({ org: { users: 10, skills: 2, queues: 7 } });
    const client = clientFor(emu);
    const names = (await client.routing.queues.list({ pageSize: 3 }).toArray()).map((q) => q.name);
    expect(names).toEqual([...emu.state.queues.values()].map((q) => q.name).sort((a, b) => a.localeCompare(b)));
    expect(calls(emu, 'GET', '/api/v2/routing/queues')).toBe(3);
  });
});
