// Sends queue-member writes in chunks of at most 100 users (the documented limit), reporting progress after
// each chunk and collecting a per-chunk result.
import { GenesysError } from '../../../errors/index.js';
import type { ClientCore } from '../../core/client-core.js';
import { chunk } from '../../validate.js';
import { LIMITS } from '../../../limits.js';

/** Users per member call (documented platform limit). */
export const QUEUE_MEMBERS_LIMIT = LIMITS.membersPerCall;

/** One chunk (at most 100 users) of a member call. */
export interface MemberChunkResult {
  /** 0-based chunk index. */
  index: number;
  /** The users of this chunk. */
  userIds: string[];
  /** True when the platform accepted the chunk. */
  ok: boolean;
  /** Why the chunk failed (only with `continueOnError`). */
  error?: GenesysError;
}

/** What a member call (add, remove, set joined) did, chunk by chunk. */
export interface MemberBatchResult {
  /** HTTP calls made (one per chunk of at most 100 users). */
  calls: number;
  /** Each chunk, in order. */
  chunks: MemberChunkResult[];
  /** Users of the chunks the platform accepted. */
  succeeded: string[];
  /** Users of the chunks that failed (only with `continueOnError`). */
  failed: string[];
}

/** Options of member calls that send users in chunks. */
export interface MemberBatchOptions {
  /**
   * Keep sending the remaining chunks after one fails, and report failures in the result instead of
   * throwing. Default false: the first failure is thrown (earlier chunks stay applied; re-running is safe).
   */
  continueOnError?: boolean;
}

/** Runs `send` once per chunk, in order, emitting `progress` (unit `users`) after each. */
export async function runMemberChunks<T>(
  core: ClientCore,
  operation: string,
  items: readonly T[],
  idOf: (item: T) => string,
  send: (part: T[]) => Promise<void>,
  options: MemberBatchOptions,
): Promise<MemberBatchResult> {
  const result: MemberBatchResult = { calls: 0, chunks: [], succeeded: [], failed: [] };
  let done = 0;
  for (const [index, part] of chunk(items, QUEUE_MEMBERS_LIMIT).entries()) {
    const userIds = part.map(idOf);
    result.calls++;
    try {
      await send(part);
      result.chunks.push({ index, userIds, ok: true });
      result.succeeded.push(...userIds);
    } catch (error) {
      if (!options.continueOnError || !(error instanceof GenesysError)) throw error;
      result.chunks.push({ index, userIds, ok: false, error });
      result.failed.push(...userIds);
    }
    done += part.length;
    core.emit('progress', { operation, unit: 'users', done, total: items.length });
  }
  return result;
}
