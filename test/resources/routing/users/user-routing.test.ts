// A user's routing state over real HTTP to the emulator: routing status, presence and the org's presence
// definitions, the user's queues (join/unjoin one or many, paging), and a queue's estimated wait time.
import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, ValidationError } from '../../../../src/index.js';
import { clientFor, emulator } from '../../../transport/helpers.js';
import { activeUser, fail429Once } from '../admin-helpers.js';

describe('users.routingStatus and users.presence', () => {
  it('sets the routing status; the 0.1 call form still reads it', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const userId = activeUser(emu);
    const set = await client.users.routingStatus.set(userId, 'OFF_QUEUE');
    expect(set).toMatchObject({ userId, status: 'OFF_QUEUE' });
    expect((await client.routing.users.routingStatus.get(userId)).status).toBe('OFF_QUEUE');
    expect((await client.routing.users.routingStatus.get(userId)).status).toBe('OFF_QUEUE');
    await expect(client.users.routingStatus.set(userId, 'ASLEEP' as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.users.routingStatus.set('no-such-user', 'IDLE')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sets presence from the org’s definitions; going On Queue makes the agent routable', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const userId = activeUser(emu);
    const definitions = await client.users.presence.definitions();
    expect(definitions.map((d) => d.systemPresence)).toContain('On Queue');
    const onQueue = definitions.find((d) => d.systemPresence === 'On Queue')!;
    const away = definitions.find((d) => d.systemPresence === 'Away')!;

    await client.users.presence.set(userId, { presenceDefinitionId: away.id });
    expect((await client.users.routingStatus.get(userId)).status).toBe('OFF_QUEUE');
    const presence = await client.users.presence.set(userId, { presenceDefinitionId: onQueue.id });
    expect(presence.presenceDefinition).toMatchObject({ id: onQueue.id, systemPresence: 'On Queue' });
    expect((await client.users.presence.get(userId)).presenceDefinition?.id).toBe(onQueue.id);
    expect((await client.users.routingStatus.get(userId)).status).toBe('IDLE');
    // The user's expanded presence names the same definition.
    expect((await client.users.get(userId, { expand: ['presence'] })).presence?.presenceDefinition?.id).toBe(
      onQueue.id,
    );

    const bad = await client.users.presence.set(userId, { presenceDefinitionId: 'nope' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'presenceDefinition.id' }] });

    const fired = fail429Once(emu, 'GET', `/api/v2/users/${userId}/presences/purecloud`);
    expect((await client.users.presence.get(userId)).presenceDefinition?.id).toBe(onQueue.id);
    expect(fired()).toBe(true);
  });
});

describe('users.queues', () => {
  it('lists a user’s queues page by page, unjoins and joins one or many', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueIds = [...emu.state.queues.keys()];
    const userId = activeUser(emu);
    for (const queueId of queueIds) emu.state.addMember(queueId, userId, { joined: true });

    const pages = [];
    for await (const page of client.users.queues.list(userId, { pageSize: 3 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([3, queueIds.length - 3]);
    const listed = await client.users.queues.list(userId).toArray();
    expect(listed.every((q) => q.joined === true && typeof q.name === 'string')).toBe(true);

    const one = await client.users.queues.unjoin(userId, queueIds[0]!);
    expect(one).toEqual([expect.objectContaining({ id: queueIds[0], joined: false })]);
    const many = await client.users.queues.unjoin(userId, queueIds.slice(1, 3));
    expect(many.map((q) => [q.id, q.joined])).toEqual(queueIds.slice(1, 3).map((id) => [id, false]));
    expect((await client.users.queues.list(userId, { joined: false }).toArray()).map((q) => q.id).sort()).toEqual(
      queueIds.slice(0, 3).sort(),
    );
    await client.users.queues.join(userId, queueIds.slice(0, 3));
    expect(await client.users.queues.list(userId, { joined: false }).toArray()).toEqual([]);
    expect(emu.state.members.get(queueIds[0]!)?.get(userId)?.joined).toBe(true);
  });

  it('a queue the user is not a member of: 404 for one, ignored in a bulk call', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = [...emu.state.queues.keys()][0]!;
    const userId = activeUser(emu);
    emu.state.membersOf(queueId).delete(userId);
    await expect(client.users.queues.join(userId, queueId)).rejects.toBeInstanceOf(NotFoundError);
    const other = [...emu.state.queues.keys()][1]!;
    emu.state.addMember(other, userId, { joined: false });
    expect((await client.users.queues.join(userId, [queueId, other])).map((q) => q.id)).toEqual([other]);
    await expect(client.users.queues.join(userId, [])).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('routing.queues.estimatedWaitTime', () => {
  it('0 s with an idle joined agent, longer when every agent is busy; per media type', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = [...emu.state.queues.keys()][0]!;
    const members = [...emu.state.membersOf(queueId).values()].filter((m) => m.joined);
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) emu.state.setRoutingStatus(m.userId, 'INTERACTING');
    const busy = await client.routing.queues.estimatedWaitTime(queueId);
    expect(busy.results[0]?.estimatedWaitTimeSeconds).toBeGreaterThan(0);
    emu.state.setRoutingStatus(members[0]!.userId, 'IDLE');
    const idle = await client.routing.queues.estimatedWaitTime(queueId, { mediaType: 'chat' });
    expect(idle.results[0]).toMatchObject({ intent: 'CHAT', estimatedWaitTimeSeconds: 0 });
    await expect(client.routing.queues.estimatedWaitTime('no-such-queue')).rejects.toBeInstanceOf(NotFoundError);
  });
});
