// Users (rosters): GET /api/v2/users, GET /api/v2/users/{userId}, GET /api/v2/users/{userId}/routingstatus,
// user search (POST /api/v2/users/search + q64 paging) and a routing roster.
import { lazySchema } from '../../../internal/lazy-schema.js';
import type { ApiPromise } from '../../core/api-promise.js';
import { paginate, send } from '../../core/call.js';
import { Resource } from '../../core/resource.js';
import type { CallOptions, Operation } from '../../../transport/operation.js';
import type { ListOptions } from '../../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../../transport/paging/paginator.js';
import { entityListing } from '../../schemas/common.js';
import { UserSchema, type User, type UserSearchResult } from '../../schemas/routing.js';
import { PresenceResource, RoutingStatusResource, UserQueuesResource } from './user-routing.js';
import { ValidationError } from '../../../errors/index.js';
import { requireId } from '../../validate.js';
import { mapPaginator } from '../map-paginator.js';
import { MembersResource } from '../members/members.js';
import { searchUsers, type UserSearchCriteria, type UserSearchOptions } from './user-search.js';

/** Extra user data to include in a listing. */
export type UserExpand = 'routingStatus' | 'presence' | 'skills' | 'languages' | 'groups' | 'team' | (string & {});

const listOp: Operation = {
  id: 'users.list',
  method: 'GET',
  path: '/api/v2/users',
  schema: lazySchema(() => entityListing(UserSchema())),
};
const getOp: Operation<User> = { id: 'users.get', method: 'GET', path: '/api/v2/users/{userId}', schema: UserSchema };

/** Filters of `client.routing.users.list`. */
export interface ListUsersOptions extends ListOptions {
  /** Bulk fetch by id. */
  ids?: string[];
  /** Extra data per user; best-effort on the platform side. */
  expand?: UserExpand[];
  /** Default `active`. */
  state?: 'active' | 'inactive' | 'deleted' | 'any';
  /** By name; the platform's values are `ASC` (default) and `DESC`. */
  sortOrder?: 'ASC' | 'DESC';
}

/** Users fetched by id in one request, read strictly. */
export interface UsersByIdResult {
  /** The users the platform returned, in its order. */
  users: User[];
  /** Requested ids the platform did not return (deleted, or filtered out by `state`). */
  missing: string[];
  /** `ININ-Correlation-Id` of the response. */
  correlationId: string | undefined;
}

/** Ids per bulk fetch: the platform's page size for `GET /api/v2/users` accepts 100. */
export const USERS_BY_ID_LIMIT = 100;

/** The org a client's token belongs to. */
export interface OrgRef {
  /** Org id. */
  id: string;
  /** Org name, when the platform returned it. */
  name?: string | undefined;
}

const tokenInfoOp: Operation<{ organization?: { id?: string; name?: string } }> = {
  id: 'tokens.me',
  method: 'GET',
  path: '/api/v2/tokens/me',
};
const orgMeOp: Operation<{ id?: string; name?: string }> = {
  id: 'organizations.me',
  method: 'GET',
  path: '/api/v2/organizations/me',
};

/** Who `client.routing.users.roster` lists: the whole org or one queue's members. */
export interface RosterOptions extends ListOptions {
  /** Only members of this queue (default: every active user of the org). */
  queueId?: string;
  /** With `queueId`: only members who are joined (default true), i.e. who can take interactions. */
  joinedOnly?: boolean;
  /** Extra data per user (e.g. `skills`, `languages`); best-effort on the platform side. */
  expand?: UserExpand[];
}

/**
 * `client.routing.users` (also `client.users`): users with their skills, search, routing status, presence and queues.
 */
export class UsersResource extends Resource {
  /**
   * Users page by page (`GET /api/v2/users`).
   *
   * @example
   * const agents = await client.routing.users.list({ expand: ['skills'] }).toArray();
   */
  list(options: ListUsersOptions = {}): Paginator<User> {
    const { ids, expand, state, sortOrder, ...rest } = options;
    return paginate<User>(
      this._client,
      { style: 'pageNumber' },
      listOp,
      { query: { id: ids, expand, state, sortOrder } },
      rest,
      ['ids', 'expand', 'state', 'sortOrder'],
    );
  }

