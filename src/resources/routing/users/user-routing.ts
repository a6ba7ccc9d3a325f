// A user's routing state: routing status (GET/PUT /api/v2/users/{userId}/routingstatus), Genesys Cloud presence
// (GET/PATCH /api/v2/users/{userId}/presences/purecloud) with the org's presence definitions
// (GET /api/v2/presence/definitions), and the user's queues (GET/PATCH /api/v2/users/{userId}/queues[/{queueId}]).
import { lazySchema } from '../../../internal/lazy-schema.js';
import * as z from 'zod/mini';
import { LIMITS } from '../../../limits.js';
import type { CallOptions, Operation } from '../../../transport/operation.js';
import type { ListOptions } from '../../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../../transport/paging/paginator.js';
import type { ApiPromise } from '../../core/api-promise.js';
import { paginate, send } from '../../core/call.js';
import { Resource } from '../../core/resource.js';
import {
  PresenceDefinitionListingSchema,
  UserPresenceSchema,
  UserQueueSchema,
  type OrganizationPresenceDefinition,
  type UserPresence,
  type UserQueue,
} from '../../schemas/admin.js';
import { entityListing, type EntityListing } from '../../schemas/common.js';
import { RoutingStatusSchema, type RoutingStatus } from '../../schemas/routing.js';
import { chunk, parseArgs, requireId } from '../../validate.js';

const statusGetOp: Operation<RoutingStatus> = {
  id: 'users.routingStatus',
  method: 'GET',
  path: '/api/v2/users/{userId}/routingstatus',
  schema: RoutingStatusSchema,
};
const statusSetOp: Operation<RoutingStatus> = {
  id: 'users.routingStatus.set',
  method: 'PUT',
  path: '/api/v2/users/{userId}/routingstatus',
  idempotent: true,
  schema: RoutingStatusSchema,
};
const presenceGetOp: Operation<UserPresence> = {
  id: 'users.presence.get',
  method: 'GET',
  path: '/api/v2/users/{userId}/presences/purecloud',
  schema: UserPresenceSchema,
};
const presenceSetOp: Operation<UserPresence> = {
  id: 'users.presence.set',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/presences/purecloud',
  idempotent: true,
  schema: UserPresenceSchema,
};
const definitionsOp: Operation<{ entities?: OrganizationPresenceDefinition[] }> = {
  id: 'users.presence.definitions',
  method: 'GET',
  path: '/api/v2/presence/definitions',
  schema: PresenceDefinitionListingSchema as never,
};
const queueListing = /* @__PURE__ */ lazySchema(() => entityListing(UserQueueSchema()));
const queuesListOp: Operation = {
  id: 'users.queues.list',
  method: 'GET',
  path: '/api/v2/users/{userId}/queues',
  schema: queueListing,
};
// Joining states the desired joined flag: safe to repeat.
const queuesPatchOp: Operation<EntityListing<UserQueue>> = {
  id: 'users.queues.setJoined',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/queues',
  idempotent: true,
  schema: queueListing as never,
};
const queuePatchOp: Operation<UserQueue> = {
  id: 'users.queues.setJoinedOne',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/queues/{queueId}',
  idempotent: true,
  schema: UserQueueSchema,
};

/** Routing statuses a user can be put in (`RoutingStatus.status`). */
export type RoutingStatusValue = 'OFF_QUEUE' | 'IDLE' | 'INTERACTING' | 'NOT_RESPONDING' | 'COMMUNICATING';
const STATUSES = [
  'OFF_QUEUE',
  'IDLE',
  'INTERACTING',
  'NOT_RESPONDING',
  'COMMUNICATING',
] as const satisfies readonly RoutingStatusValue[];

/** `client.routing.users.routingStatus`: read or set a user's ACD routing status. */
export class RoutingStatusResource extends Resource {
  /** A user's routing status now (`GET /api/v2/users/{userId}/routingstatus`). */
  get(userId: string, options: CallOptions = {}): ApiPromise<RoutingStatus> {
    return this._run(async (core) =>
      send(core, statusGetOp, { params: { userId: requireId('users.routingStatus.get', 'userId', userId) } }, options),
    );
  }

  /**
   * Sets a user's routing status (`PUT /api/v2/users/{userId}/routingstatus`).
   *
   * @example
   * await client.routing.users.routingStatus.set(userId, 'OFF_QUEUE');
   */
  set(userId: string, status: RoutingStatusValue, options: CallOptions = {}): ApiPromise<RoutingStatus> {
    return this._run(async (core) => {
      requireId('users.routingStatus.set', 'userId', userId);
      const valid = parseArgs('users.routingStatus.set', z.enum(STATUSES), status, 'status');
      return send(core, statusSetOp, { params: { userId }, body: { status: valid } }, options);
    });
  }
}

/** What to set a presence to: a presence definition id (see `definitions()`), and an optional message. */
export interface SetPresenceInput {
  /** Id of the presence definition to set (e.g. the org's Available or Busy). */
  presenceDefinitionId: string;
  /** A status message shown with the presence. */
  message?: string;
}

