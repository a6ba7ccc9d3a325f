// WFM schedules of a business unit:
//   GET  …/businessunits/{businessUnitId}/weeks/{weekId}/schedules
//   POST …/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query
// The query answers `status: 'Complete'` with the result inline or a `downloadUrl` (both handled), or
// `Processing` when the platform delivers the result later by notification: that throws WorkforcePendingError.
import { GenesysError, ValidationError, type GenesysErrorOptions } from '../../errors/index.js';
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { safeParse } from '../../internal/parse.js';
import type { ApiPromise } from '../core/api-promise.js';
import { send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { parseArgs, requireId } from '../validate.js';
import { fetchDownload } from './download.js';
import {
  AgentSchedulesQueryResponseSchema,
  AgentSchedulesResultSchema,
  ScheduleListingSchema,
  type AgentSchedulesResult,
  type ScheduleListItem,
} from './schemas.js';
import { weekId } from './week.js';

const BASE = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules';
const listOp: Operation<{ entities?: ScheduleListItem[] }> = {
  id: 'workforce.schedules.list',
  method: 'GET',
  path: BASE,
  schema: ScheduleListingSchema,
};
// A read expressed as a POST: safe to repeat.
const queryOp: Operation<{
  status?: string;
  operationId?: string;
  result?: AgentSchedulesResult;
  downloadUrl?: string;
}> = {
  id: 'workforce.schedules.agentSchedules',
  method: 'POST',
  path: `${BASE}/{scheduleId}/agentschedules/query`,
  idempotent: true,
  schema: AgentSchedulesQueryResponseSchema,
};

/** The platform will deliver a WFM result later (by notification) instead of answering now. */
export class WorkforcePendingError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'WorkforcePendingError';
  /** The platform's id of the pending operation (its notification carries it), when the answer gave one. */
  readonly operationId: string | undefined;
  constructor(message: string, options: GenesysErrorOptions & { operationId?: string | undefined }) {
    super(message, options);
    this.operationId = options.operationId;
  }
}

const QuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    managementUnitId: z.string().check(z.minLength(1, 'is required')),
    userIds: z.optional(z.array(z.string().check(z.minLength(1)))),
    teamIds: z.optional(z.array(z.string().check(z.minLength(1)))),
  }),
);

/** Which agents' schedules `client.workforce.schedules.agentSchedules` reads. */
export interface AgentSchedulesQuery {
  /** The management unit whose agents to read (required by the platform). */
  managementUnitId: string;
  /** Only these agents. */
  userIds?: string[];
  /** Only the agents of these teams. */
  teamIds?: string[];
}

/** `client.workforce.schedules`: WFM schedules per business unit and week. */
export class SchedulesResource extends Resource {
  /** The business unit's schedules covering the week (`'recent'`: ±26 weeks around today). */
  list(
    businessUnitId: string,
    weekId_: string,
    options: CallOptions & { includeOnlyPublished?: boolean } = {},
  ): ApiPromise<ScheduleListItem[]> {
    return this._run(async (core) => {
      requireId('workforce.schedules.list', 'businessUnitId', businessUnitId);
      const week = weekId('workforce.schedules.list', 'weekId', weekId_, true);
      const { includeOnlyPublished, ...call } = options;
      const listing = await send(
        core,
        listOp,
        { params: { businessUnitId, weekId: week }, query: { includeOnlyPublished } },
        call,
      );
      return listing.entities ?? [];
    });
  }

  /**
   * A schedule's agent schedules for one management unit: each agent's shifts and their activities.
   *
   * @example
   * const [schedule] = await client.workforce.schedules.list(buId, '2025-03-03');
   * const { agentSchedules } = await client.workforce.schedules.agentSchedules(buId, '2025-03-03', schedule.id, { managementUnitId: mu.id });
   */
  agentSchedules(
    businessUnitId: string,
    weekId_: string,
    scheduleId: string,
    query: AgentSchedulesQuery,
    options: CallOptions = {},
  ): ApiPromise<AgentSchedulesResult> {
    return this._run(async (core) => {
      const context = 'workforce.schedules.agentSchedules';
      requireId(context, 'businessUnitId', businessUnitId);
      requireId(context, 'scheduleId', scheduleId);
      const week = weekId(context, 'weekId', weekId_);
      const body = parseArgs(context, QuerySchema(), query, 'query');
      const res = await send(core, queryOp, { params: { businessUnitId, weekId: week, scheduleId }, body }, options);
      if (res.status === 'Processing') {
        throw new WorkforcePendingError(
          `${context}: the platform is preparing the result and will deliver it by notification (operation ${res.operationId ?? 'unknown'}); ask again later`,
          { operation: context, operationId: res.operationId },
        );
      }
      if (res.status !== undefined && res.status !== 'Complete')
        throw new GenesysError(`${context}: the query ended with status ${res.status}`, { operation: context });
      if (res.result) return res.result;
      if (res.downloadUrl) {
        const parsed = safeParse(AgentSchedulesResultSchema(), await fetchDownload(res.downloadUrl, context, options));
        if (!parsed.success)
          throw ValidationError.fromZod(`${context}: unexpected downloaded result`, parsed.error, 'download');
        return parsed.data;
      }
      return { agentSchedules: [] };
    });
  }
}

/** `instanceof WorkforcePendingError` that also works across two loaded copies of the SDK. */
export function isWorkforcePendingError(value: unknown): value is WorkforcePendingError {
  return value instanceof WorkforcePendingError;
}
