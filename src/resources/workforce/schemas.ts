// WFM models (as in the official SDK purecloud-platform-client-v2), as loose zod/mini schemas (unknown fields
// pass through at run time); the exported interfaces name the schemas' fields, without an index signature (so a
// typo fails to compile), and test/types/schema-interfaces.ts keeps the two the same.
import * as z from 'zod/mini';
import { EntityRefSchema } from '../schemas/common.js';
import type { EntityRef } from '../schemas/common.js';

export const RefSchema = /* @__PURE__ */ (() => z.looseObject({ id: z.string(), selfUri: z.optional(z.string()) }))();
/** A reference to a WFM entity (its id, and a self URI where the platform includes one). */
export interface WfmReference {
  id: string;
  selfUri?: string | undefined;
}

const MetadataSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    version: z.optional(z.number()),
    dateModified: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
  }))();

/** `ManagementUnit`: a group of agents scheduled together, inside a business unit. */
export const ManagementUnitSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    businessUnit: z.optional(RefSchema),
    startDayOfWeek: z.optional(z.string()),
    timeZone: z.optional(z.string()),
    division: z.optional(EntityRefSchema),
    version: z.optional(z.number()),
    selfUri: z.optional(z.string()),
  }))();
/** `ManagementUnit`: a group of agents scheduled together, inside a business unit. */
export interface ManagementUnit {
  id: string;
  name?: string | undefined;
  businessUnit?: WfmReference | undefined;
  startDayOfWeek?: string | undefined;
  timeZone?: string | undefined;
  division?: EntityRef | undefined;
  version?: number | undefined;
  selfUri?: string | undefined;
}

/** `WfmUserEntityListing`: the users of a management unit (one list, no paging). */
export const WfmUserListingSchema = /* @__PURE__ */ (() =>
  z.looseObject({ entities: z.optional(z.array(RefSchema)) }))();

/** `BuShortTermForecastListItem` / `BuShortTermForecast`. */
export const ShortTermForecastSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.optional(z.string()),
    weekCount: z.optional(z.number()),
    creationMethod: z.optional(z.string()),
    description: z.optional(z.string()),
    canUseForScheduling: z.optional(z.boolean()),
    referenceStartDate: z.optional(z.string()),
    timeZone: z.optional(z.string()),
    metadata: z.optional(MetadataSchema),
    selfUri: z.optional(z.string()),
  }))();
/** `BuShortTermForecastListItem` / `BuShortTermForecast`. */
export interface ShortTermForecast {
  id: string;
  weekDate?: string | undefined;
  weekCount?: number | undefined;
  creationMethod?: string | undefined;
  description?: string | undefined;
  canUseForScheduling?: boolean | undefined;
  referenceStartDate?: string | undefined;
  timeZone?: string | undefined;
  metadata?:
    | {
        version?: number | undefined;
        dateModified?: string | undefined;
        dateCreated?: string | undefined;
      }
    | undefined;
  selfUri?: string | undefined;
}
export const ShortTermForecastListingSchema = /* @__PURE__ */ (() =>
  z.looseObject({ entities: z.optional(z.array(ShortTermForecastSchema)) }))();

const RoutePathSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    queue: z.optional(RefSchema),
    mediaType: z.optional(z.string()),
    language: z.optional(RefSchema),
    skills: z.optional(z.array(RefSchema)),
  }))();

/** `ForecastPlanningGroupResponse`: what a planning group routes (queues, media type, skills, language). */
export const ForecastPlanningGroupSchema = /* @__PURE__ */ (() =>
  z.looseObject({ id: z.string(), name: z.optional(z.string()), routePaths: z.optional(z.array(RoutePathSchema)) }))();
/** `ForecastPlanningGroupResponse`: what a planning group routes (queues, media type, skills, language). */
export interface ForecastPlanningGroup {
  id: string;
  name?: string | undefined;
  routePaths?:
    | Array<{
        queue?: WfmReference | undefined;
        mediaType?: string | undefined;
        language?: WfmReference | undefined;
        skills?: WfmReference[] | undefined;
      }>
    | undefined;
}
export const ForecastPlanningGroupsSchema = /* @__PURE__ */ (() =>
  z.looseObject({ entities: z.optional(z.array(ForecastPlanningGroupSchema)) }))();

/** `ForecastPlanningGroupData`: per interval of the forecast, expected offered contacts and handle time. */
const PlanningGroupDataSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    planningGroupId: z.string(),
    offeredPerInterval: z.array(z.number()),
    averageHandleTimeSecondsPerInterval: z.array(z.number()),
  }))();

