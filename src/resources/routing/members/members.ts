// Queue members (`/api/v2/routing/queues/{queueId}/members`): list (page size at most 100; no total/pageCount), bulk add/remove
// (POST, `?delete=true`), bulk join/unjoin (PATCH, asynchronous on the platform) and ring numbers.
import * as z from 'zod/mini';
import { lazySchema } from '../../../internal/lazy-schema.js';
import type { ApiPromise } from '../../core/api-promise.js';
import type { ClientCore } from '../../core/client-core.js';
import { paginate, send } from '../../core/call.js';
import { Resource } from '../../core/resource.js';
import type { CallOptions, Operation } from '../../../transport/operation.js';
import type { ListOptions } from '../../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../../transport/paging/paginator.js';
import { ValidationError } from '../../../errors/index.js';
import { entityListing } from '../../schemas/common.js';
import { QueueMemberSchema, type QueueMember } from '../../schemas/routing.js';
import { parseArgs, requireId } from '../../validate.js';
import {
  QUEUE_MEMBERS_LIMIT,
  runMemberChunks,
  type MemberBatchOptions,
  type MemberBatchResult,
} from './member-batches.js';
import { verifyJoined, type VerifyJoinOptions } from './member-join.js';
import { LIMITS } from '../../../limits.js';

export { QUEUE_MEMBERS_LIMIT } from './member-batches.js';

/** Ring numbers 1..6: the Genesys terraform provider's validation. The API-side range is unconfirmed. */
export const RING_NUMBER_RANGE = LIMITS.ringNumber;

const listOp: Operation = {
  id: 'routing.members.list',
  method: 'GET',
  path: '/api/v2/routing/queues/{queueId}/members',
  schema: lazySchema(() => entityListing(QueueMemberSchema())),
};
// Adding an existing member (or removing a non-member) changes nothing, but the platform does not promise
// it; keep POST's default (not retried after an ambiguous 500).
const addOp: Operation<void> = {
  id: 'routing.members.add',
  method: 'POST',
  path: '/api/v2/routing/queues/{queueId}/members',
};
const removeOp: Operation<void> = {
  id: 'routing.members.remove',
  method: 'POST',
  path: '/api/v2/routing/queues/{queueId}/members',
};
// Joined states are desired state: repeating the PATCH is harmless.
const joinOp: Operation = {
  id: 'routing.members.setJoined',
  method: 'PATCH',
  path: '/api/v2/routing/queues/{queueId}/members',
  idempotent: true,
  schema: lazySchema(() => entityListing(QueueMemberSchema())),
};
const patchOneOp: Operation<void> = {
  id: 'routing.members.setRingNumber',
  method: 'PATCH',
  path: '/api/v2/routing/queues/{queueId}/members/{memberId}',
  idempotent: true,
};

/** Extra member data to include in a listing. */
export type MemberExpand = 'routingStatus' | 'presence' | 'skills' | 'languages' | (string & {});

/** Options of `client.routing.members.list`: paging and the platform's member filters. */
export interface ListMembersOptions extends ListOptions {
  /** Extra data per member (routing status, presence, skills, languages). */
  expand?: MemberExpand[];
  /** Only members who joined (true) or did not (false). */
  joined?: boolean;
  /** Only members whose name matches. */
  name?: string;
  /** Only members with these skills. */
  skills?: string[];
  /** Only members in these routing statuses. */
  routingStatus?: string[];
  /** Only members added individually (`user`) or through a group (`group`). */
  memberBy?: 'user' | 'group';
  /** Order by name, ascending (default) or descending. */
  sortOrder?: 'asc' | 'desc';
}

/** One member's requested joined state, for `client.routing.members.setJoined`. */
export interface JoinChange {
  /** The member's user id. */
  userId: string;
  /** True to join the queue (receive its interactions), false to unjoin. */
  joined: boolean;
}

