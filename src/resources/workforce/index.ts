// client.workforce: WFM management units, short-term forecasts and schedules (one lazily created object each).
import type { ClientCore } from '../core/client-core.js';
import { ForecastsResource } from './forecasts.js';
import { ManagementUnitsResource } from './management-units.js';
import { SchedulesResource } from './schedules.js';

/** `client.workforce`: workforce management (`managementUnits`, `forecasts`, `schedules`). */
export class WorkforceApi {
  #managementUnits?: ManagementUnitsResource;
  #forecasts?: ForecastsResource;
  #schedules?: SchedulesResource;

  constructor(private readonly client: ClientCore) {}

  /** Management units and their agents. */
  get managementUnits(): ManagementUnitsResource {
    return (this.#managementUnits ??= new ManagementUnitsResource(this.client));
  }
  /** A business unit's short-term forecasts: per planning group, offered contacts and handle time per interval. */
  get forecasts(): ForecastsResource {
    return (this.#forecasts ??= new ForecastsResource(this.client));
  }
  /** A business unit's schedules: each agent's shifts and activities. */
  get schedules(): SchedulesResource {
    return (this.#schedules ??= new SchedulesResource(this.client));
  }
}

export {
  ForecastsResource,
  inferIntervalMinutes,
  type ForecastDataOptions,
  type PlanningGroupForecast,
  type WeekForecast,
  type WeekForecastOptions,
} from './forecasts.js';
export { ManagementUnitsResource, type ListManagementUnitsOptions } from './management-units.js';
export {
  SchedulesResource,
  WorkforcePendingError,
  isWorkforcePendingError,
  type AgentSchedulesQuery,
} from './schedules.js';
export type {
  AgentSchedule,
  AgentSchedulesResult,
  ForecastPlanningGroup,
  ForecastResult,
  ManagementUnit,
  ScheduleActivity,
  ScheduleListItem,
  ScheduleShift,
  ShortTermForecast,
  WfmReference,
} from './schemas.js';
