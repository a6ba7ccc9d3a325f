// Verification of a bulk join/unjoin. The platform applies PATCH …/members asynchronously and silently
// ignores users who are not members, so the only proof is re-reading the membership until it shows the
// requested states.
import { TimeoutError } from '../../../errors/index.js';
import type { Paginator } from '../../../transport/paging/paginator.js';
import { pollUntil } from '../../../transport/paging/poll.js';
import type { ClientCore } from '../../core/client-core.js';
import type { QueueMember } from '../../schemas/routing.js';

/** Timing of the re-reads that confirm a joined-state change (the `verify` option of `setJoined`). */
export interface VerifyJoinOptions {
  /** Give up after this long (default 30 s) with a TimeoutError naming the members still pending. */
  timeoutMs?: number;
  /** First wait between re-reads (default 1 s; grows 1.5x up to 10 s). */
  intervalMs?: number;
}

export interface JoinVerification {
  /** Listed users who are not members of the queue: the platform ignored them. */
  notMembers: string[];
  /** Members whose `joined` does not yet show the requested value (empty once verified). */
  pending: string[];
}

/** Re-reads the queue's members until every listed member shows the wanted `joined`. */
export async function verifyJoined(
  core: ClientCore,
  queueId: string,
  wanted: ReadonlyMap<string, boolean>,
  listMembers: () => Paginator<QueueMember>,
  options: VerifyJoinOptions & { signal?: AbortSignal | undefined },
): Promise<JoinVerification> {
  const operation = 'routing.members.setJoined';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const check = async (): Promise<JoinVerification> => {
    const joined = new Map<string, boolean | undefined>();
    for await (const member of listMembers()) joined.set(member.id, member.joined);
    const notMembers: string[] = [];
    const pending: string[] = [];
    for (const [userId, want] of wanted) {
      if (!joined.has(userId)) notMembers.push(userId);
      else if (joined.get(userId) !== want) pending.push(userId);
    }
    const members = wanted.size - notMembers.length;
    core.emit('progress', {
      operation,
      unit: 'members',
      done: members - pending.length,
      total: members,
      message: 'verifying joined state',
    });
    return { notMembers, pending };
  };
  let last: JoinVerification | undefined;
  try {
    const settled = (r: JoinVerification): boolean => {
      last = r;
      return r.pending.length === 0;
    };
    return await pollUntil(operation, check, settled, {
      signal: options.signal,
      timeoutMs,
      intervalMs: options.intervalMs ?? 1_000,
    });
  } catch (error) {
    if (!(error instanceof TimeoutError) || !last) throw error;
    const shown = last.pending.slice(0, 10).join(', ') + (last.pending.length > 10 ? ', …' : '');
    throw new TimeoutError(
      `${operation}: ${last.pending.length} member(s) of queue ${queueId} still do not show the requested joined state after ${timeoutMs} ms: ${shown}`,
      { operation, timeoutMs, cause: error },
    );
  }
}