/** Options of `client.routing.members.setJoined`: batching, and whether to check that the change took effect. */
export interface SetJoinedOptions extends CallOptions, MemberBatchOptions {
  /**
   * Re-read the members until every listed member shows the requested `joined` (the platform applies the
   * change asynchronously), and report the listed users who are not members. `true` = default timing.
   */
  verify?: boolean | VerifyJoinOptions;
}

/** What `client.routing.members.setJoined` did, per chunk, and (with `verify`) whether it took effect. */
export interface SetJoinedResult extends MemberBatchResult {
  /** True when `verify` was requested and every member of the accepted chunks shows the requested state. */
  verified: boolean;
  /** With `verify`: listed users who are not members of the queue (the platform silently ignored them). */
  notMembers?: string[];
}

/** Options of `client.routing.members.setRingNumber` (bullseye ring of queue members). */
export interface SetRingNumberOptions extends CallOptions {
  /** Upper bound checked before sending (default 6, the terraform range; the API range is unconfirmed). */
  maxRingNumber?: number;
}

const UserIdsSchema = /* @__PURE__ */ lazySchema(() =>
  z.array(z.string().check(z.trim(), z.minLength(1, 'must be a non-empty user id'))),
);
const JoinChangesSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .array(
      z.strictObject({
        userId: z.string().check(z.trim(), z.minLength(1, 'must be a non-empty user id')),
        joined: z.boolean('must be true or false'),
      }),
    )
    .check(
      z.superRefine((items, ctx) => {
        const seen = new Map<string, boolean>();
        items.forEach((item, i) => {
          const before = seen.get(item.userId);
          if (before !== undefined && before !== item.joined)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'joined'],
              message: `conflicts with an earlier entry for user ${item.userId}`,
            });
          seen.set(item.userId, item.joined);
        });
      }),
    ),
);

/**
 * `client.routing.members`: the members of a queue (list, add, remove, ring number, joined state), chunked to the
 * platform's limits.
 */