/** `client.routing.users.presence`: a user's Genesys Cloud presence and the org's presence definitions. */
export class PresenceResource extends Resource {
  /** The user's Genesys Cloud (`purecloud` source) presence. */
  get(userId: string, options: CallOptions = {}): ApiPromise<UserPresence> {
    return this._run(async (core) =>
      send(core, presenceGetOp, { params: { userId: requireId('users.presence.get', 'userId', userId) } }, options),
    );
  }

  /**
   * Sets the user's presence. Going On Queue makes the agent routable; leaving it takes them off queue.
   *
   * @example
   * const onQueue = (await client.routing.users.presence.definitions()).find((d) => d.systemPresence === 'On Queue');
   * await client.routing.users.presence.set(userId, { presenceDefinitionId: onQueue!.id });
   */
  set(userId: string, input: SetPresenceInput, options: CallOptions = {}): ApiPromise<UserPresence> {
    return this._run(async (core) => {
      const context = 'users.presence.set';
      requireId(context, 'userId', userId);
      const valid = parseArgs(
        context,
        z.strictObject({
          presenceDefinitionId: z.string().check(z.minLength(1, 'is required')),
          message: z.optional(z.string()),
        }),
        input,
        'input',
      );
      const body = {
        presenceDefinition: { id: valid.presenceDefinitionId },
        ...(valid.message === undefined ? {} : { message: valid.message }),
      };
      return send(core, presenceSetOp, { params: { userId }, body }, options);
    });
  }

  /** The org's presence definitions (system presences and the org's own), in one call. */
  definitions(
    options: CallOptions & { deactivated?: boolean; localeCode?: string } = {},
  ): ApiPromise<OrganizationPresenceDefinition[]> {
    return this._run(async (core) => {
      const { deactivated, localeCode, ...call } = options;
      const query = { ...(deactivated === undefined ? {} : { deactivated: String(deactivated) }), localeCode };
      return (await send(core, definitionsOp, { query }, call)).entities ?? [];
    });
  }
}

/** Filters of `client.routing.users.queues.list`. */
export interface ListUserQueuesOptions extends ListOptions {
  /** Joined queues (default `true`, as the platform) or the ones the user is a member of but not joined to. */
  joined?: boolean;
  /** Only queues in these divisions. */
  divisionIds?: string[];
}

/**
 * `client.routing.users.queues`: the queues a user is a member of, and joining or leaving them. The platform
 * applies joins asynchronously and ignores queues the user is not a member of.
 */
export class UserQueuesResource extends Resource {
  /**
   * The user's queues, page by page (joined ones unless `joined: false`).
   *
   * @example
   * const queues = await client.routing.users.queues.list(userId).toArray();
   */
  list(userId: string, options: ListUserQueuesOptions = {}): Paginator<UserQueue> {
    requireId('users.queues.list', 'userId', userId);
    const { joined, divisionIds, ...rest } = options;
    return paginate<UserQueue>(
      this._client,
      { style: 'pageNumber' },
      queuesListOp,
      { params: { userId }, query: { joined, divisionId: divisionIds } },
      rest,
      ['joined', 'divisionIds'],
    );
  }

  /**
   * Joins the user to one queue or many (in calls of at most 100); resolves to the queues the platform changed.
   *
   * @example
   * await client.routing.users.queues.join(userId, [salesQueueId, billingQueueId]);
   */
  join(userId: string, queueIds: string | readonly string[], options: CallOptions = {}): ApiPromise<UserQueue[]> {
    return this.#setJoined('users.queues.join', userId, queueIds, true, options);
  }

  /** Unjoins the user from one queue or many (they stay a member). */
  unjoin(userId: string, queueIds: string | readonly string[], options: CallOptions = {}): ApiPromise<UserQueue[]> {
    return this.#setJoined('users.queues.unjoin', userId, queueIds, false, options);
  }

  #setJoined(
    context: string,
    userId: string,
    queueIds: string | readonly string[],
    joined: boolean,
    options: CallOptions,
  ): ApiPromise<UserQueue[]> {
    return this._run(async (core) => {
      requireId(context, 'userId', userId);
      const ids = parseArgs(
        context,
        z
          .array(z.string().check(z.minLength(1, 'must be a non-empty string id')))
          .check(z.minLength(1, 'needs at least one queue id')),
        typeof queueIds === 'string' ? [queueIds] : queueIds,
        'queueIds',
      );
      if (ids.length === 1)
        return [
          await send(core, queuePatchOp, { params: { userId, queueId: ids[0] as string }, body: { joined } }, options),
        ];
      const changed: UserQueue[] = [];
      for (const part of chunk(ids, LIMITS.userQueuesPerCall)) {
        changed.push(
          ...((
            await send(core, queuesPatchOp, { params: { userId }, body: part.map((id) => ({ id, joined })) }, options)
          ).entities ?? []),
        );
      }
      return changed;
    });
  }
}
