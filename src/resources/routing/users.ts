// Users (rosters): GET /api/v2/users, GET /api/v2/users/{userId}, GET /api/v2/users/{userId}/routingstatus.
import type { Transport } from '../../transport/transport.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { pageNumberPaginator, type ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { entityListing } from '../schemas/common.js';
import { RoutingStatusSchema, UserSchema, type RoutingStatus, type User } from '../schemas/routing.js';
import { requireId } from '../validate.js';

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
  sortOrder?: 'ascending' | 'descending';
}

export class UsersResource {
  constructor(private readonly transport: Transport) {}

  list(options: ListUsersOptions = {}): Paginator<User> {
    const { ids, expand, state, sortOrder, ...rest } = options;
    return pageNumberPaginator<User>(this.transport, listOp, { query: { id: ids, expand, state, sortOrder } }, rest);
  }

  async get(userId: string, options: CallOptions & { expand?: UserExpand[]; state?: ListUsersOptions['state'] } = {}): Promise<User> {
    requireId('users.get', 'userId', userId);
    const { expand, state, ...call } = options;
    return this.transport.request(getOp, { params: { userId }, query: { expand, state } }, call);
  }

  async routingStatus(userId: string, options: CallOptions = {}): Promise<RoutingStatus> {
    requireId('users.routingStatus', 'userId', userId);
    return this.transport.request(statusOp, { params: { userId } }, options);
  }
}
