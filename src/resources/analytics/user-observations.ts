// Agent real time: POST /api/v2/analytics/users/observations/query (`client.analytics.users.observations`):
// per agent, how many queues they are a member of (`oMemberQueues`) and active in now (`oActiveQueues`).
// Filter predicates may only name `userId`; long user lists are split into queries of 100 and the results joined.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ApiPromise } from '../core/api-promise.js';
import { send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { UserObservationQueryResponse } from '../models/analytics.js';
import { chunk, parseArgs } from '../validate.js';
import { anyOfFilter } from './filters.js';

/** Metrics of the users observation query (official SDK purecloud-platform-client-v2, `UserObservationQuery`). */
export const USER_OBSERVATION_METRICS = ['oActiveQueues', 'oMemberQueues'] as const;
/** One of `USER_OBSERVATION_METRICS`. */
export type UserObservationMetric = (typeof USER_OBSERVATION_METRICS)[number];
const USERS_PER_QUERY = 100;

export const UserObservationQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    results: z.optional(
      z.array(
        z.looseObject({
          group: z.optional(z.record(z.string(), z.string())),
          data: z.optional(
            z.array(
              z.looseObject({
                metric: z.optional(z.string()),
                qualifier: z.optional(z.string()),
                stats: z.optional(z.looseObject({ count: z.optional(z.number()) })),
                truncated: z.optional(z.boolean()),
              }),
            ),
          ),
        }),
      ),
    ),
  }),
);
export type { UserObservationQueryResponse };

const op: Operation<UserObservationQueryResponse> = {
  id: 'analytics.users.observations',
  method: 'POST',
  path: '/api/v2/analytics/users/observations/query',
  idempotent: true, // a query: no side effects
  schema: UserObservationQueryResponseSchema as never,
};

/** The body of `client.analytics.users.observations`. */
export interface UserObservationsQuery {
  /** The users to observe. */
  userIds: readonly string[];
  /** Default: both (`oActiveQueues`, `oMemberQueues`). */
  metrics?: readonly UserObservationMetric[];
}

const QuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    userIds: z
      .array(z.string().check(z.minLength(1, 'must be a non-empty string id')))
      .check(z.minLength(1, 'needs at least one user id')),
    metrics: z.optional(z.array(z.enum(USER_OBSERVATION_METRICS)).check(z.minLength(1, 'needs at least one metric'))),
  }),
);

/** `client.analytics.users`: agent real time. */
export class UserAnalyticsResource extends Resource {
  /**
   * Queues each agent is a member of and active in now.
   *
   * @example
   * const { results } = await client.analytics.users.observations({ userIds: [userId] });
   * console.log(results?.[0]?.data?.map((d) => `${d.metric} ${d.stats?.count}`));
   */
  observations(query: UserObservationsQuery, options: CallOptions = {}): ApiPromise<UserObservationQueryResponse> {
    return this._run(async (core) => {
      const { userIds, metrics = USER_OBSERVATION_METRICS } = parseArgs(
        'analytics.users.observations',
        QuerySchema(),
        query,
        'query',
      );
      const results: NonNullable<UserObservationQueryResponse['results']> = [];
      for (const part of chunk(userIds, USERS_PER_QUERY)) {
        results.push(
          ...((await send(core, op, { body: { filter: anyOfFilter('userId', part), metrics } }, options)).results ??
            []),
        );
      }
      return { results };
    });
  }
}
