// Reads what the day builders need: from analytics (offered calls per interval per queue, handle time, each
// agent's routing-status time per interval) or from WFM (a week's forecast by planning group and the week's
// agent schedules). The builders themselves are pure (from-history.ts, from-forecast.ts).
import type { GenesysClient } from '../../../client/client.js';
import { ValidationError } from '../../../errors/index.js';
import { aggregateStats, anyOfFilter } from '../../../resources/analytics/index.js';
import type { AgentSchedule, ManagementUnit } from '../../../resources/workforce/index.js';
import { dayFromForecast } from './from-forecast.js';
import { busiestDay, dayFromHistory, type TimedValue } from './from-history.js';
import { dayGrid, type DayGrid, type DayModel } from './grid.js';

const GRANULARITY: Record<number, string> = { 900: 'PT15M', 1800: 'PT30M', 3600: 'PT1H' };
const ON_QUEUE_STATUSES = new Set(['IDLE', 'INTERACTING', 'COMMUNICATING', 'NOT_RESPONDING']);
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface HistoryDayOptions {
  intervalSeconds: number;
  /** The day to plan (its weekday picks the history days); default: the window's busiest day. */
  day?: Date | undefined;
  window: { from: Date; to: Date };
  queueIds: readonly string[];
  userIds: readonly string[];
  signal?: AbortSignal | undefined;
}

const bucketStart = (interval: string) => Date.parse(interval.split('/')[0] ?? '');

export async function readHistoryDay(client: GenesysClient, o: HistoryDayOptions): Promise<DayModel> {
  const granularity = GRANULARITY[o.intervalSeconds];
  if (!granularity)
    throw new ValidationError('planRoutingOptimization', [
      { path: 'intervalMinutes', message: 'must be 15, 30 or 60' },
    ]);
  const interval = o.window;
  // Each query only when something is asked of it: no queues, no conversation aggregates (and no users, no
  // user aggregates).
  const [queueRes, userRes] = await Promise.all([
    o.queueIds.length > 0
      ? client.analytics.aggregates.query(
          {
            interval,
            granularity,
            groupBy: ['queueId'],
            metrics: ['nOffered', 'tHandle'],
            filter: anyOfFilter('queueId', [...o.queueIds]),
          },
          { signal: o.signal },
        )
      : undefined,
    o.userIds.length > 0
      ? client.analytics.userAggregates.query(
          { interval, granularity, userIds: [...o.userIds], metrics: ['tAgentRoutingStatus'] },
          { signal: o.signal },
        )
      : undefined,
  ]);
  const offered = new Map<string, TimedValue[]>();
  const handle = new Map<string, { ms: number; n: number }>();
  for (const row of queueRes ? aggregateStats(queueRes) : []) {
    const queueId = row.group['queueId'];
    if (!queueId) continue;
    if (row.metric === 'nOffered')
      offered.set(queueId, [
        ...(offered.get(queueId) ?? []),
        { start: bucketStart(row.interval), value: row.count ?? row.sum ?? 0 },
      ]);
    if (row.metric === 'tHandle') {
      const h = handle.get(queueId) ?? { ms: 0, n: 0 };
      handle.set(queueId, { ms: h.ms + (row.sum ?? 0), n: h.n + (row.count ?? 0) });
    }
  }
  for (const id of o.queueIds) if (!offered.has(id)) offered.set(id, []);
  const ahtSeconds = new Map([...handle].filter(([, h]) => h.n > 0).map(([id, h]) => [id, h.ms / h.n / 1000]));
  const onQueueMs = new Map<string, TimedValue[]>();
  for (const row of userRes ? aggregateStats(userRes) : []) {
    const userId = row.group['userId'];
    if (!userId || row.metric !== 'tAgentRoutingStatus' || !ON_QUEUE_STATUSES.has(row.qualifier ?? '')) continue;
    onQueueMs.set(userId, [
      ...(onQueueMs.get(userId) ?? []),
      { start: bucketStart(row.interval), value: row.sum ?? 0 },
    ]);
  }
  const grid = dayGrid(o.day ?? new Date(busiestDay(offered, o.window)), o.intervalSeconds / 60);
  return dayFromHistory({ grid, window: o.window, offered, ahtSeconds, onQueueMs });
}