export class MembersResource extends Resource {
  /**
   * The queue's members, page by page (at most 100 per page).
   *
   * @example
   * const joined = await client.routing.members.list(queueId, { joined: true, expand: ['routingStatus'] }).toArray();
   */
  list(queueId: string, options: ListMembersOptions = {}): Paginator<QueueMember> {
    requireId('routing.members.list', 'queueId', queueId);
    const { expand, joined, name, skills, routingStatus, memberBy, sortOrder, ...rest } = options;
    const pageSize = rest.pageSize ?? QUEUE_MEMBERS_LIMIT;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > QUEUE_MEMBERS_LIMIT) {
      throw new ValidationError('routing.members.list', [
        { path: 'pageSize', message: `must be an integer from 1 to ${QUEUE_MEMBERS_LIMIT}` },
      ]);
    }
    const query = { expand, joined, name, skills, routingStatus, memberBy, sortOrder };
    return paginate<QueueMember>(
      this._client,
      { style: 'pageNumber' },
      listOp,
      { params: { queueId }, query },
      { ...rest, pageSize },
      ['expand', 'joined', 'name', 'skills', 'routingStatus', 'memberBy', 'sortOrder'],
    );
  }

  /**
   * Adds users to the queue, 100 per call (`POST …/members`). Duplicates are sent once. Emits `progress`.
   *
   * @example
   * const { calls, failed } = await client.routing.members.add(queueId, userIds, { continueOnError: true });
   */
  add(
    queueId: string,
    userIds: readonly string[],
    options: CallOptions & MemberBatchOptions = {},
  ): ApiPromise<MemberBatchResult> {
    return this._run(async (core) => {
      return this.#bulk(core, addOp, queueId, userIds, options);
    });
  }

  /**
   * Removes users from the queue, 100 per call (`POST …/members?delete=true`). Emits `progress`.
   *
   * @example
   * await client.routing.members.remove(queueId, ['user-1', 'user-2']);
   */
  remove(
    queueId: string,
    userIds: readonly string[],
    options: CallOptions & MemberBatchOptions = {},
  ): ApiPromise<MemberBatchResult> {
    return this._run(async (core) => {
      return this.#bulk(core, removeOp, queueId, userIds, options);
    });
  }

  /**
   * Sets one member's ring number (`PATCH …/members/{memberId}` with `ringNumber` only).
   *
   * @example
   * await client.routing.members.setRingNumber(queueId, userId, 2);
   */
  setRingNumber(
    queueId: string,
    memberId: string,
    ringNumber: number,
    options: SetRingNumberOptions = {},
  ): ApiPromise<{ correlationId: string | undefined }> {
    return this._run(async (core) => {
      const operation = 'routing.members.setRingNumber';
      requireId(operation, 'queueId', queueId);
      requireId(operation, 'memberId', memberId);
      const { maxRingNumber = RING_NUMBER_RANGE.max, ...call } = options;
      if (!Number.isInteger(ringNumber) || ringNumber < RING_NUMBER_RANGE.min || ringNumber > maxRingNumber) {
        throw new ValidationError(operation, [
          {
            path: 'ringNumber',
            message: `must be an integer from ${RING_NUMBER_RANGE.min} to ${maxRingNumber} (got ${String(ringNumber)})`,
          },
        ]);
      }
      const res = await send(
        core,
        patchOneOp,
        { params: { queueId, memberId }, body: { ringNumber } },
        call,
      ).withResponse();
      return { correlationId: res.correlationId };
    });
  }

  /**
   * Joins/unjoins members in bulk (`PATCH …/members`, 100 per call). The platform applies this
   * ASYNCHRONOUSLY and silently ignores users who are not members: pass `verify` to re-read until the
   * change shows (TimeoutError otherwise) and to learn which users were not members.
   *
   * @example
   * const result = await client.routing.members.setJoined(queueId, [{ userId, joined: false }], { verify: { timeoutMs: 20_000 } });
   * if (result.notMembers?.length) console.warn('not members:', result.notMembers);
   */
  setJoined(
    queueId: string,
    changes: readonly JoinChange[],
    options: SetJoinedOptions = {},
  ): ApiPromise<SetJoinedResult> {
    return this._run(async (core) => {
      const operation = 'routing.members.setJoined';
      requireId(operation, 'queueId', queueId);
      const { verify, continueOnError, ...call } = options;
      const wanted = new Map(
        parseArgs(operation, JoinChangesSchema(), changes, 'changes').map((c) => [c.userId, c.joined]),
      );
      const items = [...wanted].map(([id, joined]) => ({ id, joined }));
      const result = await runMemberChunks(
        core,
        operation,
        items,
        (item) => item.id,
        async (part) => {
          await send(core, joinOp, { params: { queueId }, body: part }, call);
        },
        { continueOnError },
      );
      if (!verify) return { ...result, verified: false };
      const succeeded = new Set(result.succeeded);
      const accepted = new Map([...wanted].filter(([id]) => succeeded.has(id)));
      if (accepted.size === 0) return { ...result, verified: result.failed.length === 0, notMembers: [] };
      const check = await verifyJoined(core, queueId, accepted, () => this.list(queueId, { signal: call.signal }), {
        ...(verify === true ? {} : verify),
        signal: call.signal,
      });
      return { ...result, verified: true, notMembers: check.notMembers };
    });
  }

  async #bulk(
    core: ClientCore,
    op: Operation<void>,
    queueId: string,
    userIds: readonly string[],
    options: CallOptions & MemberBatchOptions,
  ): Promise<MemberBatchResult> {
    requireId(op.id, 'queueId', queueId);
    const { continueOnError, ...call } = options;
    const ids = [...new Set(parseArgs(op.id, UserIdsSchema(), userIds, 'userIds'))];
    const query = op === removeOp ? { delete: true } : undefined;
    return runMemberChunks(
      core,
      op.id,
      ids,
      (id) => id,
      async (part) => {
        await send(core, op, { params: { queueId }, query, body: part.map((id) => ({ id })) }, call);
      },
      { continueOnError },
    );
  }
}
