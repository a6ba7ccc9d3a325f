// Wrap-up codes (GET/POST /api/v2/routing/wrapupcodes, GET/PUT/DELETE …/{codeId}) and a queue's wrap-up codes
// (GET/POST /api/v2/routing/queues/{queueId}/wrapupcodes, at most 100 per POST; DELETE …/{codeId}).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { LIMITS } from '../../limits.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import { WrapupCodeSchema, type WrapupCode } from '../schemas/admin.js';
import { entityListing } from '../schemas/common.js';
import { chunk, parseArgs, requireId } from '../validate.js';

const listing = /* @__PURE__ */ lazySchema(() => entityListing(WrapupCodeSchema()));
const listOp: Operation = {
  id: 'routing.wrapupCodes.list',
  method: 'GET',
  path: '/api/v2/routing/wrapupcodes',
  schema: listing,
};
const getOp: Operation<WrapupCode> = {
  id: 'routing.wrapupCodes.get',
  method: 'GET',
  path: '/api/v2/routing/wrapupcodes/{codeId}',
  schema: WrapupCodeSchema,
};
const createOp: Operation<WrapupCode> = {
  id: 'routing.wrapupCodes.create',
  method: 'POST',
  path: '/api/v2/routing/wrapupcodes',
  schema: WrapupCodeSchema,
};
const updateOp: Operation<WrapupCode> = {
  id: 'routing.wrapupCodes.update',
  method: 'PUT',
  path: '/api/v2/routing/wrapupcodes/{codeId}',
  idempotent: true,
  schema: WrapupCodeSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.wrapupCodes.delete',
  method: 'DELETE',
  path: '/api/v2/routing/wrapupcodes/{codeId}',
};
const queueListOp: Operation = {
  id: 'routing.queueWrapupCodes.list',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}/wrapupcodes',
  schema: listing,
};
// Adding codes a queue already has changes nothing: safe to repeat.
const queueAddOp: Operation<WrapupCode[]> = {
  id: 'routing.queueWrapupCodes.add',
  method: 'POST',
  path: '/api/v2/routing/queues/{queueId}/wrapupcodes',
  idempotent: true,
  schema: lazySchema(() => z.array(WrapupCodeSchema())) as never,
};
const queueRemoveOp: Operation<void> = {
  id: 'routing.queueWrapupCodes.remove',
  method: 'DELETE',
  path: '/api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
};

export const WrapupCodeInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'is required')),
    description: z.optional(z.string()),
    divisionId: z.optional(z.string().check(z.minLength(1))),
  }),
);
/** A wrap-up code to create or to replace one with (`WrapupCodeRequest`). */
export interface WrapupCodeInput {
  /** Wrap-up code name (unique in the org). */
  name: string;
  /** Free text. */
  description?: string | undefined;
  /** The division the code belongs to (default: the home division). */
  divisionId?: string | undefined;
}

/** Filters and order of `client.routing.wrapupCodes.list`. */
export interface ListWrapupCodesOptions extends ListOptions {
  /** Name filter (the platform accepts leading/trailing `*` wildcards). */
  name?: string;
  /** Only these wrap-up code ids. */
  ids?: string[];
  /** Only wrap-up codes in these divisions. */
  divisionIds?: string[];
  /** By name: `ascending` or `descending`. */
  sortOrder?: 'ascending' | 'descending';
}

function toRequest(input: WrapupCodeInput): Record<string, unknown> {
  const { divisionId, ...rest } = input;
  return { ...rest, ...(divisionId ? { division: { id: divisionId } } : {}) };
}

/** `client.routing.wrapupCodes`: the org's wrap-up codes (list, get, create, update, delete). */
export class WrapupCodesResource extends Resource {
  /**
   * The org's wrap-up codes, page by page.
   *
   * @example
   * const codes = await client.routing.wrapupCodes.list().toArray();
   */
  list(options: ListWrapupCodesOptions = {}): Paginator<WrapupCode> {
    const { name, ids, divisionIds, sortOrder, ...rest } = options;
    return paginate<WrapupCode>(
      this._client,
      { style: 'pageNumber' },
      listOp,
      { query: { name, id: ids, divisionId: divisionIds, sortOrder } },
      rest,
      ['name', 'ids', 'divisionIds', 'sortOrder'],
    );
  }