  /**
   * Up to 100 users by id in one request (`GET /api/v2/users?id=…&id=…`), read strictly: a response that is
   * not a user listing throws `ValidationError` whatever the client's validation mode. `expand` is best effort
   * on the platform: a user may come back without the expanded field.
   *
   * @example
   * const { users, missing } = await client.routing.users.byIds(ids, { expand: ['skills'] });
   */
  byIds(
    ids: readonly string[],
    options: CallOptions & { expand?: UserExpand[]; state?: ListUsersOptions['state'] } = {},
  ): ApiPromise<UsersByIdResult> {
    return this._run(async (core) => {
      const context = 'users.byIds';
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > USERS_BY_ID_LIMIT) {
        throw new ValidationError(context, [{ path: 'ids', message: `must hold 1 to ${USERS_BY_ID_LIMIT} user ids` }]);
      }
      ids.forEach((id, i) => requireId(context, `ids[${i}]`, id));
      const { expand, state, ...call } = options;
      const res = await send(
        core,
        listOp,
        { query: { id: [...ids], expand, state, pageSize: USERS_BY_ID_LIMIT, pageNumber: 1 } },
        { ...call, validation: 'strict' },
      ).withResponse();
      const entities = (res.data as { entities?: unknown }).entities;
      if (!Array.isArray(entities)) {
        throw new ValidationError(
          `${context}: malformed user listing`,
          [{ path: 'response.entities', message: 'expected an array of users' }],
          { correlationId: res.correlationId, operation: context },
        );
      }
      const users = entities as User[];
      const returned = new Set(users.map((u) => u.id));
      return { users, missing: ids.filter((id) => !returned.has(id)), correlationId: res.correlationId };
    });
  }

  /**
   * The org this client's token belongs to: token info (`GET /api/v2/tokens/me`), or
   * `GET /api/v2/organizations/me` when token info is refused. Used to refuse applying a plan to another org.
   *
   * @example
   * const { id, name } = await client.routing.users.currentOrg();
   */
  currentOrg(options: CallOptions = {}): ApiPromise<OrgRef> {
    return this._run(async (core) => {
      let org: { id?: unknown; name?: unknown } | undefined;
      try {
        org = (await send(core, tokenInfoOp, {}, options))?.organization;
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status !== 403 && status !== 404) throw error;
      }
      if (typeof org?.id !== 'string' || org.id === '') org = await send(core, orgMeOp, {}, options);
      if (typeof org?.id !== 'string' || org.id === '') {
        throw new ValidationError('users.currentOrg: malformed response', [
          { path: 'response.organization.id', message: 'expected the org id' },
        ]);
      }
      return { id: org.id, name: typeof org.name === 'string' ? org.name : undefined };
    });
  }

  /** One user by id (`GET /api/v2/users/{userId}`), with `expand` (e.g. `skills`) and `state`; NotFoundError when there is none. */
  get(
    userId: string,
    options: CallOptions & { expand?: UserExpand[]; state?: Exclude<ListUsersOptions['state'], 'any'> } = {},
  ): ApiPromise<User> {
    return this._run(async (core) => {
      requireId('users.get', 'userId', userId);
      const { expand, state, ...call } = options;
      return send(core, getOp, { params: { userId }, query: { expand, state } }, call);
    });
  }

  #routingStatus?: RoutingStatusResource;
  #presence?: PresenceResource;
  #queues?: UserQueuesResource;

  /** A user's routing status: `routingStatus.get(userId)`, `routingStatus.set(userId, 'OFF_QUEUE')`. */
  get routingStatus(): RoutingStatusResource {
    return (this.#routingStatus ??= new RoutingStatusResource(this._client));
  }

  /** A user's presence (`get`, `set`) and the org's presence `definitions()`. */
  get presence(): PresenceResource {
    return (this.#presence ??= new PresenceResource(this._client));
  }

  /** The queues a user is a member of (`list`), and joining or leaving them (`join`, `unjoin`). */
  get queues(): UserQueuesResource {
    return (this.#queues ??= new UserQueuesResource(this._client));
  }

  /**
   * Searches users (`POST /api/v2/users/search`, then `GET …/search?q64=` for later pages). Criteria are
   * combined like the platform does: AND criteria must match, at least one OR criterion must match, NOT
   * criteria must not. The platform searches active users unless a criterion names `state`.
   *
   * @example
   * const sales = client.routing.users.search(
   *   [{ type: 'CONTAINS', fields: ['department'], value: 'Sales' }],
   *   { expand: ['routingStatus'], pageSize: 50 },
   * );
   * for await (const user of sales) console.log(user.name, user.routingStatus?.status);
   */
  search(criteria: readonly UserSearchCriteria[], options: UserSearchOptions = {}): Paginator<UserSearchResult> {
    return searchUsers(this._client, criteria, options);
  }

  /**
   * The users routing can use: with `queueId`, the queue's active, joined members (their `user` objects);
   * without, every active user of the org. One listing call per page, no extra lookups.
   *
   * @example
   * for await (const agent of client.routing.users.roster({ queueId, expand: ['skills'] })) console.log(agent.name);
   */
  roster(options: RosterOptions = {}): Paginator<User> {
    const { queueId, joinedOnly = true, expand, ...rest } = options;
    if (queueId === undefined) return this.list({ ...rest, expand, state: 'active' });
    requireId('users.roster', 'queueId', queueId);
    const members = new MembersResource(this._client).list(queueId, {
      ...rest,
      expand,
      ...(joinedOnly ? { joined: true } : {}),
    });
    return mapPaginator(
      members,
      (m) => {
        const user: User = m.user?.id
          ? (m.user as User)
          : { id: m.id, ...(m.name === undefined ? {} : { name: m.name }) };
        return user.state === undefined || user.state === 'active' ? user : undefined;
      },
      rest.signal,
    );
  }
}
