// client.analytics.users.observations over real HTTP to the emulator: member/active queue counts per agent,
// splitting long user lists, typed errors and a retried 429.
import { describe, expect, it } from 'vitest';
import { BadRequestError, PermissionDeniedError, ValidationError } from '../../../src/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { fail429Once } from '../routing/admin-helpers.js';

describe('analytics.users.observations', () => {
  it('counts the queues each agent is a member of and active in now', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const [userId] = [...emu.state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
    const queueIds = [...emu.state.queues.keys()];
    for (const queueId of queueIds) emu.state.membersOf(queueId).delete(userId!);
    emu.state.addMember(queueIds[0]!, userId!, { joined: true });
    emu.state.addMember(queueIds[1]!, userId!, { joined: false });
    emu.state.setRoutingStatus(userId!, 'IDLE');

    const fired = fail429Once(emu, 'POST', '/api/v2/analytics/users/observations/query');
    const { results } = await client.analytics.users.observations({ userIds: [userId!] });
    expect(fired()).toBe(true);
    expect(results).toEqual([
      {
        group: { userId },
        data: [
          expect.objectContaining({ metric: 'oActiveQueues', stats: { count: 1 } }),
          expect.objectContaining({ metric: 'oMemberQueues', stats: { count: 2 } }),
        ],
      },
    ]);

    emu.state.setRoutingStatus(userId!, 'OFF_QUEUE');
    const off = await client.analytics.users.observations({ userIds: [userId!], metrics: ['oActiveQueues'] });
    expect(off.results?.[0]?.data).toEqual([expect.objectContaining({ metric: 'oActiveQueues', stats: { count: 0 } })]);
  });

  it('splits more than 100 users into several queries and joins the results', async () => {
    const emu = await emulator({ org: { users: 130, skills: 4, queues: 2 } });
    const client = clientFor(emu);
    const ids = [...emu.state.users.keys()].slice(0, 120);
    const { data, correlationIds } = await client.analytics.users.observations({ userIds: ids }).withResponse();
    expect(data.results?.map((r) => r.group?.['userId']).sort()).toEqual([...ids].sort());
    expect(correlationIds).toHaveLength(2);
  });

  it('typed errors', async () => {
    const emu = await emulator({
      clients: [{ clientId: 'viewer', clientSecret: 's', permissions: ['routing:queue:view'] }],
    });
    const client = clientFor(emu);
    await expect(client.analytics.users.observations({ userIds: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      client.analytics.users.observations({ userIds: ['u'], metrics: ['oWaiting' as never] }),
    ).rejects.toThrow(/metrics\[0\]/);
    const raw = await client
      .request({
        method: 'POST',
        path: '/api/v2/analytics/users/observations/query',
        body: { metrics: ['oMemberQueues'] },
      })
      .catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(BadRequestError);
    const viewer = clientFor(emu, { clientId: 'viewer', clientSecret: 's' });
    await expect(viewer.analytics.users.observations({ userIds: ['u'] })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
