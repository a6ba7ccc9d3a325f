// client.workforce over real HTTP to the emulator: management units (paging both ways), a week's forecast by
// planning group (inline and via the download service), agent schedules with activities, typed 4xx, a retried 429.
import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, ValidationError, isNotFoundError } from '../../src/index.js';
import { clientFor, emulator } from '../transport/helpers.js';

const ANCHOR = '2025-03-05T12:00:00.000Z'; // a Wednesday
const WEEK = '2025-03-03';

async function setup(options: Parameters<typeof emulator>[0] = {}) {
  const emu = await emulator({ anchor: ANCHOR, org: { users: 40, skills: 8, queues: 3 }, ...options });
  const client = clientFor(emu);
  const [mu] = await client.workforce.managementUnits.list().toArray();
  if (!mu?.businessUnit) throw new Error('no management unit');
  return { emu, client, mu, buId: mu.businessUnit.id };
}

describe('client.workforce.managementUnits', () => {
  it('lists every unit on one page by default, and follows pages where an org still pages them', async () => {
    const { emu, client } = await setup();
    const calls = () => emu.stats.requestLog.filter((r) => r.path.endsWith('/managementunits')).length;
    const before = calls();
    const all = await client.workforce.managementUnits.list().toArray();
    expect(all.map((m) => m.name)).toEqual(['Team A', 'Team B']);
    expect(calls() - before).toBe(1);

    emu.state.workforce.managementUnits = 5;
    emu.state.workforce.pagedManagementUnits = true;
    const pages: number[] = [];
    for await (const page of client.workforce.managementUnits.list({ pageSize: 2 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 1]);
  });

  it("lists a unit's users: together the units hold every active agent once", async () => {
    const { emu, client } = await setup();
    const units = await client.workforce.managementUnits.list().toArray();
    const users = (await Promise.all(units.map((m) => client.workforce.managementUnits.users(m.id))))
      .flat()
      .map((u) => u.id);
    const active = [...emu.state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
    expect(new Set(users).size).toBe(users.length);
    expect(users.sort()).toEqual(active.sort());
    const { data, status, correlationId } = await client.workforce.managementUnits.get(units[0]!.id).withResponse();
    expect(status).toBe(200);
    expect(correlationId).toBeTruthy();
    expect(data.timeZone).toBe('UTC');
  });

  it('answers an unknown unit with a typed NotFoundError', async () => {
    const { client } = await setup();
    const err = await client.workforce.managementUnits.users('no-such-unit').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(isNotFoundError(err)).toBe(true);
    await expect(client.workforce.managementUnits.get('')).rejects.toThrow(/managementUnitId/);
  });
});

describe('client.workforce.forecasts', () => {
  it("gives a week's forecast by planning group: 15-minute intervals, one group per queue", async () => {
    const { emu, client, buId } = await setup();
    const [forecast] = await client.workforce.forecasts.list(buId, WEEK);
    expect(forecast?.weekDate).toBe(WEEK);
    const week = await client.workforce.forecasts.weekByPlanningGroup(buId, WEEK, forecast!.id);
    expect(week.intervalMinutes).toBe(15);
    expect(week.start).toBe(`${WEEK}T00:00:00.000Z`);
    expect(week.planningGroups.map((g) => g.queueIds[0]).sort()).toEqual([...emu.state.queues.keys()].sort());
    for (const g of week.planningGroups) {
      expect(g.offered).toHaveLength(7 * 96);
      expect(g.ahtSeconds.every((a) => a > 0)).toBe(true);
      // Busy early afternoon, quiet at night.
      expect(g.offered[2 * 96 + 52]!).toBeGreaterThan(g.offered[2 * 96 + 8]!);
    }
  });

  it('reads the same numbers through the download service (downloadUrl, fetched without the token)', async () => {
    const { emu, client, buId } = await setup();
    const [forecast] = await client.workforce.forecasts.list(buId, WEEK);
    const inline = await client.workforce.forecasts.data(buId, WEEK, forecast!.id);
    emu.state.workforce.downloadResults = true;
    const downloaded = await client.workforce.forecasts.data(buId, WEEK, forecast!.id);
    expect(downloaded).toEqual(inline);
    const download = emu.stats.requestLog.find((r) => r.path.startsWith('/downloads/wfm/'));
    expect(download?.status).toBe(200);
    expect(download?.clientId).toBeUndefined();
  });

  it('rejects a week that does not start the business unit week (typed 400) and a malformed one before sending', async () => {
    const { emu, client, buId } = await setup();
    const before = emu.stats.requestLog.length;
    await expect(client.workforce.forecasts.list(buId, '03/03/2025')).rejects.toBeInstanceOf(ValidationError);
    expect(emu.stats.requestLog.length).toBe(before);
    const err = await client.workforce.forecasts.list(buId, '2025-03-04').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).message).toMatch(/weekDateId/);
  });

  it('retries a 429 and then answers', async () => {
    const { emu, client, buId } = await setup();
    let faulted = 0;
    emu.setFaults({
      rate: 1,
      kinds: ['429'],
      retryAfterSeconds: 0,
      match: (_m, path) => path.includes('/shorttermforecasts') && faulted++ === 0,
    });
    const retries: unknown[] = [];
    client.on('retry', (e) => retries.push(e));
    const forecasts = await client.workforce.forecasts.list(buId, WEEK);
    expect(forecasts).toHaveLength(1);
    expect(retries).toHaveLength(1);
    expect(emu.stats.requestLog.filter((r) => r.path.includes('/shorttermforecasts')).map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });
});

describe('client.workforce.schedules', () => {
  it("gives each agent's shifts with activities that match the agents' live presence", async () => {
    const { emu, client, mu, buId } = await setup();
    const [schedule] = await client.workforce.schedules.list(buId, WEEK);
    const { agentSchedules } = await client.workforce.schedules.agentSchedules(buId, WEEK, schedule!.id, {
      managementUnitId: mu.id,
    });
    const members = await client.workforce.managementUnits.users(mu.id);
    expect(agentSchedules?.map((a) => a.user.id).sort()).toEqual(members.map((m) => m.id).sort());
    const now = emu.now().getTime();
    for (const agent of agentSchedules ?? []) {
      for (const shift of agent.shifts ?? []) {
        const minutes = (shift.activities ?? []).reduce((s, a) => s + a.lengthMinutes, 0);
        expect(minutes).toBe(shift.lengthMinutes);
      }
      // On-queue activity now <=> the user is On Queue now.
      const onQueueNow = (agent.shifts ?? []).some((s) =>
        (s.activities ?? []).some(
          (a) =>
            a.activityCodeId === '0' &&
            Date.parse(a.startDate) <= now &&
            now < Date.parse(a.startDate) + a.lengthMinutes * 60_000,
        ),
      );
      const user = await client.routing.users.get(agent.user.id, { expand: ['presence'] });
      expect(
        (user.presence as { presenceDefinition: { systemPresence: string } }).presenceDefinition.systemPresence ===
          'On Queue',
      ).toBe(onQueueNow);
    }
  });

  it('names a missing managementUnitId before sending, and 404s an unknown schedule', async () => {
    const { client, mu, buId } = await setup();
    await expect(client.workforce.schedules.agentSchedules(buId, WEEK, 'x', { managementUnitId: '' })).rejects.toThrow(
      /managementUnitId/,
    );
    await expect(
      client.workforce.schedules.agentSchedules(buId, WEEK, 'no-such-schedule', { managementUnitId: mu.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
