// WFM routes (paths and models as in the official SDK purecloud-platform-client-v2, WorkforceManagementApi):
//   GET  /api/v2/workforcemanagement/managementunits                         ManagementUnitListing
//   GET  /api/v2/workforcemanagement/managementunits/{managementUnitId}      ManagementUnit
//   GET  /api/v2/workforcemanagement/managementunits/{managementUnitId}/users  WfmUserEntityListing (no paging)
//   GET  …/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts                     BuShortTermForecastListing
//   GET  …/shorttermforecasts/{forecastId}                                    BuShortTermForecast
//   GET  …/shorttermforecasts/{forecastId}/planninggroups                     ForecastPlanningGroupsResponse
//   GET  …/shorttermforecasts/{forecastId}/data                               BuForecastResultResponse {result | downloadUrl}
//   GET  …/businessunits/{businessUnitId}/weeks/{weekId}/schedules            BuScheduleListing
//   POST …/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query         BuAsyncAgentSchedulesQueryResponse
// Week ids are yyyy-MM-dd of the business unit's first day of the week (Monday), or 'recent' for the lists.
import { notFound, invalidValue } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import {
  agentShifts,
  businessUnit,
  forecastData,
  forecastId,
  isMonday,
  managementUnits,
  mondayOf,
  planningGroups,
  scheduleId,
  weekStart,
  type ManagementUnitRecord,
} from '../../workforce/model.js';
import { publishDownload } from './workforce-downloads.js';

const WFM = '/api/v2/workforcemanagement';
const MU_VIEW = { anyOf: ['wfm:managementUnit:view', 'wfm:managementUnit:administer'] };
const FORECAST_VIEW = { anyOf: ['wfm:shortTermForecast:view', 'wfm:shortTermForecast:administer'] };
const SCHEDULE_VIEW = { anyOf: ['wfm:schedule:view', 'wfm:schedule:administer'] };

function muView(ctx: RequestContext, mu: ManagementUnitRecord) {
  const bu = businessUnit(ctx.state);
  return {
    id: mu.id,
    name: mu.name,
    businessUnit: { id: bu.id, selfUri: `${WFM}/businessunits/${bu.id}` },
    startDayOfWeek: bu.startDayOfWeek,
    timeZone: bu.timeZone,
    division: {
      id: ctx.state.homeDivision.id,
      name: ctx.state.homeDivision.name,
      selfUri: `/api/v2/authorization/divisions/${ctx.state.homeDivision.id}`,
    },
    version: 1,
    selfUri: `${WFM}/managementunits/${mu.id}`,
  };
}

function requireMu(ctx: RequestContext, id = ctx.params['managementUnitId'] ?? ''): ManagementUnitRecord {
  const mu = managementUnits(ctx.state).find((m) => m.id === id);
  if (!mu) throw notFound(id, 'management unit');
  return mu;
}

function requireBu(ctx: RequestContext): void {
  const id = ctx.params['businessUnitId'] ?? '';
  if (id !== businessUnit(ctx.state).id) throw notFound(id, 'business unit');
}

/** The week's first day (epoch ms) from a path parameter; 'recent' means the current week where allowed. */
function requireWeek(
  ctx: RequestContext,
  name: 'weekDateId' | 'weekId',
  allowRecent: boolean,
): { start: number; weekDate: string } {
  const raw = ctx.params[name] ?? '';
  const weekDate = allowRecent && raw === 'recent' ? mondayOf(ctx.state.now().getTime()) : raw;
  const start = weekStart(weekDate);
  if (start === undefined)
    throw invalidValue(
      name,
      `Value [${raw}] for ${name} is invalid: expected a date in yyyy-MM-dd format${allowRecent ? " or 'recent'" : ''}`,
    );
  if (!isMonday(start))
    throw invalidValue(
      name,
      `${name} ${weekDate} is not the first day of a business unit week (the business unit's weeks start on Monday)`,
    );
  return { start, weekDate };
}

function forecastView(ctx: RequestContext, weekDate: string) {
  const bu = businessUnit(ctx.state);
  const id = forecastId(ctx.state, weekDate);
  return {
    id,
    weekDate,
    weekCount: 1,
    creationMethod: 'HistoricalWeightedAverage',
    description: `Forecast for the week of ${weekDate}`,
    legacy: false,
    canUseForScheduling: true,
    metadata: { version: 1 },
    selfUri: `${WFM}/businessunits/${bu.id}/weeks/${weekDate}/shorttermforecasts/${id}`,
  };
}

function requireForecast(ctx: RequestContext): { weekDate: string; start: number } {
  const week = requireWeek(ctx, 'weekDateId', false);
  const id = ctx.params['forecastId'] ?? '';
  if (id !== forecastId(ctx.state, week.weekDate)) throw notFound(id, 'forecast');
  return week;
}

function planningGroupsView(ctx: RequestContext) {
  return {
    entities: planningGroups(ctx.state).map((g) => ({
      id: g.id,
      name: g.name,
      routePaths: [
        {
          queue: { id: g.queueId, selfUri: `/api/v2/routing/queues/${g.queueId}` },
          mediaType: 'Call',
          ...(g.skillId ? { skills: [{ id: g.skillId, selfUri: `/api/v2/routing/skills/${g.skillId}` }] } : {}),
        },
      ],
    })),
  };
}

/** Inline result, or (download service) a URL the caller fetches without credentials. */
function resultOrDownload(ctx: RequestContext, result: unknown): { result: unknown } | { downloadUrl: string } {
  const viaDownload = ctx.queryBool('forceDownloadService') === true || ctx.state.workforce.downloadResults;
  return viaDownload ? { downloadUrl: publishDownload(ctx, result) } : { result };
}

