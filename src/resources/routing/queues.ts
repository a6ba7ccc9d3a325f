// Queues: list/get, create (POST), update (GET + PUT of the whole queue) and delete
// (`/api/v2/routing/queues`). Queues have no version field in the official SDK purecloud-platform-client-v2's `QueueRequest`: a PUT is last-writer-wins.
import { lazySchema } from '../../internal/lazy-schema.js';
import { GenesysError } from '../../errors/index.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import { entityListing } from '../schemas/common.js';
import { QueueSchema, type Queue } from '../schemas/routing.js';
import { parseArgs, requireId } from '../validate.js';
import { EstimatedWaitTimeSchema, type EstimatedWaitTimePredictions } from '../schemas/admin.js';
import {
  CreateQueueSchema,
  QueueRequestSchema,
  sameJson,
  toQueueRequest,
  type CreateQueueInput,
  type QueueDraft,
} from './queue-request.js';

const listOp: Operation = {
  id: 'routing.queues.list',
  method: 'GET',
  path: '/api/v2/routing/queues',
  schema: lazySchema(() => entityListing(QueueSchema())),
};
const getOp: Operation<Queue> = {
  id: 'routing.queues.get',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}',
  schema: QueueSchema,
};
// A create is not safe to repeat after an ambiguous failure: it could make a second queue.
const createOp: Operation<Queue> = {
  id: 'routing.queues.create',
  method: 'POST',
  path: '/api/v2/routing/queues',
  schema: QueueSchema,
};
// A full replacement: repeating it gives the same end state, so it is idempotent (the PUT default).
const putOp: Operation<Queue> = {
  id: 'routing.queues.update',
  method: 'PUT',
  path: '/api/v2/routing/queues/{queueId}',
  schema: QueueSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.queues.delete',
  method: 'DELETE',
  path: '/api/v2/routing/queues/{queueId}',
};

/** Filters and order of `client.routing.queues.list`. */
export interface ListQueuesOptions extends ListOptions {
  /** Name filter; leading/trailing `*` are wildcards. */
  name?: string;
  /** Fetch these queue ids only. */
  ids?: string[];
  /** Only queues in these divisions. */
  divisionIds?: string[];
  /** Order by name: `asc` (the platform's default) or `desc`. */
  sortOrder?: 'asc' | 'desc';
}

const LIST_KEYS = ['name', 'ids', 'divisionIds', 'sortOrder'];

/** Receives a deep copy of the queue; mutate it in place or return a new object (sync or async). */
export type QueueMutator = (queue: QueueDraft) => QueueDraft | void | Promise<QueueDraft | void>;

/** Options of `client.routing.queues.update` (read, mutate, write back). */
export interface UpdateQueueOptions extends CallOptions {
  /**
   * Re-read the queue just before the PUT and start over (read, mutate, check) when its `dateModified`
   * changed meanwhile. Narrows, but cannot close, the last-writer-wins window. Default true.
   */
  detectConcurrentChanges?: boolean;
  /** Read-mutate-check rounds before giving up on a queue that keeps changing. Default 3. */
  maxAttempts?: number;
}

/** Options of `client.routing.queues.delete`. */
export interface DeleteQueueOptions extends CallOptions {
  /** Delete even if the queue is in use (e.g. by flows). */
  forceDelete?: boolean;
}

const ewtOp: Operation<EstimatedWaitTimePredictions> = {
  id: 'routing.queues.estimatedWaitTime',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}/estimatedwaittime',
  schema: EstimatedWaitTimeSchema,
};
const ewtMediaOp: Operation<EstimatedWaitTimePredictions> = {
  id: 'routing.queues.estimatedWaitTime',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}/mediatypes/{mediaType}/estimatedwaittime',
  schema: EstimatedWaitTimeSchema,
};

/** Options of `client.routing.queues.estimatedWaitTime`. */
export interface EstimatedWaitTimeOptions extends CallOptions {
  /** Estimate for this media type only (`call`, `callback`, `chat`, `email`, `message`). */
  mediaType?: 'call' | 'callback' | 'chat' | 'email' | 'message';
  /** Estimate for this waiting conversation (whole-queue estimate only). */
  conversationId?: string;
}

/**
 * `client.routing.queues`: routing queues (list, get, create, read-modify-write update, delete, estimated wait time).
 */
export class QueuesResource extends Resource {
  /**
   * How long a new interaction would wait in the queue now, in seconds (`results[].estimatedWaitTimeSeconds`).
   *
   * @example
   * const { results } = await client.routing.queues.estimatedWaitTime(queueId, { mediaType: 'call' });
   * console.log(results[0]?.estimatedWaitTimeSeconds);
   */
  estimatedWaitTime(queueId: string, options: EstimatedWaitTimeOptions = {}): ApiPromise<EstimatedWaitTimePredictions> {
    return this._run(async (core) => {
      requireId('routing.queues.estimatedWaitTime', 'queueId', queueId);
      const { mediaType, conversationId, ...call } = options;
      if (mediaType !== undefined) return send(core, ewtMediaOp, { params: { queueId, mediaType } }, call);
      return send(core, ewtOp, { params: { queueId }, query: { conversationId } }, call);
    });
  }

