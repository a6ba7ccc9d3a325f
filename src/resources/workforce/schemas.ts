// WFM models (as in the official SDK purecloud-platform-client-v2), as loose zod/mini schemas (unknown fields
// pass through at run time); the exported interfaces name the schemas' fields, without an index signature (so a
// typo fails to compile), and test/types/schema-interfaces.ts keeps the two the same.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { EntityRefSchema } from '../schemas/common.js';
import type { EntityRef } from '../schemas/common.js';

export const RefSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.string(), selfUri: z.optional(z.string()) }),
);
/** A reference to a WFM entity (its id, and a self URI where the platform includes one). */
export interface WfmReference {
  /** The entity id. */
  id: string;
  /** The entity's URI. */
  selfUri?: string | undefined;
}

const MetadataSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    version: z.optional(z.number()),
    dateModified: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
  }),
);

/** `ManagementUnit`: a group of agents scheduled together, inside a business unit. */
export const ManagementUnitSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    businessUnit: z.optional(RefSchema()),
    startDayOfWeek: z.optional(z.string()),
    timeZone: z.optional(z.string()),
    division: z.optional(EntityRefSchema()),
    version: z.optional(z.number()),
    selfUri: z.optional(z.string()),
  }),
);
/** `ManagementUnit`: a group of agents scheduled together, inside a business unit. */
export interface ManagementUnit {
  /** The management unit id. */
  id: string;
  /** Its name. */
  name?: string | undefined;
  /** The business unit it belongs to (forecasts and schedules are per business unit). */
  businessUnit?: WfmReference | undefined;
  /** The first day of its scheduling week, e.g. `Monday`. */
  startDayOfWeek?: string | undefined;
  /** IANA time zone, e.g. `Europe/Dublin`. */
  timeZone?: string | undefined;
  /** The division it is in. */
  division?: EntityRef | undefined;
  /** The version (sent back on an update, for optimistic locking). */
  version?: number | undefined;
  /** Its URI. */
  selfUri?: string | undefined;
}

/** `WfmUserEntityListing`: the users of a management unit (one list, no paging). */
export const WfmUserListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(RefSchema())) }),
);

/** `BuShortTermForecastListItem` / `BuShortTermForecast`. */
export const ShortTermForecastSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.optional(z.string()),
    weekCount: z.optional(z.number()),
    creationMethod: z.optional(z.string()),
    description: z.optional(z.string()),
    canUseForScheduling: z.optional(z.boolean()),
    referenceStartDate: z.optional(z.string()),
    timeZone: z.optional(z.string()),
    metadata: z.optional(MetadataSchema()),
    selfUri: z.optional(z.string()),
  }),
);
/** `BuShortTermForecastListItem` / `BuShortTermForecast`. */
export interface ShortTermForecast {
  /** The forecast id. */
  id: string;
  /** `yyyy-MM-dd`: the first day of the forecast's first week. */
  weekDate?: string | undefined;
  /** How many weeks the forecast covers. */
  weekCount?: number | undefined;
  /** How it was made, e.g. `Import`, `HistoricalWeightedAverage`, `Advanced` (others may be added). */
  creationMethod?: string | undefined;
  /** Its description. */
  description?: string | undefined;
  /** Whether schedules may be generated from it. */
  canUseForScheduling?: boolean | undefined;
  /** ISO-8601: the start of the first forecast interval. */
  referenceStartDate?: string | undefined;
  /** IANA time zone of the forecast. */
  timeZone?: string | undefined;
  /** Version and change dates. */
  metadata?:
    | {
        /** The version (sent back on an update, for optimistic locking). */
        version?: number | undefined;
        /** ISO-8601: last modified. */
        dateModified?: string | undefined;
        /** ISO-8601: created. */
        dateCreated?: string | undefined;
      }
    | undefined;
  /** Its URI. */
  selfUri?: string | undefined;
}
export const ShortTermForecastListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(ShortTermForecastSchema())) }),
);

const RoutePathSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    queue: z.optional(RefSchema()),
    mediaType: z.optional(z.string()),
    language: z.optional(RefSchema()),
    skills: z.optional(z.array(RefSchema())),
  }),
);

/** `ForecastPlanningGroupResponse`: what a planning group routes (queues, media type, skills, language). */
export const ForecastPlanningGroupSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.string(), name: z.optional(z.string()), routePaths: z.optional(z.array(RoutePathSchema())) }),
);
/** `ForecastPlanningGroupResponse`: what a planning group routes (queues, media type, skills, language). */
export interface ForecastPlanningGroup {
  /** The planning group id (the key of its series in `ForecastResult.planningGroups`). */
  id: string;
  /** Its name. */
  name?: string | undefined;
  /** The routes its contacts arrive by: queue, media type, language and skills. */
  routePaths?:
    | Array<{
        /** The queue. */
        queue?: WfmReference | undefined;
        /** e.g. `Voice`, `Chat`, `Email`, `Message`, `Callback`. */
        mediaType?: string | undefined;
        /** The routing language, where the route requires one. */
        language?: WfmReference | undefined;
        /** The routing skills the route requires. */
        skills?: WfmReference[] | undefined;
      }>
    | undefined;
}
export const ForecastPlanningGroupsSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(ForecastPlanningGroupSchema())) }),
);

/** `ForecastPlanningGroupData`: per interval of the forecast, expected offered contacts and handle time. */
const PlanningGroupDataSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    planningGroupId: z.string(),
    offeredPerInterval: z.array(z.number()),
    averageHandleTimeSecondsPerInterval: z.array(z.number()),
  }),
);