export const workforceRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: `${WFM}/managementunits`,
    permissions: MU_VIEW,
    handle(ctx) {
      const divisionId = ctx.queryValue('divisionId');
      const units = managementUnits(ctx.state).filter(() => !divisionId || divisionId === ctx.state.homeDivision.id);
      if (ctx.state.workforce.pagedManagementUnits) {
        ctx.json(200, ctx.paging(units, { map: (m) => muView(ctx, m), maxPageSize: 100 }));
        return;
      }
      // Paging is not supported (pageSize/pageNumber are deprecated and ignored): every unit on one page.
      ctx.json(200, {
        entities: units.map((m) => muView(ctx, m)),
        pageSize: units.length,
        pageNumber: 1,
        total: units.length,
        pageCount: 1,
        selfUri: `${WFM}/managementunits`,
      });
    },
  },
  {
    method: 'GET',
    path: `${WFM}/managementunits/{managementUnitId}`,
    permissions: MU_VIEW,
    handle(ctx) {
      ctx.json(200, muView(ctx, requireMu(ctx)));
    },
  },
  {
    method: 'GET',
    path: `${WFM}/managementunits/{managementUnitId}/users`,
    permissions: MU_VIEW,
    handle(ctx) {
      const mu = requireMu(ctx);
      ctx.json(200, { entities: mu.userIds.map((id) => ({ id, selfUri: `/api/v2/users/${id}` })) });
    },
  },
  {
    method: 'GET',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts`,
    permissions: FORECAST_VIEW,
    handle(ctx) {
      requireBu(ctx);
      const { weekDate } = requireWeek(ctx, 'weekDateId', true);
      ctx.json(200, { entities: [forecastView(ctx, weekDate)] });
    },
  },
  {
    method: 'GET',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts/{forecastId}`,
    permissions: FORECAST_VIEW,
    handle(ctx) {
      requireBu(ctx);
      const { weekDate, start } = requireForecast(ctx);
      ctx.json(200, {
        ...forecastView(ctx, weekDate),
        referenceStartDate: new Date(start).toISOString(),
        timeZone: businessUnit(ctx.state).timeZone,
        planningGroups: planningGroupsView(ctx),
      });
    },
  },
  {
    method: 'GET',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts/{forecastId}/planninggroups`,
    permissions: FORECAST_VIEW,
    handle(ctx) {
      requireBu(ctx);
      requireForecast(ctx);
      ctx.json(200, planningGroupsView(ctx));
    },
  },
  {
    method: 'GET',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekDateId}/shorttermforecasts/{forecastId}/data`,
    permissions: FORECAST_VIEW,
    handle(ctx) {
      requireBu(ctx);
      const { weekDate, start } = requireForecast(ctx);
      const weekNumber = ctx.queryInt('weekNumber', 0, 0, 0);
      const { weekDate: _omit, ...data } = forecastData(ctx.state, weekDate, start);
      ctx.json(200, resultOrDownload(ctx, { ...data, weekNumber }));
    },
  },
  {
    method: 'GET',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekId}/schedules`,
    permissions: SCHEDULE_VIEW,
    handle(ctx) {
      requireBu(ctx);
      const { weekDate } = requireWeek(ctx, 'weekId', true);
      const bu = businessUnit(ctx.state);
      const id = scheduleId(ctx.state, weekDate);
      const forecast = forecastId(ctx.state, weekDate);
      ctx.json(200, {
        entities: [
          {
            id,
            weekDate,
            weekCount: 1,
            description: `Schedule for the week of ${weekDate}`,
            published: true,
            shortTermForecast: {
              id: forecast,
              weekDate,
              selfUri: `${WFM}/businessunits/${bu.id}/weeks/${weekDate}/shorttermforecasts/${forecast}`,
            },
            metadata: { version: 1 },
            selfUri: `${WFM}/businessunits/${bu.id}/weeks/${weekDate}/schedules/${id}`,
          },
        ],
      });
    },
  },
  {
    method: 'POST',
    path: `${WFM}/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query`,
    permissions: SCHEDULE_VIEW,
    body: 'json',
    handle(ctx) {
      requireBu(ctx);
      const { weekDate, start } = requireWeek(ctx, 'weekId', false);
      const id = ctx.params['scheduleId'] ?? '';
      if (id !== scheduleId(ctx.state, weekDate)) throw notFound(id, 'schedule');
      const body = (ctx.body ?? {}) as Record<string, unknown>;
      if (typeof body['managementUnitId'] !== 'string' || body['managementUnitId'] === '')
        throw invalidValue('managementUnitId', 'managementUnitId is required');
      const mu = requireMu(ctx, body['managementUnitId']);
      const userIds = body['userIds'];
      if (userIds !== undefined && (!Array.isArray(userIds) || userIds.some((u) => typeof u !== 'string')))
        throw invalidValue('userIds', 'userIds must be an array of user ids');
      const wanted = userIds === undefined ? mu.userIds : mu.userIds.filter((u) => (userIds as string[]).includes(u));
      const schedule = { id, weekDate };
      const result = {
        agentSchedules: wanted.map((userId) => ({
          user: { id: userId, selfUri: `/api/v2/users/${userId}` },
          shifts: agentShifts(ctx.state, userId, start, schedule),
          fullDayTimeOffMarkers: [],
        })),
        businessUnitTimeZone: businessUnit(ctx.state).timeZone,
      };
      ctx.json(200, { status: 'Complete', operationId: ctx.state.newId(), ...resultOrDownload(ctx, result) });
    },
  },
];