  /**
   * All queues, page by page.
   *
   * @example
   * for await (const queue of client.routing.queues.list({ name: 'Sales*' })) console.log(queue.name);
   */
  list(options: ListQueuesOptions = {}): Paginator<Queue> {
    const { name, ids, divisionIds, sortOrder, ...rest } = options;
    return paginate<Queue>(
      this._client,
      { style: 'pageNumber' },
      listOp,
      { query: { name, id: ids, divisionId: divisionIds, sortOrder } },
      rest,
      LIST_KEYS,
    );
  }

  /** One queue by id (`GET /api/v2/routing/queues/{queueId}`); NotFoundError when there is none. */
  get(queueId: string, options: CallOptions = {}): ApiPromise<Queue> {
    return this._run(async (core) => {
      requireId('routing.queues.get', 'queueId', queueId);
      return send(core, getOp, { params: { queueId } }, options);
    });
  }

  /**
   * Creates a queue (`POST /api/v2/routing/queues`). Not retried after an ambiguous failure (no idempotency
   * key exists): on a timeout, look the queue up by name before trying again.
   *
   * @example
   * const queue = await client.routing.queues.create({
   *   name: 'Billing Overflow',
   *   skillEvaluationMethod: 'BEST',
   *   mediaSettings: { call: { alertingTimeoutSeconds: 8, serviceLevel: { percentage: 0.8, durationMs: 20_000 } } },
   * });
   */
  create(input: CreateQueueInput, options: CallOptions = {}): ApiPromise<Queue> {
    return this._run(async (core) => {
      const body = parseArgs('routing.queues.create', CreateQueueSchema(), input);
      return send(core, createOp, { body }, options);
    });
  }

  /**
   * Read-modify-write of one queue. `PUT /api/v2/routing/queues/{queueId}` replaces the whole queue, so this
   * GETs it, hands a deep copy to `mutate`, strips read-only fields (member counts, dates, selfUri) and PUTs
   * the complete object: fields you do not touch are sent back unchanged. If `mutate` changes nothing, no
   * PUT is sent. The platform has no version on queues (last writer wins); see `detectConcurrentChanges`.
   *
   * @example
   * await client.routing.queues.update(queueId, (q) => {
   *   q.skillEvaluationMethod = 'BEST';
   *   if (q.mediaSettings?.call?.serviceLevel) q.mediaSettings.call.serviceLevel.percentage = 0.9;
   * });
   */
  update(queueId: string, mutate: QueueMutator, options: UpdateQueueOptions = {}): ApiPromise<Queue> {
    return this._run(async (core) => {
      requireId('routing.queues.update', 'queueId', queueId);
      if (typeof mutate !== 'function')
        throw new GenesysError('routing.queues.update: mutate must be a function', {
          operation: 'routing.queues.update',
        });
      const { detectConcurrentChanges = true, maxAttempts = 3, ...call } = options;
      for (let attempt = 1; ; attempt++) {
        const current = await send(core, getOp, { params: { queueId } }, call);
        const draft = structuredClone(current);
        const next = (await mutate(draft)) ?? draft;
        if (next.id !== undefined && next.id !== queueId) {
          throw new GenesysError(
            `routing.queues.update: mutate changed the queue id (${String(next.id)}); ids cannot change`,
            { operation: 'routing.queues.update' },
          );
        }
        const body = toQueueRequest(parseArgs('routing.queues.update', QueueRequestSchema(), next, 'queue'));
        if (sameJson(body, toQueueRequest(current))) return current;
        if (detectConcurrentChanges) {
          const fresh = await send(core, getOp, { params: { queueId } }, call);
          if (fresh.dateModified !== current.dateModified) {
            if (attempt >= maxAttempts) {
              throw new GenesysError(
                `routing.queues.update: queue ${queueId} changed ${attempt} times while being updated (dateModified moved); not overwriting`,
                { operation: 'routing.queues.update' },
              );
            }
            continue;
          }
        }
        return send(core, putOp, { params: { queueId }, body }, call);
      }
    });
  }

  /**
   * Deletes a queue. `forceDelete` deletes it even when it is in use.
   *
   * @example
   * await client.routing.queues.delete(queueId, { forceDelete: true });
   */
  delete(queueId: string, options: DeleteQueueOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('routing.queues.delete', 'queueId', queueId);
      const { forceDelete, ...call } = options;
      await send(core, deleteOp, { params: { queueId }, query: { forceDelete } }, call);
    });
  }
}
