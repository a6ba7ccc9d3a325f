// The OFFICIAL Genesys JS SDK's WorkforceManagementApi against the emulator: Genesys' own client reads the
// emulator's management units, forecast and agent schedules (real paths, parameters and models).
import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/testing/index.js';

const WEEK = '2025-03-03';

describe('official SDK WorkforceManagementApi against the emulator', () => {
  let emu: Emulator;
  let wfm: InstanceType<typeof platformClient.WorkforceManagementApi>;

  beforeAll(async () => {
    emu = await startEmulator({ anchor: '2025-03-05T12:00:00Z', org: { users: 40, skills: 6, queues: 3 } });
    const client = platformClient.ApiClient.instance;
    client.setGateway({ host: emu.host, protocol: 'http', port: emu.port, path_params_login: '', path_params_api: '' });
    await client.loginClientCredentialsGrant(emu.clientId, emu.clientSecret);
    wfm = new platformClient.WorkforceManagementApi();
  });
  afterAll(() => emu?.close());

  it('reads management units and their users, a forecast with its data, and agent schedules', async () => {
    const units = await wfm.getWorkforcemanagementManagementunits();
    expect(units.entities?.length).toBe(2);
    const mu = units.entities![0]!;
    const users = await wfm.getWorkforcemanagementManagementunitUsers(mu.id!);
    expect(users.entities?.length).toBeGreaterThan(0);
    const buId = mu.businessUnit!.id!;

    const forecasts = await wfm.getWorkforcemanagementBusinessunitWeekShorttermforecasts(buId, WEEK);
    const forecastId = forecasts.entities![0]!.id;
    const data = await wfm.getWorkforcemanagementBusinessunitWeekShorttermforecastData(buId, WEEK, forecastId);
    expect(data.result?.planningGroups).toHaveLength(3);
    expect(data.result?.planningGroups?.[0]?.offeredPerInterval).toHaveLength(7 * 96);
    const groups = await wfm.getWorkforcemanagementBusinessunitWeekShorttermforecastPlanninggroups(
      buId,
      WEEK,
      forecastId,
    );
    expect(groups.entities?.map((g) => g.routePaths?.[0]?.queue?.id).sort()).toEqual(
      [...emu.state.queues.keys()].sort(),
    );

    const schedules = await wfm.getWorkforcemanagementBusinessunitWeekSchedules(buId, WEEK);
    const res = await wfm.postWorkforcemanagementBusinessunitWeekScheduleAgentschedulesQuery(
      buId,
      WEEK,
      schedules.entities![0]!.id!,
      { managementUnitId: mu.id! },
    );
    expect(res.status).toBe('Complete');
    expect(res.result?.agentSchedules?.length).toBe(users.entities?.length);
    const shift = res.result!.agentSchedules!.flatMap((a) => a.shifts ?? [])[0]!;
    expect(shift.activities?.map((a) => a.activityCodeId)).toEqual(['0', '1', '0']);
  });
});
