// WFM management units: GET /api/v2/workforcemanagement/managementunits, /{managementUnitId} and /{managementUnitId}/users.
import { lazySchema } from '../../internal/lazy-schema.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import { entityListing } from '../schemas/common.js';
import { requireId } from '../validate.js';
import { ManagementUnitSchema, WfmUserListingSchema, type ManagementUnit, type WfmReference } from './schemas.js';

const BASE = '/api/v2/workforcemanagement/managementunits';
const listOp: Operation = {
  id: 'workforce.managementUnits.list',
  method: 'GET',
  path: BASE,
  schema: lazySchema(() => entityListing(ManagementUnitSchema())),
};
const getOp: Operation<ManagementUnit> = {
  id: 'workforce.managementUnits.get',
  method: 'GET',
  path: `${BASE}/{managementUnitId}`,
  schema: ManagementUnitSchema,
};
const usersOp: Operation<{ entities?: WfmReference[] }> = {
  id: 'workforce.managementUnits.users',
  method: 'GET',
  path: `${BASE}/{managementUnitId}/users`,
  schema: WfmUserListingSchema,
};

/** Options of `managementUnits.list`: paging, and a division filter. */
export interface ListManagementUnitsOptions extends ListOptions {
  /** Only units of this division. */
  divisionId?: string;
}

/** `client.workforce.managementUnits`: WFM management units and their agents. */
export class ManagementUnitsResource extends Resource {
  /**
   * Every management unit. The platform documents paging of this list as deprecated (one page holds every
   * unit); the paginator follows `nextUri`/`pageCount` when an org still pages, so both readings work.
   *
   * @example
   * for await (const mu of client.workforce.managementUnits.list()) console.log(mu.name, mu.businessUnit?.id);
   */
  list(options: ListManagementUnitsOptions = {}): Paginator<ManagementUnit> {
    const { divisionId, ...rest } = options;
    return paginate<ManagementUnit>(this._client, { style: 'pageNumber' }, listOp, { query: { divisionId } }, rest, [
      'divisionId',
    ]);
  }

  /** One management unit (`'mine'` = the unit of the calling user, for user tokens). */
  get(managementUnitId: string, options: CallOptions = {}): ApiPromise<ManagementUnit> {
    return this._run(async (core) => {
      requireId('workforce.managementUnits.get', 'managementUnitId', managementUnitId);
      return send(core, getOp, { params: { managementUnitId } }, options);
    });
  }

  /**
   * The users (agents) of a management unit, as references (`{ id }`); one list, the platform does not page it.
   *
   * @example
   * const agents = await client.workforce.managementUnits.users(mu.id);
   */
  users(managementUnitId: string, options: CallOptions = {}): ApiPromise<WfmReference[]> {
    return this._run(async (core) => {
      requireId('workforce.managementUnits.users', 'managementUnitId', managementUnitId);
      const listing = await send(core, usersOp, { params: { managementUnitId } }, options);
      return listing.entities ?? [];
    });
  }
}
