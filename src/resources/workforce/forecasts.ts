// WFM short-term forecasts of a business unit:
//   GET …/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts[/{forecastId}[/planninggroups|/data]]
// The data call answers with the result inline or with a `downloadUrl` (download service); both are handled.
import { ValidationError } from '../../errors/index.js';
import type { ApiPromise } from '../core/api-promise.js';
import { send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { requireId } from '../validate.js';
import { fetchDownload } from './download.js';
import {
  ForecastPlanningGroupsSchema,
  ForecastResultResponseSchema,
  ForecastResultSchema,
  ShortTermForecastListingSchema,
  ShortTermForecastSchema,
  type ForecastPlanningGroup,
  type ForecastResult,
  type ShortTermForecast,
} from './schemas.js';
import { weekId } from './week.js';

const BASE = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts';
const listOp: Operation<{ entities?: ShortTermForecast[] }> = {
  id: 'workforce.forecasts.list',
  method: 'GET',
  path: BASE,
  schema: ShortTermForecastListingSchema,
};
const getOp: Operation<ShortTermForecast> = {
  id: 'workforce.forecasts.get',
  method: 'GET',
  path: `${BASE}/{forecastId}`,
  schema: ShortTermForecastSchema,
};
const groupsOp: Operation<{ entities?: ForecastPlanningGroup[] }> = {
  id: 'workforce.forecasts.planningGroups',
  method: 'GET',
  path: `${BASE}/{forecastId}/planninggroups`,
  schema: ForecastPlanningGroupsSchema,
};
const dataOp: Operation<{ result?: ForecastResult; downloadUrl?: string }> = {
  id: 'workforce.forecasts.data',
  method: 'GET',
  path: `${BASE}/{forecastId}/data`,
  schema: ForecastResultResponseSchema,
};

/** Options of `forecasts.data`: which week of the forecast, and the call options. */
export interface ForecastDataOptions extends CallOptions {
  /** Week of a multi-week forecast (0-based). */
  weekNumber?: number;
}

/** Options of `forecasts.weekByPlanningGroup`: `data`'s, and the interval length when the data does not say it. */
export interface WeekForecastOptions extends ForecastDataOptions {
  /**
   * Interval length in minutes when it cannot be inferred from the data (values per day of the week). The
   * platform's short-term forecasts use 15-minute intervals; default 15.
   */
  intervalMinutes?: number;
}

/** One planning group's forecast for the week. */
export interface PlanningGroupForecast {
  /** The planning group id. */
  planningGroupId: string;
  /** Its name (undefined when the planning group list does not have it). */
  name: string | undefined;
  /** Queues the planning group routes (from its route paths). */
  queueIds: string[];
  /** Expected offered contacts per interval, from `start`. */
  offered: number[];
  /** Expected average handle time (seconds) per interval. */
  ahtSeconds: number[];
}

/** A week's forecast per planning group, on one interval grid. */
export interface WeekForecast {
  /** The forecast id. */
  forecastId: string;
  /** `yyyy-MM-dd`: the forecast's week. */
  weekDate: string;
  /** Start of the first interval (ISO-8601, the forecast's `referenceStartDate`). */
  start: string;
  /** Length of each interval, minutes (15 for the platform's short-term forecasts). */
  intervalMinutes: number;
  /** One series per planning group. */
  planningGroups: PlanningGroupForecast[];
}

type Where = {
  businessUnitId: string;
  weekDateId: string;
  forecastId: string;
};

/** `client.workforce.forecasts`: WFM short-term forecasts per business unit and week. */
export class ForecastsResource extends Resource {
  /** The business unit's short-term forecasts covering the week (`'recent'`: ±26 weeks around today). */
  list(businessUnitId: string, weekDateId: string, options: CallOptions = {}): ApiPromise<ShortTermForecast[]> {
    return this._run(async (core) => {
      requireId('workforce.forecasts.list', 'businessUnitId', businessUnitId);
      const week = weekId('workforce.forecasts.list', 'weekDateId', weekDateId, true);
      const listing = await send(core, listOp, { params: { businessUnitId, weekDateId: week } }, options);
      return listing.entities ?? [];
    });
  }

  /** One forecast's metadata. */
  get(
    businessUnitId: string,
    weekDateId: string,
    forecastId: string,
    options: CallOptions = {},
  ): ApiPromise<ShortTermForecast> {
    return this._run(async (core) =>
      send(
        core,
        getOp,
        { params: this.#where('workforce.forecasts.get', { businessUnitId, weekDateId, forecastId }) },
        options,
      ),
    );
  }

  /** The planning groups the forecast was made for (a snapshot taken with the forecast). */
  planningGroups(
    businessUnitId: string,
    weekDateId: string,
    forecastId: string,
    options: CallOptions = {},
  ): ApiPromise<ForecastPlanningGroup[]> {
    return this._run(async (core) => {
      const listing = await send(
        core,
        groupsOp,
        { params: this.#where('workforce.forecasts.planningGroups', { businessUnitId, weekDateId, forecastId }) },
        options,
      );
      return listing.entities ?? [];
    });
  }

  /** The forecast's numbers (offered and handle time per interval per planning group), inline or downloaded. */
  data(
    businessUnitId: string,
    weekDateId: string,
    forecastId: string,
    options: ForecastDataOptions = {},
  ): ApiPromise<ForecastResult> {
    return this._run(async (core) => {
      const params = this.#where('workforce.forecasts.data', { businessUnitId, weekDateId, forecastId });
      const { weekNumber, ...call } = options;
      const res = await send(core, dataOp, { params, query: { weekNumber } }, call);
      if (res.result) return res.result;
      if (res.downloadUrl) {
        const downloaded = await fetchDownload(res.downloadUrl, 'workforce.forecasts.data', call);
        const parsed = ForecastResultSchema().safeParse(downloaded);
        if (!parsed.success)
          throw ValidationError.fromZod(
            'workforce.forecasts.data: unexpected downloaded result',
            parsed.error,
            'download',
          );
        return parsed.data;
      }
      throw new ValidationError('workforce.forecasts.data', [
        { path: 'result', message: 'the platform answered with neither result nor downloadUrl' },
      ]);
    });
  }

  /**
   * A week's forecast by planning group: the data plus each group's name and queues, on one interval grid.
   *
   * @example
   * const [forecast] = await client.workforce.forecasts.list(buId, '2025-03-03');
   * const week = await client.workforce.forecasts.weekByPlanningGroup(buId, '2025-03-03', forecast.id);
   * for (const g of week.planningGroups) console.log(g.name, g.queueIds, Math.max(...g.offered));
   */
  weekByPlanningGroup(
    businessUnitId: string,
    weekDateId: string,
    forecastId: string,
    options: WeekForecastOptions = {},
  ): ApiPromise<WeekForecast> {
    return this._run(async () => {
      const { intervalMinutes, ...dataOptions } = options;
      const where = this.#where('workforce.forecasts.weekByPlanningGroup', { businessUnitId, weekDateId, forecastId });
      const [groups, data] = await Promise.all([
        this.planningGroups(businessUnitId, where.weekDateId, forecastId, dataOptions),
        this.data(businessUnitId, where.weekDateId, forecastId, dataOptions),
      ]);
      const byId = new Map(groups.map((g) => [g.id, g]));
      const series = data.planningGroups ?? [];
      const length = series[0]?.offeredPerInterval.length ?? 0;
      if (
        series.some(
          (s) => s.offeredPerInterval.length !== length || s.averageHandleTimeSecondsPerInterval.length !== length,
        )
      ) {
        throw new ValidationError('workforce.forecasts.weekByPlanningGroup', [
          { path: 'planningGroups', message: 'planning groups have different numbers of intervals' },
        ]);
      }
      return {
        forecastId,
        weekDate: where.weekDateId,
        start: data.referenceStartDate ?? `${where.weekDateId}T00:00:00.000Z`,
        intervalMinutes: inferIntervalMinutes(length, data.weekCount ?? 1, intervalMinutes),
        planningGroups: series.map((s) => {
          const g = byId.get(s.planningGroupId);
          const queueIds = [
            ...new Set(
              (g?.routePaths ?? []).map((r) => r.queue?.id).filter((id): id is string => typeof id === 'string'),
            ),
          ];
          return {
            planningGroupId: s.planningGroupId,
            name: g?.name,
            queueIds,
            offered: s.offeredPerInterval,
            ahtSeconds: s.averageHandleTimeSecondsPerInterval,
          };
        }),
      };
    });
  }

  #where(context: string, w: Where): Where {
    requireId(context, 'businessUnitId', w.businessUnitId);
    requireId(context, 'forecastId', w.forecastId);
    return { ...w, weekDateId: weekId(context, 'weekDateId', w.weekDateId) };
  }
}

/** Minutes per interval from the values per day; the fallback (default 15) when that is not a whole divisor of a day. */
export function inferIntervalMinutes(values: number, weekCount: number, fallback = 15): number {
  const perDay = values / (7 * Math.max(1, weekCount));
  const minutes = 1440 / perDay;
  return Number.isInteger(perDay) && Number.isInteger(minutes) && minutes >= 1 ? minutes : fallback;
}
