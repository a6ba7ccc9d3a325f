// The queue-member ring lever of the apply engine: reads the queue's members (one paginated listing per pass,
// strict validation), writes one `PATCH /api/v2/routing/queues/{queueId}/members/{memberId}` `{ ringNumber }` per
// member whose ring differs. The PATCH answers without the member, so its success is what confirms the write;
// the final read shows whether it held.
import type { GenesysClient } from '../../../client/client.js';
import {
  isBadRequestError,
  isNotFoundError,
  isPermissionDeniedError,
  isValidationError,
  type GenesysError,
} from '../../../errors/index.js';
import type { QueueMember } from '../../../resources/schemas/routing.js';
import { runLever, type CoreOptions, type CoreResult, type EntityRead, type LeverAdapter } from './lever-loop.js';
import { markAnswered, markSent, type LeverTarget, type LeverWords, type Track } from './targets.js';
import { toGenesysError } from '../values.js';

/** Member `memberId` of the queue sits in ring `after`. */
export interface RingTarget extends LeverTarget {
  memberId: string;
  after: number;
}

const KEY = 'ringNumber';
const WORDS: LeverWords = { absent: 'no ring (not a member)', unreadable: "the queue's members", entity: 'member' };

export interface RingLeverOptions extends Omit<CoreOptions<RingTarget>, 'onEntityFinished'> {
  queueId: string;
  /** A members listing taken just before the run: used as the first pass's read instead of a new request. */
  listed?: readonly QueueMember[] | undefined;
  onMemberFinished?: CoreOptions<RingTarget>['onEntityFinished'];
}

/** Brings each member's ring number to its target through the shared engine (passes, drift check, final read). */
export function applyRingTargets(
  client: GenesysClient,
  targets: readonly RingTarget[],
  options: RingLeverOptions,
): Promise<CoreResult<RingTarget>> {
  const { queueId, listed, onMemberFinished, ...core } = options;
  return runLever(ringLever(client, queueId, listed), targets, { ...core, onEntityFinished: onMemberFinished });
}

function ringLever(
  client: GenesysClient,
  queueId: string,
  listed: readonly QueueMember[] | undefined,
): LeverAdapter<RingTarget> {
  return {
    words: WORDS,
    entityOf: (t) => t.memberId,
    keyOf: () => KEY,
    // One listing covers the whole queue: every pass reads it once.
    chunkSize: Number.MAX_SAFE_INTEGER,
    read: async (memberIds, phase, signal) => {
      if (phase.pass === 1 && !phase.final && listed) return ringsOf(memberIds, listed);
      try {
        return ringsOf(
          memberIds,
          await client.routing.members
            .list(queueId, { signal, validation: 'strict' })
            .toArray({ max: 100_000, ifMore: 'throw' }),
        );
      } catch (error) {
        const err = toGenesysError(error, 'routing.members.list');
        return new Map(memberIds.map((id) => [id, { ok: false, error: err }]));
      }
    },
    write: async (memberId, toWrite, _held, signal) => {
      let progressed = false;
      for (const t of toWrite) if (await writeRing(client, queueId, memberId, t, signal)) progressed = true;
      return progressed;
    },
  };
}

/** A member absent from the listing holds no ring (null): a write for it answers 404. */
function ringsOf(memberIds: readonly string[], members: readonly QueueMember[]): Map<string, EntityRead> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const out = new Map<string, EntityRead>();
  for (const id of memberIds) {
    const ring = byId.get(id)?.ringNumber;
    out.set(id, { ok: true, values: new Map(typeof ring === 'number' ? [[KEY, ring]] : []) });
  }
  return out;
}

/** One PATCH; its success confirms the write. An error no later pass can change (not a member, refused) settles it. */
async function writeRing(
  client: GenesysClient,
  queueId: string,
  memberId: string,
  t: Track<RingTarget>,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  markSent(t);
  try {
    const { correlationId } = await client.routing.members.setRingNumber(queueId, memberId, t.target.after, { signal });
    if (correlationId) t.correlationIds.push(correlationId);
    Object.assign(t, { confirmed: true, settled: true, error: undefined });
    return true;
  } catch (error) {
    const err = toGenesysError(error, 'routing.members.setRingNumber');
    if (err.correlationId) t.correlationIds.push(err.correlationId);
    t.error = err;
    if (final(err)) t.settled = true;
    return t.settled;
  } finally {
    markAnswered(t);
  }
}

/** Errors a retry cannot fix; throttling, 5xx, timeouts and connection errors get a later pass. */
const final = (err: GenesysError) =>
  isNotFoundError(err) || isBadRequestError(err) || isPermissionDeniedError(err) || isValidationError(err);
