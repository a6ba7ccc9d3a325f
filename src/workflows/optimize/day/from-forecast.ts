// The day from WFM: a week's short-term forecast by planning group (offered contacts and handle time per
// forecast interval) and the week's agent schedules (shifts and their activities). The forecast's intervals are
// summed into the plan's (handle time weighted by calls); a planning group that routes several queues has its
// calls split evenly between them (the forecast does not say more). An agent's availability per interval is
// the share of it covered by on-queue activities (activity codes in `onQueueActivityCodeIds`). Pure.
import type { AgentSchedule, WeekForecast } from '../../../resources/workforce/index.js';
import { type DayGrid, type DayModel, overlapPerInterval, round } from './grid.js';

export interface ForecastDayInput {
  grid: DayGrid;
  forecast: WeekForecast;
  schedules: readonly AgentSchedule[];
  /** Activity code ids that mean "on queue". The business unit's default On Queue Work code is '0'. */
  onQueueActivityCodeIds: readonly string[];
}

export function dayFromForecast(input: ForecastDayInput): DayModel {
  const { grid, forecast } = input;
  const forecastStart = Date.parse(forecast.start);
  const stepMs = forecast.intervalMinutes * 60_000;
  const intervalMs = grid.intervalSeconds * 1000;
  const demand = new Map<string, { calls: number[]; ahtSeconds: number[] }>();
  for (const group of forecast.planningGroups) {
    if (group.queueIds.length === 0) continue;
    const calls = new Array<number>(grid.intervals).fill(0);
    const work = new Array<number>(grid.intervals).fill(0);
    group.offered.forEach((offered, k) => {
      const t = forecastStart + k * stepMs;
      if (t < grid.start || t >= grid.start + grid.intervals * intervalMs) return;
      const i = Math.floor((t - grid.start) / intervalMs);
      calls[i] = (calls[i] as number) + offered;
      work[i] = (work[i] as number) + offered * (group.ahtSeconds[k] ?? 0);
    });
    const share = 1 / group.queueIds.length;
    const meanAht = meanOf(group.ahtSeconds.filter((a) => a > 0));
    for (const queueId of group.queueIds) {
      const prev = demand.get(queueId) ?? {
        calls: new Array<number>(grid.intervals).fill(0),
        ahtSeconds: new Array<number>(grid.intervals).fill(0),
      };
      // Merge with another group routing the same queue: add calls, weight handle times by calls.
      const merged = prev.calls.map((c, i) => c + (calls[i] as number) * share);
      prev.ahtSeconds = merged.map((c, i) => {
        const w = prev.calls[i]! * prev.ahtSeconds[i]! + (work[i] as number) * share;
        return c > 0 ? round(w / c, 2) : prev.ahtSeconds[i] || meanAht;
      });
      prev.calls = merged.map((c) => round(c));
      demand.set(queueId, prev);
    }
  }
  const onQueue = new Set(input.onQueueActivityCodeIds);
  const available = new Map<string, number[]>();
  for (const agent of input.schedules) {
    const spans: Array<[number, number]> = [];
    for (const shift of agent.shifts ?? []) {
      for (const a of shift.activities ?? []) {
        if (!onQueue.has(a.activityCodeId)) continue;
        const from = Date.parse(a.startDate);
        spans.push([from, from + a.lengthMinutes * 60_000]);
      }
    }
    const shares = overlapPerInterval(grid, spans).map((ms) => round(Math.min(1, ms / intervalMs)));
    if (shares.some((s) => s > 0)) available.set(agent.user.id, shares);
  }
  return {
    grid,
    demand,
    available,
    source: `forecast ${forecast.forecastId} (week of ${forecast.weekDate}) and its schedule`,
  };
}

function meanOf(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