export interface ForecastDayOptions {
  grid: DayGrid;
  /** Business unit whose forecast and schedule to use. Default: that of the first management unit listed. */
  businessUnitId?: string | undefined;
  /** Management units whose agents' schedules to read. Default: every unit of the business unit. */
  managementUnitIds?: string[] | undefined;
  /** Activity codes that mean "on queue" (default ['0'], the business unit's default On Queue Work code). */
  onQueueActivityCodeIds?: string[] | undefined;
  signal?: AbortSignal | undefined;
}

/** First day of the business-unit week holding the grid's day, as yyyy-MM-dd. */
function weekDateOf(grid: DayGrid, startDayOfWeek: string | undefined): string {
  const first = Math.max(0, WEEKDAYS.indexOf(startDayOfWeek ?? 'Monday'));
  const back = (new Date(grid.start).getUTCDay() - first + 7) % 7;
  return new Date(grid.start - back * DAY_MS).toISOString().slice(0, 10);
}

export async function readForecastDay(client: GenesysClient, o: ForecastDayOptions): Promise<DayModel> {
  const { signal } = o;
  const context = 'planRoutingOptimization';
  const units: ManagementUnit[] = await client.workforce.managementUnits.list({ signal }).toArray();
  const businessUnitId = o.businessUnitId ?? units[0]?.businessUnit?.id;
  if (!businessUnitId)
    throw new ValidationError(context, [
      {
        path: 'forecast.businessUnitId',
        message: "no WFM management unit found: give forecast.businessUnitId, or use demand: 'history'",
      },
    ]);
  const inUnit = units.filter((m) => m.businessUnit?.id === businessUnitId);
  const wanted = o.managementUnitIds ?? inUnit.map((m) => m.id);
  const weekDate = weekDateOf(o.grid, inUnit[0]?.startDayOfWeek);

  const schedules = await client.workforce.schedules.list(businessUnitId, weekDate, { signal });
  const schedule = schedules.find((s) => s.published) ?? schedules[0];
  if (!schedule)
    throw new ValidationError(context, [
      { path: 'demand', message: `no WFM schedule covers the week of ${weekDate} in business unit ${businessUnitId}` },
    ]);
  const forecasts = await client.workforce.forecasts.list(businessUnitId, weekDate, { signal });
  const forecast = forecasts.find((f) => f.id === schedule.shortTermForecast?.id) ?? forecasts[0];
  if (!forecast)
    throw new ValidationError(context, [
      {
        path: 'demand',
        message: `no WFM short-term forecast covers the week of ${weekDate} in business unit ${businessUnitId}`,
      },
    ]);
  const forecastWeek = forecast.weekDate ?? weekDate;
  const weekNumber = Math.round((Date.parse(weekDate) - Date.parse(forecastWeek)) / (7 * DAY_MS));
  const week = await client.workforce.forecasts.weekByPlanningGroup(businessUnitId, forecastWeek, forecast.id, {
    signal,
    ...(weekNumber > 0 ? { weekNumber } : {}),
  });
  if (weekNumber > 0) week.start = `${weekDate}T00:00:00.000Z`;

  const agentSchedules: AgentSchedule[] = [];
  for (const managementUnitId of wanted) {
    const res = await client.workforce.schedules.agentSchedules(
      businessUnitId,
      schedule.weekDate ?? weekDate,
      schedule.id,
      { managementUnitId },
      { signal },
    );
    agentSchedules.push(...(res.agentSchedules ?? []));
  }
  return dayFromForecast({
    grid: o.grid,
    forecast: week,
    schedules: agentSchedules,
    onQueueActivityCodeIds: o.onQueueActivityCodeIds ?? ['0'],
  });
}
