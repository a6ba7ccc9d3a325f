// openStream() against the emulator's real WebSocket endpoint: typed events, heartbeats, reconnects, close.
import { describe, expect, it } from 'vitest';
import { isRequestAbortedError, isValidationError, type ValidationIssueEvent } from '../../../src/index.js';
import { WebSocket as WsWebSocket } from 'ws';
import { topics, type NotificationEvent } from '../../../src/resources/webhooks/index.js';
import type { StreamEvents } from '../../../src/resources/notifications/index.js';
import type { WebSocketConstructor } from '../../../src/internal/websocket/types.js';
import { emulator, firstQueueId, nextEvent, nonMember, take, webhooksFor } from './helpers.js';

const FAST = { heartbeatTimeoutMs: 2_000, reconnect: { baseMs: 10, maxMs: 50 } };
type Connected = StreamEvents<NotificationEvent>['connected'][0];
type Reconnecting = StreamEvents<NotificationEvent>['reconnecting'][0];

describe('notification stream', () => {
  it('delivers a queue membership change made through the REST API as a typed event', async () => {
    const emu = await emulator();
    const { client, webhooks } = webhooksFor(emu);
    const queueId = firstQueueId(emu);
    const userId = nonMember(emu, queueId);
    const stream = await webhooks.streams.open({ topics: [topics.queueMembers(queueId)], ...FAST });
    expect(stream.state).toBe('open');
    expect(emu.notifications.channels()).toEqual([
      expect.objectContaining({
        id: stream.channel!.id,
        connected: true,
        topics: [`v2.routing.queues.${queueId}.users`],
      }),
    ]);

    const iterator = stream[Symbol.asyncIterator]();
    await client.request({ method: 'POST', path: `/api/v2/routing/queues/${queueId}/members`, body: [{ id: userId }] });
    const added = await take(iterator, () => true);
    expect(added.kind).toBe('queueMembers');
    if (added.kind !== 'queueMembers') return;
    // Typed: eventBody is QueueMemberNotification, ids carry the queue id parsed from the topic.
    expect(added.ids.queueId).toBe(queueId);
    expect(added.eventBody).toEqual({ id: userId, user: { id: userId }, queueId, joined: true });
    expect(added.metadata.CorrelationId).toMatch(/[0-9a-f-]{36}/);

    await client.request({ method: 'DELETE', path: `/api/v2/routing/queues/${queueId}/members/${userId}` });
    const removed = await take(iterator, () => true);
    expect(removed.eventBody).toMatchObject({ id: userId, joined: false });
    await stream.close();
  });

  it('delivers routing status and audit events, with the emitter and the iterator', async () => {
    const emu = await emulator();
    const { client, webhooks } = webhooksFor(emu);
    const queueId = firstQueueId(emu);
    const userId = emu.state.users.keys().next().value!;
    const newMember = nonMember(emu, queueId);
    const stream = await webhooks.streams.open({
      topics: [topics.userRoutingStatus(userId), topics.audits('Queue', queueId)],
      ...FAST,
    });
    const viaEmitter: NotificationEvent[] = [];
    stream.on('message', (event) => viaEmitter.push(event));

    emu.state.setRoutingStatus(userId, 'INTERACTING');
    const status = await take(stream[Symbol.asyncIterator](), (e) => e.kind === 'userRoutingStatus');
    expect(status.eventBody).toMatchObject({
      id: userId,
      routingStatus: { status: 'INTERACTING', startTime: expect.any(String) },
    });

    await client.request({
      method: 'POST',
      path: `/api/v2/routing/queues/${queueId}/members`,
      body: [{ id: newMember }],
    });
    const audit = await take(stream[Symbol.asyncIterator](), (e) => e.kind === 'audits');
    if (audit.kind !== 'audits') throw new Error('narrowing');
    expect(audit.ids).toEqual({ entityType: 'Queue', entityId: queueId });
    expect(audit.eventBody).toMatchObject({
      action: 'MemberAdd',
      entityType: 'Queue',
      entity: { id: queueId },
      clientId: { id: emu.clientId },
      eventTime: expect.any(String),
    });
    expect(viaEmitter.map((e) => e.kind)).toEqual(['userRoutingStatus', 'audits']);
    await stream.close();
  });

  it('reassembles messages the server fragments', async () => {
    const emu = await emulator();
    emu.notifications.configure({ fragmentSize: 1_000 });
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], ...FAST });
    emu.notifications.publish('v2.users.u1.presence', {
      source: 'PURECLOUD',
      presenceDefinition: { systemPresence: 'Available' },
      message: 'x'.repeat(70_000),
    });
    const event = await take(stream[Symbol.asyncIterator](), () => true);
    expect(event).toMatchObject({
      kind: 'userPresence',
      ids: { userId: 'u1' },
      eventBody: { presenceDefinition: { systemPresence: 'Available' } },
    });
    await stream.close();
  });

  it('filters heartbeats out of the events but uses them for liveness', async () => {
    const emu = await emulator();
    emu.notifications.configure({ heartbeatIntervalMs: 40 });
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({
      topics: ['v2.users.u1.presence'],
      heartbeatTimeoutMs: 300,
      reconnect: { baseMs: 10, maxMs: 50 },
    });
    let heartbeats = 0;
    let reconnects = 0;
    stream.on('heartbeat', () => heartbeats++);
    stream.on('reconnecting', () => reconnects++);
    const messages: unknown[] = [];
    stream.on('message', (e) => messages.push(e));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(heartbeats).toBeGreaterThanOrEqual(5);
    expect(messages).toEqual([]);
    expect(reconnects).toBe(0); // heartbeats kept the 300 ms watchdog from firing

    // No heartbeats any more: the watchdog reconnects.
    emu.notifications.configure({ heartbeatIntervalMs: 60_000 });
    const reconnecting = await nextEvent<Reconnecting>(stream, 'reconnecting');
    expect(reconnecting.reason).toBe('heartbeat-timeout');
    const connected = await nextEvent<Connected>(stream, 'connected');
    expect(connected).toMatchObject({ reconnected: true, newChannel: false });
    await stream.close();
  });

  it('reconnects after the connections drop, re-subscribes, and still receives events', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const queueId = firstQueueId(emu);
    const userId = nonMember(emu, queueId);
    const stream = await webhooks.streams.open({ topics: [topics.queueMembers(queueId)], ...FAST });
    const channelId = stream.channel!.id;
    const connected = nextEvent<Connected>(stream, 'connected');
    const reconnecting = nextEvent<Reconnecting>(stream, 'reconnecting');
    expect(emu.notifications.dropConnections()).toBe(1);
    expect((await reconnecting).reason).toBe('connection-lost');
    expect(await connected).toEqual({ channelId, reconnected: true, newChannel: false });
    expect(stream.reconnects).toBe(1);
    // Re-subscribed: a PUT of the same topics after the reconnect.
    const puts = emu.stats.requestLog.filter((r) => r.method === 'PUT' && r.path.endsWith('/subscriptions'));
    expect(puts).toHaveLength(2);

    emu.state.addMember(queueId, userId);
    const event = await take(stream[Symbol.asyncIterator](), () => true);
    expect(event.eventBody).toMatchObject({ id: userId, queueId, joined: true });
    await stream.close();
  });

  it('creates a new channel and re-subscribes when the old one is gone', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], ...FAST });
    const oldId = stream.channel!.id;
    const connected = nextEvent<Connected>(stream, 'connected');
    emu.notifications.removeChannel(oldId); // closes its socket too
    const info = await connected;
    expect(info.newChannel).toBe(true);
    expect(info.channelId).not.toBe(oldId);
    expect(emu.notifications.channels().map((c) => [c.id, c.topics])).toEqual([
      [info.channelId, ['v2.users.u1.presence']],
    ]);
    emu.notifications.publish('v2.users.u1.presence', { source: 'PURECLOUD' });
    expect((await take(stream[Symbol.asyncIterator](), () => true)).kind).toBe('userPresence');
    await stream.close();
  });

  it('reconnects proactively on v2.system.socket_closing, before the server closes the socket', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], ...FAST });
    const reconnecting = nextEvent<Reconnecting>(stream, 'reconnecting');
    const connected = nextEvent<Connected>(stream, 'connected');
    // The emulator would only close the old socket after 60 s.
    expect(emu.notifications.sendSocketClosing()).toBe(1);
    expect(await reconnecting).toMatchObject({ reason: 'socket-closing', delayMs: 0 });
    expect(await connected).toMatchObject({ reconnected: true, newChannel: false });
    expect(emu.notifications.connectionCount()).toBe(1);
    emu.notifications.publish('v2.users.u1.presence', { source: 'PURECLOUD', message: 'after' });
    const event = await take(stream[Symbol.asyncIterator](), () => true);
    expect(event.eventBody).toMatchObject({ message: 'after' });
    await stream.close();
  });

  it('ends iteration when the signal aborts, and close() is idempotent', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const controller = new AbortController();
    const stream = await webhooks.streams.open({
      topics: ['v2.users.u1.presence'],
      signal: controller.signal,
      ...FAST,
      WebSocket: WsWebSocket as unknown as WebSocketConstructor,
    });
    const closed = nextEvent<{ reason: string }>(stream, 'closed');
    const seen: NotificationEvent[] = [];
    const loop = (async () => {
      for await (const event of stream) seen.push(event);
      return 'ended';
    })();
    emu.notifications.publish('v2.users.u1.presence', { source: 'PURECLOUD' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await loop).toBe('ended');
    expect(seen).toHaveLength(1);
    expect((await closed).reason).toBe('aborted');
    expect(stream.state).toBe('closed');
    await stream.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(emu.notifications.connectionCount()).toBe(0);
  });

  it('breaking out of for-await closes the stream', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], ...FAST });
    emu.notifications.publish('v2.users.u1.presence', { source: 'A' });
    emu.notifications.publish('v2.users.u1.presence', { source: 'B' });
    for await (const event of stream) {
      expect(event.eventBody).toMatchObject({ source: 'A' });
      break;
    }
    expect(stream.state).toBe('closed');
  });

  it('fails iteration with an error when reconnect is off and the connection drops', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], reconnect: false });
    const iterator = stream[Symbol.asyncIterator]();
    const pending = iterator.next();
    emu.notifications.dropConnections();
    await expect(pending).rejects.toThrow(/WebSocket closed/);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('rejects bad topics before connecting, and topics the platform refuses', async () => {
    const emu = await emulator({ permissions: ['routing:queue:view'] });
    const { webhooks } = webhooksFor(emu);
    const bad = await webhooks.streams.open({ topics: ['has space'] }).catch((e: unknown) => e);
    expect(isValidationError(bad)).toBe(true);
    expect(emu.stats.requestLog).toHaveLength(0);

    const queueId = firstQueueId(emu);
    const refused = await webhooks.streams
      .open({ topics: [topics.queueMembers(queueId), topics.audits('Queue', queueId)] })
      .catch((e: unknown) => e);
    expect(isValidationError(refused)).toBe(true);
    expect(String(refused)).toContain('missing permissions: audits:audit:view');
    expect(emu.notifications.connectionCount()).toBe(0);

    const partial = await webhooks.streams.open({
      topics: [topics.queueMembers(queueId), topics.audits('Queue', queueId)],
      allowRejectedTopics: true,
    });
    expect(partial.rejectedTopics.map((t) => t.id)).toEqual([topics.audits('Queue', queueId)]);
    await partial.close();

    const aborted = await webhooks.streams
      .open({ topics: ['v2.users.u1.presence'], signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(isRequestAbortedError(aborted)).toBe(true);
  });

  it('reports payloads that do not match their model as validation issues (warn mode)', async () => {
    const emu = await emulator();
    const { client, webhooks } = webhooksFor(emu);
    const issues: ValidationIssueEvent[] = [];
    client.on('validationIssue', (e) => issues.push(e));
    const stream = await webhooks.streams.open({ topics: ['v2.routing.queues.q1.users'], ...FAST });
    emu.notifications.publish('v2.routing.queues.q1.users', { id: 'u1', joined: 'yes' });
    const event = await take(stream[Symbol.asyncIterator](), () => true);
    expect(event.eventBody).toEqual({ id: 'u1', joined: 'yes' });
    expect(issues[0]?.issues[0]?.path).toBe('eventBody.joined');
    await stream.close();
  });

  it('renews the subscription before the channel expires', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const stream = await webhooks.streams.open({ topics: ['v2.users.u1.presence'], renewAfterMs: 60, ...FAST });
    // Renewals every 60 ms: wait for three of them (a busy machine may delay timers), at most 5 s.
    const puts = () => emu.stats.requestLog.filter((r) => r.method === 'PUT' && r.path.endsWith('/subscriptions'));
    for (const deadline = Date.now() + 5_000; puts().length < 3 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(puts().length).toBeGreaterThanOrEqual(3);
    expect(stream.reconnects).toBe(0);
    await stream.close();
  });
});