/** `BuForecastResult`. */
export const ForecastResultSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    referenceStartDate: z.optional(z.string()),
    planningGroups: z.optional(z.array(PlanningGroupDataSchema())),
    weekNumber: z.optional(z.number()),
    weekCount: z.optional(z.number()),
  }),
);
/** `BuForecastResult`. */
export interface ForecastResult {
  /** ISO-8601: the start of the first interval. */
  referenceStartDate?: string | undefined;
  /** One series per planning group. */
  planningGroups?:
    | Array<{
        /** The planning group (`ForecastPlanningGroup.id`). */
        planningGroupId: string;
        /** Contacts expected per interval (15-minute intervals), from `referenceStartDate`. */
        offeredPerInterval: number[];
        /** Average handle time per interval, seconds. */
        averageHandleTimeSecondsPerInterval: number[];
      }>
    | undefined;
  /** The week (0-based) of a multi-week forecast these values are for. */
  weekNumber?: number | undefined;
  /** How many weeks the forecast covers. */
  weekCount?: number | undefined;
}
/** `BuForecastResultResponse`: the result inline, or a `downloadUrl` to fetch it from. */
export const ForecastResultResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ result: z.optional(ForecastResultSchema()), downloadUrl: z.optional(z.string()) }),
);

/** `BuScheduleListItem`. */
export const ScheduleListItemSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.optional(z.string()),
    weekCount: z.optional(z.number()),
    description: z.optional(z.string()),
    published: z.optional(z.boolean()),
    shortTermForecast: z.optional(RefSchema()),
    metadata: z.optional(MetadataSchema()),
    selfUri: z.optional(z.string()),
  }),
);
/** `BuScheduleListItem`. */
export interface ScheduleListItem {
  /** The schedule id. */
  id: string;
  /** `yyyy-MM-dd`: the first day of the schedule's first week. */
  weekDate?: string | undefined;
  /** How many weeks the schedule covers. */
  weekCount?: number | undefined;
  /** Its description. */
  description?: string | undefined;
  /** Whether agents can see it. */
  published?: boolean | undefined;
  /** The forecast it was generated from. */
  shortTermForecast?: WfmReference | undefined;
  /** Version and change dates. */
  metadata?:
    | {
        /** The version (sent back on an update, for optimistic locking). */
        version?: number | undefined;
        /** ISO-8601: last modified. */
        dateModified?: string | undefined;
        /** ISO-8601: created. */
        dateCreated?: string | undefined;
      }
    | undefined;
  /** Its URI. */
  selfUri?: string | undefined;
}
export const ScheduleListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(ScheduleListItemSchema())) }),
);

/** `BuAgentScheduleActivity`: a part of a shift (on-queue work, break, meeting, ...). */
export const ScheduleActivitySchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    startDate: z.string(),
    lengthMinutes: z.number(),
    description: z.optional(z.string()),
    activityCodeId: z.string(),
    paid: z.optional(z.boolean()),
  }),
);
/** `BuAgentScheduleActivity`: a part of a shift (on-queue work, break, meeting, ...). */
export interface ScheduleActivity {
  /** ISO-8601: when the activity starts. */
  startDate: string;
  /** Its length, minutes. */
  lengthMinutes: number;
  /** The activity code (on queue, break, meal, training, ...) of the business unit. */
  activityCodeId: string;
  /** Its description. */
  description?: string | undefined;
  /** Whether the time is paid. */
  paid?: boolean | undefined;
}

/** `BuAgentScheduleShift`. */
export const ScheduleShiftSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    startDate: z.string(),
    lengthMinutes: z.number(),
    activities: z.optional(z.array(ScheduleActivitySchema())),
  }),
);
/** `BuAgentScheduleShift`. */
export interface ScheduleShift {
  /** ISO-8601: when the shift starts. */
  startDate: string;
  /** Its length, minutes. */
  lengthMinutes: number;
  /** The shift id. */
  id?: string | undefined;
  /** The activities of the shift, in time order. */
  activities?: ScheduleActivity[] | undefined;
}

/** `BuAgentScheduleQueryResponse`: one agent's shifts in the schedule. */
export const AgentScheduleSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    user: RefSchema(),
    shifts: z.optional(z.array(ScheduleShiftSchema())),
    fullDayTimeOffMarkers: z.optional(z.array(z.looseObject({}))),
  }),
);
/** `BuAgentScheduleQueryResponse`: one agent's shifts in the schedule. */
export interface AgentSchedule {
  /** The agent. */
  user: WfmReference;
  /** The agent's shifts in the schedule. */
  shifts?: ScheduleShift[] | undefined;
  /** Full-day time off, not modelled here (an open map each): narrow a field before use. */
  fullDayTimeOffMarkers?: Array<Record<string, unknown>> | undefined;
}

/** `BuAgentSchedulesQueryResponse`. */
export const AgentSchedulesResultSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    agentSchedules: z.optional(z.array(AgentScheduleSchema())),
    businessUnitTimeZone: z.optional(z.string()),
  }),
);
/** `BuAgentSchedulesQueryResponse`. */
export interface AgentSchedulesResult {
  /** One entry per agent. */
  agentSchedules?: AgentSchedule[] | undefined;
  /** IANA time zone of the business unit. */
  businessUnitTimeZone?: string | undefined;
}

/** `BuAsyncAgentSchedulesQueryResponse`: `status` Complete with `result` or `downloadUrl`, or Processing. */
export const AgentSchedulesQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    status: z.optional(z.string()),
    operationId: z.optional(z.string()),
    result: z.optional(AgentSchedulesResultSchema()),
    downloadUrl: z.optional(z.string()),
  }),
);
