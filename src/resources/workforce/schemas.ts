// WFM models (as in the official SDK purecloud-platform-client-v2), as loose schemas (the checker in
// internal/shape.ts); the exported types are inferred from them.
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';
import { EntityRefSchema } from '../schemas/common.js';

const RefSchema = z.lazy(() => z.looseObject({ id: z.string(), selfUri: z.string().optional() }));
export type WfmReference = Infer<typeof RefSchema>;

const MetadataSchema = z.lazy(() => z.looseObject({ version: z.number().optional(), dateModified: z.string().optional(), dateCreated: z.string().optional() }));

/** `ManagementUnit`: a group of agents scheduled together, inside a business unit. */
export const ManagementUnitSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    businessUnit: RefSchema.optional(),
    startDayOfWeek: z.string().optional(),
    timeZone: z.string().optional(),
    division: EntityRefSchema.optional(),
    version: z.number().optional(),
    selfUri: z.string().optional(),
  }),
);
export type ManagementUnit = Infer<typeof ManagementUnitSchema>;

/** `WfmUserEntityListing`: the users of a management unit (one list, no paging). */
export const WfmUserListingSchema = z.lazy(() => z.looseObject({ entities: z.array(RefSchema).optional() }));

/** `BuShortTermForecastListItem` / `BuShortTermForecast`. */
export const ShortTermForecastSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.string().optional(),
    weekCount: z.number().optional(),
    creationMethod: z.string().optional(),
    description: z.string().optional(),
    canUseForScheduling: z.boolean().optional(),
    referenceStartDate: z.string().optional(),
    timeZone: z.string().optional(),
    metadata: MetadataSchema.optional(),
    selfUri: z.string().optional(),
  }),
);
export type ShortTermForecast = Infer<typeof ShortTermForecastSchema>;
export const ShortTermForecastListingSchema = z.lazy(() => z.looseObject({ entities: z.array(ShortTermForecastSchema).optional() }));

const RoutePathSchema = z.lazy(() =>
  z.looseObject({
    queue: RefSchema.optional(),
    mediaType: z.string().optional(),
    language: RefSchema.optional(),
    skills: z.array(RefSchema).optional(),
  }),
);

/** `ForecastPlanningGroupResponse`: what a planning group routes (queues, media type, skills, language). */
export const ForecastPlanningGroupSchema = z.lazy(() =>
  z.looseObject({ id: z.string(), name: z.string().optional(), routePaths: z.array(RoutePathSchema).optional() }),
);
export type ForecastPlanningGroup = Infer<typeof ForecastPlanningGroupSchema>;
export const ForecastPlanningGroupsSchema = z.lazy(() => z.looseObject({ entities: z.array(ForecastPlanningGroupSchema).optional() }));

/** `ForecastPlanningGroupData`: per interval of the forecast, expected offered contacts and handle time. */
const PlanningGroupDataSchema = z.lazy(() =>
  z.looseObject({
    planningGroupId: z.string(),
    offeredPerInterval: z.array(z.number()),
    averageHandleTimeSecondsPerInterval: z.array(z.number()),
  }),
);

/** `BuForecastResult`. */
export const ForecastResultSchema = z.lazy(() =>
  z.looseObject({
    referenceStartDate: z.string().optional(),
    planningGroups: z.array(PlanningGroupDataSchema).optional(),
    weekNumber: z.number().optional(),
    weekCount: z.number().optional(),
  }),
);
export type ForecastResult = Infer<typeof ForecastResultSchema>;
/** `BuForecastResultResponse`: the result inline, or a `downloadUrl` to fetch it from. */
export const ForecastResultResponseSchema = z.lazy(() => z.looseObject({ result: ForecastResultSchema.optional(), downloadUrl: z.string().optional() }));

/** `BuScheduleListItem`. */
export const ScheduleListItemSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    weekDate: z.string().optional(),
    weekCount: z.number().optional(),
    description: z.string().optional(),
    published: z.boolean().optional(),
    shortTermForecast: RefSchema.optional(),
    metadata: MetadataSchema.optional(),
    selfUri: z.string().optional(),
  }),
);
export type ScheduleListItem = Infer<typeof ScheduleListItemSchema>;
export const ScheduleListingSchema = z.lazy(() => z.looseObject({ entities: z.array(ScheduleListItemSchema).optional() }));

/** `BuAgentScheduleActivity`: a part of a shift (on-queue work, break, meeting, ...). */
export const ScheduleActivitySchema = z.lazy(() =>
  z.looseObject({
    startDate: z.string(),
    lengthMinutes: z.number(),
    description: z.string().optional(),
    activityCodeId: z.string(),
    paid: z.boolean().optional(),
  }),
);
export type ScheduleActivity = Infer<typeof ScheduleActivitySchema>;

/** `BuAgentScheduleShift`. */
export const ScheduleShiftSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    startDate: z.string(),
    lengthMinutes: z.number(),
    activities: z.array(ScheduleActivitySchema).optional(),
  }),
);
export type ScheduleShift = Infer<typeof ScheduleShiftSchema>;

/** `BuAgentScheduleQueryResponse`: one agent's shifts in the schedule. */
export const AgentScheduleSchema = z.lazy(() =>
  z.looseObject({ user: RefSchema, shifts: z.array(ScheduleShiftSchema).optional(), fullDayTimeOffMarkers: z.array(z.looseObject({})).optional() }),
);
export type AgentSchedule = Infer<typeof AgentScheduleSchema>;

/** `BuAgentSchedulesQueryResponse`. */
export const AgentSchedulesResultSchema = z.lazy(() =>
  z.looseObject({ agentSchedules: z.array(AgentScheduleSchema).optional(), businessUnitTimeZone: z.string().optional() }),
);
export type AgentSchedulesResult = Infer<typeof AgentSchedulesResultSchema>;

/** `BuAsyncAgentSchedulesQueryResponse`: `status` Complete with `result` or `downloadUrl`, or Processing. */
export const AgentSchedulesQueryResponseSchema = z.lazy(() =>
  z.looseObject({
    status: z.string().optional(),
    operationId: z.string().optional(),
    result: AgentSchedulesResultSchema.optional(),
    downloadUrl: z.string().optional(),
  }),
);