  /** One wrap-up code by id (`GET /api/v2/routing/wrapupcodes/{codeId}`). */
  get(codeId: string, options: CallOptions = {}): ApiPromise<WrapupCode> {
    return this._run(async (core) =>
      send(core, getOp, { params: { codeId: requireId('routing.wrapupCodes.get', 'codeId', codeId) } }, options),
    );
  }

  /**
   * Creates a wrap-up code (names are unique: a duplicate is a `ConflictError`). Not retried after an ambiguous 500.
   *
   * @example
   * const code = await client.routing.wrapupCodes.create({ name: 'Refund issued' });
   */
  create(input: WrapupCodeInput, options: CallOptions = {}): ApiPromise<WrapupCode> {
    return this._run(async (core) =>
      send(
        core,
        createOp,
        { body: toRequest(parseArgs('routing.wrapupCodes.create', WrapupCodeInputSchema(), input, 'input')) },
        options,
      ),
    );
  }

  /** Replaces a wrap-up code's name, description and division (`PUT`; fields left out are cleared). */
  update(codeId: string, input: WrapupCodeInput, options: CallOptions = {}): ApiPromise<WrapupCode> {
    return this._run(async (core) => {
      requireId('routing.wrapupCodes.update', 'codeId', codeId);
      return send(
        core,
        updateOp,
        {
          params: { codeId },
          body: toRequest(parseArgs('routing.wrapupCodes.update', WrapupCodeInputSchema(), input, 'input')),
        },
        options,
      );
    });
  }

  /** Deletes a wrap-up code (it is taken off every queue). */
  delete(codeId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      await send(
        core,
        deleteOp,
        { params: { codeId: requireId('routing.wrapupCodes.delete', 'codeId', codeId) } },
        options,
      );
    });
  }
}

/** `client.routing.queueWrapupCodes`: the wrap-up codes of a queue (list, add, remove). */
export class QueueWrapupCodesResource extends Resource {
  /**
   * The wrap-up codes agents of a queue can pick, page by page.
   *
   * @example
   * for await (const code of client.routing.queueWrapupCodes.list(queueId)) console.log(code.name);
   */
  list(queueId: string, options: ListOptions = {}): Paginator<WrapupCode> {
    requireId('routing.queueWrapupCodes.list', 'queueId', queueId);
    return paginate<WrapupCode>(this._client, { style: 'pageNumber' }, queueListOp, { params: { queueId } }, options);
  }

  /**
   * Adds wrap-up codes to a queue, in calls of at most 100 (the platform's limit); resolves to the codes added.
   *
   * @example
   * await client.routing.queueWrapupCodes.add(queueId, [code.id]);
   */
  add(queueId: string, codeIds: readonly string[], options: CallOptions = {}): ApiPromise<WrapupCode[]> {
    return this._run(async (core) => {
      const context = 'routing.queueWrapupCodes.add';
      requireId(context, 'queueId', queueId);
      const ids = parseArgs(
        context,
        z
          .array(z.string().check(z.minLength(1, 'must be a non-empty string id')))
          .check(z.minLength(1, 'needs at least one code id')),
        codeIds,
        'codeIds',
      );
      const added: WrapupCode[] = [];
      for (const part of chunk(ids, LIMITS.queueWrapupCodesPerCall))
        added.push(
          ...(await send(core, queueAddOp, { params: { queueId }, body: part.map((id) => ({ id })) }, options)),
        );
      return added;
    });
  }

  /** Takes a wrap-up code off a queue. */
  remove(queueId: string, codeId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('routing.queueWrapupCodes.remove', 'queueId', queueId);
      requireId('routing.queueWrapupCodes.remove', 'codeId', codeId);
      await send(core, queueRemoveOp, { params: { queueId, codeId } }, options);
    });
  }
}
