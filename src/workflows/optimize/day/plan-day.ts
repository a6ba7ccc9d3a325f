// planRoutingOptimization's day: which options ask for one (checked before any request), and reading it from
// history or from WFM (read.ts) on the grid the options give.
import type { GenesysClient } from '../../../client/client.js';
import { ValidationError } from '../../../errors/index.js';
import type { PlanRoutingOptimizationOptions, PlannedDay } from '../types.js';
import { dayGrid, type DayModel } from './grid.js';
import { readForecastDay, readHistoryDay } from './read.js';

const CONTEXT = 'planRoutingOptimization';
const DAY_MS = 86_400_000;

export interface DayOptions {
  demand: 'history' | 'forecast';
  day: Date | undefined;
  intervalMinutes: 15 | 30 | 60;
  forecast: PlanRoutingOptimizationOptions['forecast'];
}

/**
 * Checks the options a day depends on and the window options (named as the caller gave them); undefined for the
 * single-interval demand ('peak' | 'mean').
 */
export function checkDayOptions(options: PlanRoutingOptimizationOptions): DayOptions | undefined {
  const issues: Array<{ path: string; message: string }> = [];
  if (options.interval !== undefined && options.days !== undefined) {
    const message = `give either interval or days, not both (interval ${describeInterval(options.interval)}, days ${JSON.stringify(options.days)})`;
    issues.push({ path: 'interval', message }, { path: 'days', message });
  }
  if (
    options.days !== undefined &&
    !(typeof options.days === 'number' && Number.isFinite(options.days) && options.days > 0)
  ) {
    issues.push({
      path: 'days',
      message: `must be a positive number of days, received ${JSON.stringify(options.days)}`,
    });
  }
  const demand = options.demand ?? 'history';
  if (!['history', 'forecast', 'peak', 'mean'].includes(demand))
    issues.push({
      path: 'demand',
      message: `must be 'history', 'forecast', 'peak' or 'mean', received ${JSON.stringify(demand)}`,
    });
  const intervalMinutes = options.intervalMinutes ?? 30;
  if (![15, 30, 60].includes(intervalMinutes))
    issues.push({
      path: 'intervalMinutes',
      message: `must be 15, 30 or 60, received ${JSON.stringify(intervalMinutes)}`,
    });
  let day: Date | undefined;
  if (options.day !== undefined) {
    day =
      options.day instanceof Date
        ? options.day
        : typeof options.day === 'string'
          ? new Date(options.day)
          : new Date(NaN);
    if (!Number.isFinite(day.getTime()))
      issues.push({
        path: 'day',
        message: `must be a Date or an ISO-8601 date, received ${JSON.stringify(options.day)}`,
      });
  }
  if (options.forecast !== undefined && demand !== 'forecast')
    issues.push({
      path: 'forecast',
      message: `applies only with demand: 'forecast' (demand is ${JSON.stringify(demand)})`,
    });
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
  if (demand === 'peak' || demand === 'mean') return undefined;
  return {
    demand: demand as 'history' | 'forecast',
    day,
    intervalMinutes: intervalMinutes as 15 | 30 | 60,
    forecast: options.forecast,
  };
}

function describeInterval(interval: unknown): string {
  const i = interval as { from?: unknown; to?: unknown } | null;
  const iso = (d: unknown) => (d instanceof Date && Number.isFinite(d.getTime()) ? d.toISOString() : JSON.stringify(d));
  return i && typeof i === 'object' ? `${iso(i.from)}/${iso(i.to)}` : JSON.stringify(interval);
}

export interface DayContext {
  window: { from: Date; to: Date };
  queueIds: readonly string[];
  userIds: readonly string[];
  signal?: AbortSignal | undefined;
}

export async function readDay(client: GenesysClient, o: DayOptions, ctx: DayContext): Promise<DayModel> {
  if (o.demand === 'history') {
    return readHistoryDay(client, {
      intervalSeconds: o.intervalMinutes * 60,
      day: o.day,
      window: ctx.window,
      queueIds: ctx.queueIds,
      userIds: ctx.userIds,
      signal: ctx.signal,
    });
  }
  const grid = dayGrid(o.day ?? new Date(Date.now() + DAY_MS), o.intervalMinutes);
  return readForecastDay(client, { grid, ...o.forecast, signal: ctx.signal });
}

export function plannedDay(day: DayModel): PlannedDay {
  return {
    date: new Date(day.grid.start).toISOString().slice(0, 10),
    intervalMinutes: day.grid.intervalSeconds / 60,
    source: day.source,
    agentsOnShift: day.available.size,
  };
}