/** `BuForecastResult`. */
export const ForecastResultSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    referenceStartDate: z.optional(z.string()),
    planningGroups: z.optional(z.array(PlanningGroupDataSchema)),
    weekNumber: z.optional(z.number()),
    weekCount: z.optional(z.number()),
  }))();
/** `BuForecastResult`. */
export interface ForecastResult {
  referenceStartDate?: string | undefined;
  planningGroups?:
    | Array<{
        planningGroupId: string;
        offeredPerInterval: number[];
        averageHandleTimeSecondsPerInterval: number[];
      }>
    | undefined;
  weekNumber?: number | undefined;
  weekCount?: number | undefined;
}
/** `BuForecastResultResponse`: the result inline, or a `downloadUrl` to fetch it from. */
export const ForecastResultResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({ result: z.optional(ForecastResultSchema), downloadUrl: z.optional(z.string()) }))();

/** `BuScheduleListItem`. */
export const ScheduleListItemSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.optional(z.string()),
    weekCount: z.optional(z.number()),
    description: z.optional(z.string()),
    published: z.optional(z.boolean()),
    shortTermForecast: z.optional(RefSchema),
    metadata: z.optional(MetadataSchema),
    selfUri: z.optional(z.string()),
  }))();
/** `BuScheduleListItem`. */
export interface ScheduleListItem {
  id: string;
  weekDate?: string | undefined;
  weekCount?: number | undefined;
  description?: string | undefined;
  published?: boolean | undefined;
  shortTermForecast?: WfmReference | undefined;
  metadata?:
    | {
        version?: number | undefined;
        dateModified?: string | undefined;
        dateCreated?: string | undefined;
      }
    | undefined;
  selfUri?: string | undefined;
}
export const ScheduleListingSchema = /* @__PURE__ */ (() =>
  z.looseObject({ entities: z.optional(z.array(ScheduleListItemSchema)) }))();

/** `BuAgentScheduleActivity`: a part of a shift (on-queue work, break, meeting, ...). */
export const ScheduleActivitySchema = /* @__PURE__ */ (() =>
  z.looseObject({
    startDate: z.string(),
    lengthMinutes: z.number(),
    description: z.optional(z.string()),
    activityCodeId: z.string(),
    paid: z.optional(z.boolean()),
  }))();
/** `BuAgentScheduleActivity`: a part of a shift (on-queue work, break, meeting, ...). */
export interface ScheduleActivity {
  startDate: string;
  lengthMinutes: number;
  activityCodeId: string;
  description?: string | undefined;
  paid?: boolean | undefined;
}

/** `BuAgentScheduleShift`. */
export const ScheduleShiftSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.optional(z.string()),
    startDate: z.string(),
    lengthMinutes: z.number(),
    activities: z.optional(z.array(ScheduleActivitySchema)),
  }))();
/** `BuAgentScheduleShift`. */
export interface ScheduleShift {
  startDate: string;
  lengthMinutes: number;
  id?: string | undefined;
  activities?: ScheduleActivity[] | undefined;
}

/** `BuAgentScheduleQueryResponse`: one agent's shifts in the schedule. */
export const AgentScheduleSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    user: RefSchema,
    shifts: z.optional(z.array(ScheduleShiftSchema)),
    fullDayTimeOffMarkers: z.optional(z.array(z.looseObject({}))),
  }))();
/** `BuAgentScheduleQueryResponse`: one agent's shifts in the schedule. */
export interface AgentSchedule {
  user: WfmReference;
  shifts?: ScheduleShift[] | undefined;
  /** Full-day time off, not modelled here (an open map each): narrow a field before use. */
  fullDayTimeOffMarkers?: Array<Record<string, unknown>> | undefined;
}

/** `BuAgentSchedulesQueryResponse`. */
export const AgentSchedulesResultSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    agentSchedules: z.optional(z.array(AgentScheduleSchema)),
    businessUnitTimeZone: z.optional(z.string()),
  }))();
/** `BuAgentSchedulesQueryResponse`. */
export interface AgentSchedulesResult {
  agentSchedules?: AgentSchedule[] | undefined;
  businessUnitTimeZone?: string | undefined;
}

/** `BuAsyncAgentSchedulesQueryResponse`: `status` Complete with `result` or `downloadUrl`, or Processing. */
export const AgentSchedulesQueryResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    status: z.optional(z.string()),
    operationId: z.optional(z.string()),
    result: z.optional(AgentSchedulesResultSchema),
    downloadUrl: z.optional(z.string()),
  }))();
