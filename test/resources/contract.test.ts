// The resource contract over real HTTP to the emulator: ApiPromise and withResponse(), the client core
// (request, paginate, emit, org), and the noun.verb names of every module.
import { describe, expect, it, vi } from 'vitest';
import {
  ApiPromise,
  isNotFoundError,
  isValidationError,
  notificationTopics as topics,
  type ProgressEvent,
  type ResponseEvent,
} from '../../src/index.js';
import { clientFor, emulator } from '../transport/helpers.js';
import { WebSocket } from 'ws';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function setup() {
  const emu = await emulator({ rateLimit: { requests: 500, windowSeconds: 60 } });
  const client = clientFor(emu, { validation: 'strict' });
  const responses: ResponseEvent[] = [];
  client.on('response', (e) => responses.push(e));
  return { emu, client, responses, queueId: [...emu.state.queues.keys()][0]!, userId: [...emu.state.users.keys()][0]! };
}

describe('ApiPromise and withResponse()', () => {
  it('a read: the data plus the emulator correlation id, status, headers and rate-limit window', async () => {
    const { client, responses, queueId } = await setup();
    const call = client.routing.queues.get(queueId);
    expect(call).toBeInstanceOf(ApiPromise);
    const res = await call.withResponse();
    expect(res.data.id).toBe(queueId);
    expect(res.status).toBe(200);
    expect(res.correlationId).toMatch(UUID);
    expect(res.correlationId).toBe(res.headers.get('inin-correlation-id'));
    expect(res.correlationId).toBe(responses.at(-1)?.correlationId);
    expect(res.correlationIds).toEqual([res.correlationId]);
    expect(res.rateLimit).toEqual({ count: expect.any(Number), allowed: 500, resetSeconds: expect.any(Number) });
    // Awaiting the same ApiPromise gives the data without a second request.
    const before = responses.length;
    expect((await call).id).toBe(queueId);
    expect(responses.length).toBe(before);
  });

  it('a write: the correlation id of the write, also for methods that read first (queues.update)', async () => {
    const { client, responses, queueId, userId } = await setup();
    const skill = await client.routing.skills.create({ name: 'Contract' }).withResponse();
    expect(skill.status).toBe(200);
    expect(skill.correlationId).toMatch(UUID);
    expect(responses.find((r) => r.method === 'POST' && r.correlationId === skill.correlationId)).toBeTruthy();

    const updated = await client.routing.queues
      .update(queueId, (q) => void (q.description = 'changed by the contract test'))
      .withResponse();
    const put = responses.filter((r) => r.method === 'PUT').at(-1);
    expect(updated.data.description).toBe('changed by the contract test');
    expect(updated.correlationId).toBe(put?.correlationId);
    expect(updated.correlationIds).toEqual([put?.correlationId]);
    expect(updated.rateLimit?.allowed).toBe(500);

    const bulk = await client.routing.userSkills
      .patchBulk(userId, [{ id: skill.data.id, proficiency: 3 }])
      .withResponse();
    expect(bulk.correlationId).toBe(bulk.data.correlationIds[0]);
    const members = await client.routing.members.add(queueId, [userId]).withResponse();
    expect(members.correlationId).toBe(responses.filter((r) => r.method === 'POST').at(-1)?.correlationId);
    const channel = await client.notifications.channels.create().withResponse();
    expect(channel.correlationId).toMatch(UUID);
    const deleted = await client.routing.skills.delete(skill.data.id).withResponse();
    expect(deleted).toMatchObject({
      data: undefined,
      status: expect.any(Number),
      correlationId: expect.stringMatching(UUID),
    });
  });

  it('bad input rejects (it never throws synchronously) and sends nothing', async () => {
    const { client, responses } = await setup();
    let call: ApiPromise<unknown> | undefined;
    expect(() => (call = client.routing.skills.get(''))).not.toThrow();
    await expect(call!.withResponse()).rejects.toSatisfy(isValidationError);
    expect(responses).toHaveLength(0);
  });

  it('is lazy-safe: only withResponse() observed, a failure is still one handled rejection', async () => {
    const { client } = await setup();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(client.routing.queues.get('no-such-queue').withResponse()).rejects.toSatisfy(isNotFoundError);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('the client core', () => {
  it('request, paginate, emit and org; the transport is not public', async () => {
    const { emu, client } = await setup();
    expect(client.org).toEqual({ apiBaseUrl: emu.baseUrl, loginBaseUrl: emu.baseUrl, region: undefined });
    expect(Object.isFrozen(client.org)).toBe(true);
    expect('transport' in client).toBe(false);
    expect(Object.keys(client)).not.toContain('transport');

    const skills = await client.request<{ entities: Array<{ id: string }> }>({
      method: 'GET',
      path: '/api/v2/routing/skills',
      query: { pageSize: 5 },
    });
    expect(skills.entities).toHaveLength(5);
    const listed = await client
      .paginate<{ id: string }>(
        { method: 'GET', path: '/api/v2/routing/skills' },
        { style: 'pageNumber' },
        { pageSize: 5 },
      )
      .toArray();
    expect(listed).toHaveLength(emu.state.skills.size);

    const progress: ProgressEvent[] = [];
    client.on('progress', (e) => progress.push(e));
    client.emit('progress', { operation: 'mine', unit: 'items', done: 1, total: 2 });
    expect(progress).toEqual([{ operation: 'mine', unit: 'items', done: 1, total: 2 }]);
  });
});

describe('noun.verb names', () => {
  const day = { from: new Date('2025-03-05T00:00:00Z'), to: new Date('2025-03-06T00:00:00Z') };

  it('analytics: observations, aggregates, userAggregates, details, detailsJobs', async () => {
    const { emu, client, queueId } = await setup();
    emu.state.now = () => new Date('2025-03-20T12:00:00Z');
    const { analytics } = client;
    const obs = await analytics.observations.query({ queueIds: [queueId], metrics: ['oWaiting'] }).withResponse();
    expect(obs.data.results?.length).toBeGreaterThan(0);
    expect(obs.correlationId).toMatch(UUID);
    expect((await analytics.observations.queueLoad([queueId]))[0]?.queueId).toBe(queueId);
    expect(
      (await analytics.aggregates.query({ interval: day, metrics: ['nOffered'], groupBy: ['queueId'] })).results
        ?.length,
    ).toBeGreaterThan(0);
    const users = await analytics.userAggregates.query({ interval: day, metrics: ['tAgentRoutingStatus'] });
    expect(users.results?.length).toBeGreaterThan(0);
    expect((await analytics.details.query({ interval: day }, { pageSize: 5 }).first())?.conversationId).toEqual(
      expect.any(String),
    );

    expect((await analytics.detailsJobs.availability()).dataAvailabilityDate).toEqual(expect.any(String));
    const job = await analytics.detailsJobs.create({ interval: day });
    expect(job.jobId).toEqual(expect.any(String));
    expect((await analytics.detailsJobs.get(job.jobId)).state).toEqual(expect.any(String));
    await analytics.detailsJobs.cancel(job.jobId);
    const run = await analytics.detailsJobs.run({ interval: day }, { pollIntervalMs: 10 });
    expect((await run.first())?.conversationId).toEqual(expect.any(String));
    expect((await analytics.detailsJobs.results(run.jobId).first())?.conversationId).toEqual(expect.any(String));
    expect(() => analytics.detailsJobs.results('')).toThrow(/jobId/);
  });

  it('audit: realtime.query/related/serviceMapping, queries.create/get/waitFor/results/run/serviceMapping', async () => {
    const { client, queueId } = await setup();
    await client.routing.queues.update(queueId, (q) => void (q.description = 'audited'));
    const interval = { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) };
    const { audit } = client;
    const recent = await audit.realtime.query({ interval, serviceName: 'Routing' }).toArray();
    expect(recent.length).toBeGreaterThan(0);
    expect(Array.isArray(await audit.realtime.related(recent[0]!.id))).toBe(true);
    expect((await audit.realtime.serviceMapping()).services?.length).toBeGreaterThan(0);
    expect((await audit.queries.serviceMapping()).services?.length).toBeGreaterThan(0);
    const submitted = await audit.queries.create({ interval, serviceName: 'Routing' });
    expect((await audit.queries.get(submitted.id)).id).toBe(submitted.id);
    const done = await audit.queries.waitFor(submitted, { pollIntervalMs: 10 });
    expect(done.state).toBe('Succeeded');
    expect((await audit.queries.results(done.id).toArray()).length).toBe(recent.length);
    expect(
      (await (await audit.queries.run({ interval, serviceName: 'Routing' }, { pollIntervalMs: 10 })).toArray()).length,
    ).toBe(recent.length);
  });

  it('notifications: channels, subscriptions, topics, streams', async () => {
    const { client, queueId } = await setup();
    const { notifications } = client;
    expect(notifications.topics).toBe(topics);
    const channel = await notifications.channels.create();
    expect(await notifications.channels.exists(channel.id)).toBe(true);
    expect((await notifications.channels.list()).map((c) => c.id)).toContain(channel.id);
    expect(notifications.channels.tracked()).toEqual([channel.id]);
    const topic = topics.queueMembers(queueId);
    expect((await notifications.subscriptions.add(channel.id, [topic])).map((t) => t.id)).toEqual([topic]);
    expect((await notifications.subscriptions.replace(channel.id, [topic])).map((t) => t.id)).toEqual([topic]);
    expect((await notifications.subscriptions.list(channel.id)).map((t) => t.id)).toEqual([topic]);
    await notifications.subscriptions.clear(channel.id);
    expect(await notifications.subscriptions.list(channel.id)).toEqual([]);
    // The ws package's WebSocket: Node 20 has no global one.
    const stream = await notifications.streams.open({ topics: [topic], WebSocket });
    expect(stream.state).toBe('open');
    await stream.close();
  });
});
