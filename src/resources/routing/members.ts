// Queue members: GET /api/v2/routing/queues/{queueId}/members (page size at most 100; no total/pageCount).
import type { Transport } from '../../transport/transport.js';
import type { Operation } from '../../transport/operation.js';
import { pageNumberPaginator, type ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { ValidationError } from '../../errors.js';
import { entityListing } from '../schemas/common.js';
import { QueueMemberSchema, type QueueMember } from '../schemas/routing.js';
import { requireId } from '../validate.js';

/** Users per member call (documented platform limit). */
export const QUEUE_MEMBERS_LIMIT = 100;

const listOp: Operation = {
  id: 'routing.members.list',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}/members',
  schema: entityListing(QueueMemberSchema),
};

export type MemberExpand = 'routingStatus' | 'presence' | 'skills' | 'languages' | (string & {});

export interface ListMembersOptions extends ListOptions {
  expand?: MemberExpand[];
  joined?: boolean;
  name?: string;
  skills?: string[];
  routingStatus?: string[];
  memberBy?: 'user' | 'group';
  sortOrder?: 'asc' | 'desc';
}

export class MembersResource {
  constructor(protected readonly transport: Transport) {}

  list(queueId: string, options: ListMembersOptions = {}): Paginator<QueueMember> {
    requireId('routing.members.list', 'queueId', queueId);
    const { expand, joined, name, skills, routingStatus, memberBy, sortOrder, ...rest } = options;
    const pageSize = rest.pageSize ?? QUEUE_MEMBERS_LIMIT;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > QUEUE_MEMBERS_LIMIT) {
      throw new ValidationError('routing.members.list', [{ path: 'pageSize', message: `must be an integer from 1 to ${QUEUE_MEMBERS_LIMIT}` }]);
    }
    const query = { expand, joined, name, skills, routingStatus, memberBy, sortOrder };
    return pageNumberPaginator<QueueMember>(this.transport, listOp, { params: { queueId }, query }, { ...rest, pageSize });
  }
}
