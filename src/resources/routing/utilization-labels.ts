// Utilization labels (GET/POST /api/v2/routing/utilization/labels, GET/PUT/DELETE …/{labelId}): capacity buckets
// for interactions that carry the label; their capacities live in the utilization settings (`labelUtilizations`).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import { UtilizationLabelSchema, type UtilizationLabel } from '../schemas/admin.js';
import { entityListing } from '../schemas/common.js';
import { parseArgs, requireId } from '../validate.js';

const listOp: Operation = {
  id: 'routing.utilization.labels.list',
  method: 'GET',
  path: '/api/v2/routing/utilization/labels',
  schema: lazySchema(() => entityListing(UtilizationLabelSchema())),
};
const getOp: Operation<UtilizationLabel> = {
  id: 'routing.utilization.labels.get',
  method: 'GET',
  path: '/api/v2/routing/utilization/labels/{labelId}',
  schema: UtilizationLabelSchema,
};
const createOp: Operation<UtilizationLabel> = {
  id: 'routing.utilization.labels.create',
  method: 'POST',
  path: '/api/v2/routing/utilization/labels',
  schema: UtilizationLabelSchema,
};
const renameOp: Operation<UtilizationLabel> = {
  id: 'routing.utilization.labels.rename',
  method: 'PUT',
  path: '/api/v2/routing/utilization/labels/{labelId}',
  idempotent: true,
  schema: UtilizationLabelSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.utilization.labels.delete',
  method: 'DELETE',
  path: '/api/v2/routing/utilization/labels/{labelId}',
};

const NameSchema = /* @__PURE__ */ lazySchema(() => z.string().check(z.trim(), z.minLength(1, 'is required')));

/** `client.routing.utilization.labels`: utilization labels (list, get, create, rename, delete). */
export class UtilizationLabelsResource extends Resource {
  /**
   * The org's utilization labels, page by page.
   *
   * @example
   * const labels = await client.routing.utilization.labels.list().toArray();
   */
  list(options: ListOptions & { name?: string } = {}): Paginator<UtilizationLabel> {
    const { name, ...rest } = options;
    return paginate<UtilizationLabel>(this._client, { style: 'pageNumber' }, listOp, { query: { name } }, rest, [
      'name',
    ]);
  }

  /** One utilization label by id (`GET /api/v2/routing/utilization/labels/{labelId}`). */
  get(labelId: string, options: CallOptions = {}): ApiPromise<UtilizationLabel> {
    return this._run(async (core) =>
      send(
        core,
        getOp,
        { params: { labelId: requireId('routing.utilization.labels.get', 'labelId', labelId) } },
        options,
      ),
    );
  }

  /** Creates a label (names are unique: a duplicate is a `ConflictError`). */
  create(name: string, options: CallOptions = {}): ApiPromise<UtilizationLabel> {
    return this._run(async (core) =>
      send(
        core,
        createOp,
        { body: { name: parseArgs('routing.utilization.labels.create', NameSchema(), name, 'name') } },
        options,
      ),
    );
  }

  /** Renames a utilization label (`PUT /api/v2/routing/utilization/labels/{labelId}` with the new `name`). */
  rename(labelId: string, name: string, options: CallOptions = {}): ApiPromise<UtilizationLabel> {
    return this._run(async (core) => {
      requireId('routing.utilization.labels.rename', 'labelId', labelId);
      return send(
        core,
        renameOp,
        {
          params: { labelId },
          body: { name: parseArgs('routing.utilization.labels.rename', NameSchema(), name, 'name') },
        },
        options,
      );
    });
  }

  /** Deletes a utilization label (`DELETE /api/v2/routing/utilization/labels/{labelId}`). */
  delete(labelId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      await send(
        core,
        deleteOp,
        { params: { labelId: requireId('routing.utilization.labels.delete', 'labelId', labelId) } },
        options,
      );
    });
  }
}
