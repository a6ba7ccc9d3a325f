// Notification channels and subscriptions over real HTTP to the emulator.
import { describe, expect, it } from 'vitest';
import { isNotFoundError, isPermissionDeniedError, isValidationError, isBadRequestError } from '../../../src/index.js';
import { ChannelLimitError, MAX_CHANNELS_PER_CLIENT } from '../../../src/resources/notifications/index.js';
import { topics } from '../../../src/resources/webhooks/index.js';
import { emulator, firstQueueId, webhooksFor } from './helpers.js';

describe('notification channels', () => {
  it('creates, lists and checks channels; subscriptions can be added, replaced, listed and cleared', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const channel = await webhooks.channels.create();
    expect(channel.id).toMatch(/^streaming-0-/);
    expect(channel.connectUri).toBe(`ws://127.0.0.1:${emu.port}/channels/${channel.id}`);
    expect(Date.parse(channel.expires!) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect((await webhooks.channels.list()).map((c) => c.id)).toEqual([channel.id]);
    expect(await webhooks.channels.exists(channel.id)).toBe(true);
    expect(await webhooks.channels.exists('streaming-0-doesnotexist')).toBe(false);

    const queueId = firstQueueId(emu);
    const userId = emu.state.users.keys().next().value!;
    const added = await webhooks.subscriptions.add(channel.id, [topics.queueMembers(queueId)]);
    expect(added).toEqual([{ id: `v2.routing.queues.${queueId}.users`, state: 'Permitted' }]);
    await webhooks.subscriptions.add(channel.id, [topics.userRoutingStatus(userId), topics.queueMembers(queueId)]);
    expect((await webhooks.subscriptions.list(channel.id)).map((t) => t.id)).toEqual([
      `v2.routing.queues.${queueId}.users`,
      `v2.users.${userId}.routingStatus`,
    ]);

    const replaced = await webhooks.subscriptions.replace(channel.id, [topics.audits('Queue', queueId)]);
    expect(replaced.map((t) => t.id)).toEqual([`v2.audits.entitytype.Queue.entityid.${queueId}`]);
    await webhooks.subscriptions.clear(channel.id);
    expect(await webhooks.subscriptions.list(channel.id)).toEqual([]);

    emu.notifications.removeChannel(channel.id);
    expect(await webhooks.channels.exists(channel.id)).toBe(false);
    const gone = await webhooks.subscriptions.list(channel.id).catch((e: unknown) => e);
    expect(isNotFoundError(gone)).toBe(true);
  });

  it('reports rejected topics as ChannelTopic results with ignoreErrors, and fails without it', async () => {
    const emu = await emulator({ permissions: ['routing:queue:view'] });
    const { webhooks } = webhooksFor(emu);
    const channel = await webhooks.channels.create();
    const queueId = firstQueueId(emu);
    const results = await webhooks.subscriptions.add(
      channel.id,
      [topics.queueMembers(queueId), topics.audits('Queue', queueId), 'v2.not.a.topic'],
      { ignoreErrors: true },
    );
    expect(results).toEqual([
      { id: `v2.routing.queues.${queueId}.users`, state: 'Permitted' },
      {
        id: `v2.audits.entitytype.Queue.entityid.${queueId}`,
        state: 'Rejected',
        rejectionReason: expect.any(String),
        missingPermissions: ['audits:audit:view'],
      },
      { id: 'v2.not.a.topic', state: 'Rejected', rejectionReason: expect.stringContaining('not a valid') },
    ]);
    const denied = await webhooks.subscriptions
      .add(channel.id, [topics.audits('Queue', queueId)])
      .catch((e: unknown) => e);
    expect(isPermissionDeniedError(denied)).toBe(true);
    const invalid = await webhooks.subscriptions.add(channel.id, ['v2.not.a.topic']).catch((e: unknown) => e);
    expect(isBadRequestError(invalid)).toBe(true);
    expect((await webhooks.subscriptions.list(channel.id)).map((t) => t.id)).toEqual([
      `v2.routing.queues.${queueId}.users`,
    ]);
  });

  it('enforces 1,000 topics per channel in the SDK (before any request) and in the emulator', async () => {
    const emu = await emulator();
    const { client, webhooks } = webhooksFor(emu);
    const channel = await webhooks.channels.create();
    const many = (n: number, offset = 0) =>
      Array.from({ length: n }, (_, i) => topics.userRoutingStatus(`user-${i + offset}`));

    const tooMany = await webhooks.subscriptions.add(channel.id, many(1_001)).catch((e: unknown) => e);
    expect(isValidationError(tooMany)).toBe(true);
    expect(String(tooMany)).toContain('at most 1000 topics');

    expect(await webhooks.subscriptions.add(channel.id, many(999))).toHaveLength(999);
    const requests = emu.stats.requestLog.length;
    const overflow = await webhooks.subscriptions.add(channel.id, many(2, 999)).catch((e: unknown) => e);
    expect(isValidationError(overflow)).toBe(true);
    expect(emu.stats.requestLog.length).toBe(requests); // refused locally

    // The emulator enforces the limit for clients that do not know the channel's topics.
    const raw = await client
      .request({
        method: 'POST',
        path: `/api/v2/notifications/channels/${channel.id}/subscriptions`,
        body: many(2, 999).map((id) => ({ id })),
      })
      .catch((e: unknown) => e);
    expect(isBadRequestError(raw)).toBe(true);
    expect(await webhooks.subscriptions.add(channel.id, many(1, 999))).toHaveLength(1_000);
  });

  it('the 21st channel evicts the least recently used one (unconnected first); the SDK warns', async () => {
    const emu = await emulator();
    const warnings: string[] = [];
    const { webhooks } = webhooksFor(emu, { logger: { warn: (message) => warnings.push(message) } });
    const created = [];
    for (let i = 0; i < MAX_CHANNELS_PER_CLIENT; i++) created.push(await webhooks.channels.create());
    // Using the oldest channel makes the second one the least recently used.
    await webhooks.subscriptions.add(created[0]!.id, [topics.userPresence('u1')]);
    expect(warnings).toEqual([]);
    const extra = await webhooks.channels.create();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('evict');
    expect(await webhooks.channels.exists(created[1]!.id)).toBe(false);
    expect(await webhooks.channels.exists(created[0]!.id)).toBe(true);
    expect(await webhooks.channels.exists(extra.id)).toBe(true);
    expect(await webhooks.channels.list()).toHaveLength(MAX_CHANNELS_PER_CLIENT);
  });

  it('refuses a channel that would evict one used by an open stream, unless allowEviction', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu, { logger: { warn: () => undefined } });
    const streams = [];
    for (let i = 0; i < MAX_CHANNELS_PER_CLIENT; i++)
      streams.push(await webhooks.streams.open({ topics: [topics.userPresence(`u${i}`)] }));
    const refused = await webhooks.channels.create().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChannelLimitError);
    expect(await webhooks.channels.create({ allowEviction: true })).toMatchObject({ id: expect.any(String) });
    await Promise.all(streams.map((s) => s.close()));
  });
});
