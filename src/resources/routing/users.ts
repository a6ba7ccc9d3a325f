// Users (rosters): GET /api/v2/users, GET /api/v2/users/{userId}, GET /api/v2/users/{userId}/routingstatus,
// user search (POST /api/v2/users/search + q64 paging) and a routing roster.
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { entityListing } from '../schemas/common.js';
import { RoutingStatusSchema, UserSchema, type RoutingStatus, type User, type UserSearchResult } from '../schemas/routing.js';
import { requireId } from '../validate.js';
import { mapPaginator } from './map-paginator.js';
import { MembersResource } from './members.js';
import { searchUsers, type UserSearchCriteria, type UserSearchOptions } from './user-search.js';

export type UserExpand = 'routingStatus' | 'presence' | 'skills' | 'languages' | 'groups' | 'team' | (string & {});

const listOp: Operation = { id: 'users.list', method: 'GET', path: '/api/v2/users', schema: entityListing(UserSchema) };
const getOp: Operation<User> = { id: 'users.get', method: 'GET', path: '/api/v2/users/{userId}', schema: UserSchema };
const statusOp: Operation<RoutingStatus> = {
  id: 'users.routingStatus',
  method: 'GET',
  path: '/api/v2/users/{userId}/routingstatus',
  schema: RoutingStatusSchema,
};

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

export interface RosterOptions extends ListOptions {
  /** Only members of this queue (default: every active user of the org). */
  queueId?: string;
  /** With `queueId`: only members who are joined (default true), i.e. who can take interactions. */
  joinedOnly?: boolean;
  expand?: UserExpand[];
}

export class UsersResource extends Resource {
  /**
   * Users page by page (`GET /api/v2/users`).
   *
   * @example
   * const agents = await client.routing.users.list({ expand: ['skills'] }).toArray();
   */
  list(options: ListUsersOptions = {}): Paginator<User> {
    const { ids, expand, state, sortOrder, ...rest } = options;
    return paginate<User>(this._client, { style: 'pageNumber' }, listOp, { query: { id: ids, expand, state, sortOrder } }, rest);
  }

  get(userId: string, options: CallOptions & { expand?: UserExpand[]; state?: Exclude<ListUsersOptions['state'], 'any'> } = {}): ApiPromise<User> {
    return this._run(async (core) => {
      requireId('users.get', 'userId', userId);
      const { expand, state, ...call } = options;
      return send(core, getOp, { params: { userId }, query: { expand, state } }, call);
    });
  }

  routingStatus(userId: string, options: CallOptions = {}): ApiPromise<RoutingStatus> {
    return this._run(async (core) => {
      requireId('users.routingStatus', 'userId', userId);
      return send(core, statusOp, { params: { userId } }, options);
    });
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
        const user: User = m.user?.id ? (m.user as User) : { id: m.id, ...(m.name === undefined ? {} : { name: m.name }) };
        return user.state === undefined || user.state === 'active' ? user : undefined;
      },
      rest.signal,
    );
  }
}
