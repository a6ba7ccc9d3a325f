// The OFFICIAL Genesys JS SDK (purecloud-platform-client-v2 262.0.0) against the emulator: if Genesys' own
// client reads and writes the emulator correctly, the emulator serves the real paths, parameters and models.
// The SDK is pointed at the emulator with its supported gateway setting (protocol http, host, port).
// Heavy import (~150 ms): keep it in this file only.
import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/testing/index.js';

describe('official SDK purecloud-platform-client-v2 against the emulator', () => {
  let emu: Emulator;
  let routing: InstanceType<typeof platformClient.RoutingApi>;
  let users: InstanceType<typeof platformClient.UsersApi>;
  let search: InstanceType<typeof platformClient.SearchApi>;

  beforeAll(async () => {
    emu = await startEmulator({ org: { users: 60, skills: 8, queues: 3 } });
    const client = platformClient.ApiClient.instance;
    // `setGateway` is the SDK's documented way to route login and API calls through another host; it
    // accepts protocol 'http' and a port, so no TLS or DNS tricks are needed.
    client.setGateway({ host: emu.host, protocol: 'http', port: emu.port, path_params_login: '', path_params_api: '' });
    const auth = await client.loginClientCredentialsGrant(emu.clientId, emu.clientSecret);
    expect(auth.accessToken).toEqual(expect.any(String));
    routing = new platformClient.RoutingApi();
    users = new platformClient.UsersApi();
    search = new platformClient.SearchApi();
  });
  afterAll(() => emu?.close());

  const activeUsers = () => [...emu.state.users.values()].filter((u) => u.state === 'active');

  it('logged in through POST /oauth/token on the gateway', () => {
    expect(emu.stats.requestLog.some((r) => r.method === 'POST' && r.path === '/oauth/token' && r.status === 200)).toBe(
      true,
    );
  });

  it('RoutingApi.getRoutingSkills returns the org’s skills', async () => {
    const page = await routing.getRoutingSkills({ pageSize: 100 });
    const expected = [...emu.state.skills.values()].filter((s) => s.state !== 'deleted');
    expect(page.total).toBe(expected.length);
    expect(page.entities?.map((s) => [s.id, s.name]).sort()).toEqual(expected.map((s) => [s.id, s.name]).sort());
  });

  it('RoutingApi.getRoutingQueues returns the queues with member counts', async () => {
    const page = await routing.getRoutingQueues({ pageSize: 100 });
    expect(page.entities).toHaveLength(emu.state.queues.size);
    for (const queue of page.entities ?? []) {
      expect(queue.memberCount).toBe(emu.state.members.get(queue.id!)?.size);
      expect(queue.name).toBe(emu.state.queues.get(queue.id!)?.name);
    }
  });

  it('RoutingApi.getRoutingQueueMembers returns the members with their joined state', async () => {
    const queueId = [...emu.state.queues.keys()][0]!;
    const page = await routing.getRoutingQueueMembers(queueId, { pageSize: 100 });
    const expected = [...emu.state.members.get(queueId)!.values()];
    expect(page.entities?.map((m) => [m.id, m.joined]).sort()).toEqual(
      expected.map((m) => [m.userId, m.joined]).sort(),
    );
  });

  it('UsersApi.getUsers pages through the active users', async () => {
    const first = await users.getUsers({ pageSize: 25, pageNumber: 1 });
    expect(first.total).toBe(activeUsers().length);
    expect(first.pageCount).toBe(Math.ceil(activeUsers().length / 25));
    const second = await users.getUsers({ pageSize: 25, pageNumber: 2, sortOrder: 'ASC' });
    const names = activeUsers()
      .map((u) => u.name)
      .sort((a, b) => a.localeCompare(b));
    expect(second.entities?.map((u) => u.name)).toEqual(names.slice(25, 50));
  });

  it('UsersApi.patchUserRoutingskillsBulk changes the emulator state', async () => {
    const userId = activeUsers()[0]!.id;
    const skillIds = [...emu.state.skills.keys()].slice(0, 3);
    const result = await users.patchUserRoutingskillsBulk(
      userId,
      skillIds.map((id, i) => ({ id, proficiency: i + 1.5 })),
    );
    for (const [i, id] of skillIds.entries()) expect(emu.state.skillsOf(userId).get(id)).toBe(i + 1.5);
    expect(result.entities?.map((s) => s.id).sort()).toEqual([...emu.state.skillsOf(userId).keys()].sort());
  });

  it('SearchApi.postUsersSearch / getUsersSearch(q64) page through a search', async () => {
    const first = await search.postUsersSearch({
      pageSize: 10,
      pageNumber: 1,
      query: [{ type: 'CONTAINS', fields: ['name'], value: 'e' }],
    });
    const expected = activeUsers().filter((u) => /e/i.test(u.name));
    expect(first.total).toBe(expected.length);
    const q64 = new URL(first.nextPage!, emu.baseUrl).searchParams.get('q64')!;
    const second = await search.getUsersSearch(q64);
    expect(second.pageNumber).toBe(2);
    const seen = [...first.results, ...second.results].map((u) => u.id);
    expect(new Set(seen).size).toBe(Math.min(20, expected.length));
  });

  it('RoutingApi queue create/update and utilization calls are understood', async () => {
    const created = await routing.postRoutingQueues({ name: 'Official SDK Queue', skillEvaluationMethod: 'BEST' });
    expect(emu.state.queues.get(created.id!)?.skillEvaluationMethod).toBe('BEST');
    await routing.putRoutingQueue(created.id!, {
      ...created,
      name: 'Official SDK Queue',
      description: 'via PUT',
    } as never);
    expect(emu.state.queues.get(created.id!)?.description).toBe('via PUT');

    const userId = activeUsers()[1]!.id;
    await routing.putRoutingUserUtilization(userId, { utilization: { chat: { maximumCapacity: 2 } } });
    const util = await routing.getRoutingUserUtilization(userId);
    expect(util.level).toBe('Agent');
    expect(util.utilization?.['chat']?.maximumCapacity).toBe(2);
  });

  describe('routing admin endpoints', () => {
    it('languages and user languages', async () => {
      const created = await routing.postRoutingLanguages({ name: 'Official SDK Language' });
      const listed = await routing.getRoutingLanguages({ pageSize: 100, name: 'Official' });
      expect(listed.entities?.map((l) => l.id)).toEqual([created.id]);
      const userId = activeUsers()[2]!.id;
      const patched = await users.patchUserRoutinglanguagesBulk(userId, [{ id: created.id!, proficiency: 4 }]);
      expect(patched.entities?.find((l) => l.id === created.id)?.proficiency).toBe(4);
      const held = await users.getUserRoutinglanguages(userId, { pageSize: 100 });
      expect(held.entities?.some((l) => l.id === created.id)).toBe(true);
      await users.deleteUserRoutinglanguage(userId, created.id!);
      await routing.deleteRoutingLanguage(created.id!);
      expect((await routing.getRoutingLanguages({ pageSize: 100, name: 'Official' })).entities).toEqual([]);
    });

    it('skill groups: create, members, member divisions', async () => {
      const skill = [...emu.state.skills.values()][0]!;
      const group = await routing.postRoutingSkillgroups({
        name: 'Official SDK Group',
        skillConditions: [
          {
            routingSkillConditions: [{ routingSkill: skill.name, comparator: 'GreaterThanOrEqualTo', proficiency: 0 }],
            languageSkillConditions: [],
            operation: 'And',
          },
        ],
      });
      const page = await routing.getRoutingSkillgroups({ pageSize: 100, name: 'Official' });
      expect(page.entities?.map((g) => g.id)).toEqual([group.id]);
      const members = await routing.getRoutingSkillgroupMembers(group.id!, { pageSize: 100 });
      expect(members.entities?.length).toBe(group.memberCount);
      await routing.postRoutingSkillgroupMembersDivisions(group.id!, {
        body: { removeDivisionIds: [emu.state.homeDivision.id] },
      });
      expect((await routing.getRoutingSkillgroupMembersDivisions(group.id!)).entities).toEqual([]);
      await routing.deleteRoutingSkillgroup(group.id!);
    });

    it('wrap-up codes, queue wrap-up codes and estimated wait time', async () => {
      const code = await routing.postRoutingWrapupcodes({ name: 'Official SDK Code' });
      const queueId = [...emu.state.queues.keys()][0]!;
      await routing.postRoutingQueueWrapupcodes(queueId, [{ id: code.id }]);
      const onQueue = await routing.getRoutingQueueWrapupcodes(queueId, { pageSize: 100 });
      expect(onQueue.entities?.some((c) => c.id === code.id)).toBe(true);
      await routing.deleteRoutingQueueWrapupcode(queueId, code.id!);
      await routing.putRoutingWrapupcode(code.id!, { name: 'Official SDK Code 2' });
      expect((await routing.getRoutingWrapupcode(code.id!)).name).toBe('Official SDK Code 2');
      await routing.deleteRoutingWrapupcode(code.id!);
      const ewt = await routing.getRoutingQueueEstimatedwaittime(queueId);
      expect(ewt.results?.[0]?.estimatedWaitTimeSeconds).toEqual(expect.any(Number));
    });

    it('routing status, presence and a user’s queues', async () => {
      const presence = new platformClient.PresenceApi();
      const userId = activeUsers()[3]!.id;
      await users.putUserRoutingstatus(userId, { status: 'OFF_QUEUE' });
      expect(emu.state.users.get(userId)?.routingStatus.status).toBe('OFF_QUEUE');
      const definitions = await presence.getPresenceDefinitions0();
      const onQueue = definitions.entities?.find((d) => d.systemPresence === 'On Queue');
      await presence.patchUserPresencesPurecloud(userId, { presenceDefinition: { id: onQueue!.id } });
      expect((await presence.getUserPresencesPurecloud(userId)).presenceDefinition?.systemPresence).toBe('On Queue');
      const queueId = [...emu.state.queues.keys()][1]!;
      emu.state.addMember(queueId, userId, { joined: false });
      await users.patchUserQueues(userId, [{ id: queueId, joined: true }]);
      const joined = await users.getUserQueues(userId, { pageSize: 100, joined: true });
      expect(joined.entities?.some((q) => q.id === queueId && q.joined)).toBe(true);
    });

    it('users observations (agent real time)', async () => {
      const analytics = new platformClient.AnalyticsApi();
      const userId = activeUsers()[4]!.id;
      const res = await analytics.postAnalyticsUsersObservationsQuery({
        filter: { type: 'or', predicates: [{ dimension: 'userId', value: userId }] },
        metrics: ['oMemberQueues', 'oActiveQueues'],
      });
      expect(res.results?.[0]?.group?.['userId']).toBe(userId);
      expect(res.results?.[0]?.data?.find((d) => d.metric === 'oMemberQueues')?.stats?.count).toBe(
        emu.state.queuesOf(userId).length,
      );
    });

    it('utilization labels', async () => {
      const label = await routing.postRoutingUtilizationLabels({ name: 'Official SDK Label' });
      expect((await routing.getRoutingUtilizationLabels({ pageSize: 100 })).entities?.map((l) => l.id)).toContain(
        label.id,
      );
      await routing.deleteRoutingUtilizationLabel(label.id!);
    });
  });
});
