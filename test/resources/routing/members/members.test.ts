// client.routing.members over real HTTP: chunked add/remove, ring numbers, asynchronous bulk join.
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  TimeoutError,
  ValidationError,
  type ProgressEvent,
} from '../../../../src/index.js';
import type { Emulator } from '../../../../src/testing/index.js';
import { clientFor, emulator } from '../../../transport/helpers.js';

/** An org with one queue and enough active non-members for 101-user batches. */
async function setup() {
  const emu = await emulator({ org: { users: 320, skills: 3, queues: 1 } });
  const queueId = [...emu.state.queues.keys()][0] as string;
  const members = emu.state.members.get(queueId)!;
  const outsiders = [...emu.state.users.values()]
    .filter((u) => u.state === 'active' && !members.has(u.id))
    .map((u) => u.id);
  return { emu, client: clientFor(emu), queueId, members, outsiders };
}

const memberCalls = (emu: Emulator, method: string, queueId: string) =>
  emu.stats.requestLog.filter((r) => r.method === method && r.path === `/api/v2/routing/queues/${queueId}/members`);

describe('routing.members', () => {
  it('adds exactly 100 users in one call and 101 in two, reporting progress per chunk', async () => {
    const { emu, client, queueId, members, outsiders } = await setup();
    const progress: ProgressEvent[] = [];
    client.on('progress', (e) => progress.push(e));

    const hundred = await client.routing.members.add(queueId, outsiders.slice(0, 100));
    expect(hundred.calls).toBe(1);
    expect(memberCalls(emu, 'POST', queueId)).toHaveLength(1);

    const next = outsiders.slice(100, 201);
    expect(next).toHaveLength(101);
    const result = await client.routing.members.add(queueId, next);
    expect(result.calls).toBe(2);
    expect(result.chunks.map((c) => c.userIds.length)).toEqual([100, 1]);
    expect(memberCalls(emu, 'POST', queueId)).toHaveLength(3);
    expect(next.every((id) => members.has(id))).toBe(true);
    expect(progress.filter((p) => p.operation === 'routing.members.add').map((p) => [p.done, p.total])).toEqual([
      [100, 100],
      [100, 101],
      [101, 101],
    ]);
  });

  it('removes in chunks with ?delete=true and sends duplicates once', async () => {
    const { emu, client, queueId, members } = await setup();
    const current = [...members.keys()];
    const result = await client.routing.members.remove(queueId, [...current, ...current]);
    expect(result.calls).toBe(1);
    expect(result.succeeded).toHaveLength(current.length);
    expect(members.size).toBe(0);
    expect(memberCalls(emu, 'POST', queueId)[0]?.url).toContain('delete=true');
  });

  it('maps an unknown queue to NotFoundError, or records it per chunk with continueOnError', async () => {
    const { client, outsiders } = await setup();
    await expect(client.routing.members.add('no-such-queue', outsiders.slice(0, 3))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const result = await client.routing.members.add('no-such-queue', outsiders.slice(0, 150), {
      continueOnError: true,
    });
    expect(result.calls).toBe(2);
    expect(result.failed).toHaveLength(150);
    expect(result.chunks.every((c) => !c.ok && c.error instanceof NotFoundError)).toBe(true);
  });

  it('validates user ids before sending', async () => {
    const { emu, client, queueId } = await setup();
    const before = emu.stats.requests;
    await expect(client.routing.members.add(queueId, ['ok', ''])).rejects.toThrow(/userIds\[1\]/);
    expect(emu.stats.requests).toBe(before);
  });

  it('sets a ring number; 7 is refused before sending, and the platform 400 maps to BadRequestError', async () => {
    const { emu, client, queueId, members } = await setup();
    const memberId = [...members.keys()][0] as string;
    await client.routing.members.setRingNumber(queueId, memberId, 3);
    expect(members.get(memberId)?.ringNumber).toBe(3);

    const before = emu.stats.requests;
    await expect(client.routing.members.setRingNumber(queueId, memberId, 7)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.routing.members.setRingNumber(queueId, memberId, 1.5)).rejects.toThrow(/ringNumber/);
    expect(emu.stats.requests).toBe(before);

    // With a raised bound the value reaches the emulator, which enforces 1..6.
    await expect(
      client.routing.members.setRingNumber(queueId, memberId, 9, { maxRingNumber: 10 }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.routing.members.setRingNumber(queueId, 'not-a-member', 2)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('setJoined with verify waits for the asynchronous join and reports non-members', async () => {
    const { emu, client, queueId, members, outsiders } = await setup();
    // The emulator's clock stands still until the first re-read has answered, so that read always sees the
    // join still pending (however slow the machine) and a later one sees it applied.
    const start = Date.now();
    emu.state.now = () => new Date(start);
    emu.state.joinDelayMs = 1_000;
    client.on('response', (e) => {
      if (e.method === 'GET' && e.url.includes('/members')) emu.state.now = () => new Date(start + 2_000);
    });
    const [a, b] = [...members.keys()] as [string, string];
    members.get(a)!.joined = true;
    members.get(b)!.joined = false;
    const stranger = outsiders[0] as string;

    const result = await client.routing.members.setJoined(
      queueId,
      [
        { userId: a, joined: false },
        { userId: b, joined: true },
        { userId: stranger, joined: true },
      ],
      { verify: { intervalMs: 50, timeoutMs: 5_000 } },
    );
    expect(result).toMatchObject({ calls: 1, verified: true, notMembers: [stranger] });
    expect(members.get(a)?.joined).toBe(false);
    expect(members.get(b)?.joined).toBe(true);
    expect(members.has(stranger)).toBe(false);
    // It took more than one read: the first re-read came while the join was pending.
    expect(memberCalls(emu, 'GET', queueId).length).toBeGreaterThan(1);
  });

  it('without verify the change is only accepted; a later read shows it', async () => {
    const { emu, client, queueId, members } = await setup();
    emu.state.joinDelayMs = 60_000;
    const userId = [...members.keys()][0] as string;
    members.get(userId)!.joined = true;
    const result = await client.routing.members.setJoined(queueId, [{ userId, joined: false }]);
    expect(result.verified).toBe(false);
    expect(members.get(userId)?.joined).toBe(true);
    expect(emu.state.pendingJoins).toHaveLength(1);
  });

  it('verify times out with the pending members named', async () => {
    const { emu, client, queueId, members } = await setup();
    emu.state.joinDelayMs = 60_000;
    const userId = [...members.keys()][0] as string;
    members.get(userId)!.joined = true;
    const run = client.routing.members.setJoined(queueId, [{ userId, joined: false }], {
      verify: { intervalMs: 20, timeoutMs: 120 },
    });
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    await expect(run).rejects.toThrow(userId);
  });

  it('setJoined chunks at 100 and rejects contradicting entries', async () => {
    const { emu, client, queueId, outsiders } = await setup();
    const changes = outsiders.slice(0, 101).map((userId) => ({ userId, joined: true }));
    expect((await client.routing.members.setJoined(queueId, changes)).calls).toBe(2);
    expect(memberCalls(emu, 'PATCH', queueId)).toHaveLength(2);
    const [x] = outsiders as [string];
    await expect(
      client.routing.members.setJoined(queueId, [
        { userId: x, joined: true },
        { userId: x, joined: false },
      ]),
    ).rejects.toThrow(/changes\[1\]\.joined/);
  });

  it('lists members across pages (no total/pageCount on this listing)', async () => {
    const { client, queueId, members } = await setup();
    const listed = await client.routing.members.list(queueId, { pageSize: 7 }).toArray();
    expect(listed.map((m) => m.id).sort()).toEqual([...members.keys()].sort());
  });
});
