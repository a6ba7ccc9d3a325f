// Queues: GET /api/v2/routing/queues, GET /api/v2/routing/queues/{queueId}.
import type { Transport } from '../../transport/transport.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { pageNumberPaginator, type ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { entityListing } from '../schemas/common.js';
import { QueueSchema, type Queue } from '../schemas/routing.js';
import { requireId } from '../validate.js';

const listOp: Operation = { id: 'routing.queues.list', method: 'GET', path: '/api/v2/routing/queues', schema: entityListing(QueueSchema) };
const getOp: Operation<Queue> = { id: 'routing.queues.get', method: 'GET', path: '/api/v2/routing/queues/{queueId}', schema: QueueSchema };

export interface ListQueuesOptions extends ListOptions {
  /** Name filter; leading/trailing `*` are wildcards. */
  name?: string;
  ids?: string[];
  divisionIds?: string[];
  sortOrder?: 'asc' | 'desc';
}

export class QueuesResource {
  constructor(protected readonly transport: Transport) {}

  list(options: ListQueuesOptions = {}): Paginator<Queue> {
    const { name, ids, divisionIds, sortOrder, ...rest } = options;
    return pageNumberPaginator<Queue>(this.transport, listOp, { query: { name, id: ids, divisionId: divisionIds, sortOrder } }, rest);
  }

  async get(queueId: string, options: CallOptions = {}): Promise<Queue> {
    requireId('routing.queues.get', 'queueId', queueId);
    return this.transport.request(getOp, { params: { queueId } }, options);
  }
}
