// distributeWeights, step 2: read the queue's live state (queue, members with routing status, queue
// observations, org utilization) and project saturation of the members the weights direct work to.
import type { GenesysClient } from '../../client/client.js';
import { GenesysApiError, GenesysError } from '../../errors/index.js';
import type { SaturationProjection } from '../../optimizer/planning/index.js';
import type { Queue, QueueMember } from '../../resources/schemas/routing.js';
import type { QueueLoad } from '../../resources/analytics/summaries.js';

/** What distributeWeights measured on the platform right before deciding. */
export interface LiveMeasurement {
  /** Rings configured on the queue's bullseye (0 when none). */
  bullseyeRings: number;
  /** The queue's `skillEvaluationMethod`: `NONE`, `BEST` or `ALL`. */
  skillEvaluationMethod: string | undefined;
  /** Queue members (user members, as listed). */
  members: number;
  /** Listed members (in memberWeights) that are joined and not OFF_QUEUE. */
  onQueueListed: number;
  /** Of those, members INTERACTING or COMMUNICATING right now. */
  busyListed: number;
  /** Listed on-queue members with a weight > 0: who carries the weighted work after the change. */
  servingAgents: number;
  /** Conversations waiting in the queue right now (all media). */
  waiting: number;
  /** Conversations alerting an agent right now (all media). */
  alerting: number;
  /** Conversations being handled right now (all media). */
  interacting: number;
  /** Concurrent-capacity per analytics media type used to turn conversations into agent-equivalents. */
  capacityByMedia: Record<string, number>;
  /** Demand in Erlangs (agent-equivalents): Σ over media of (waiting + alerting + interacting) / capacity. */
  demandErlangs: number;
  /** Σ of the weights of listed queue members (their share of the queue's work). */
  weightedShare: number;
  /** `weightedShare × demandErlangs`: the work the weights direct at the listed members. */
  weightedLoad: number;
}

/** The saturation gate's answer plus the live numbers it was computed from. */
export interface WeightsProjection extends SaturationProjection {
  /** The live numbers the projection was computed from. */
  live: LiveMeasurement;
}

/** Raw reads of the queue. */
export interface LiveQueue {
  queue: Queue;
  members: QueueMember[];
  load: QueueLoad;
  capacityByMedia: Record<string, number>;
  warnings: string[];
}

// Analytics says 'voice' where utilization says 'call'.
const UTILIZATION_KEY: Record<string, string> = { voice: 'call' };
// Platform defaults when the org utilization cannot be read (the emulator's system defaults).
const DEFAULT_CAPACITY: Record<string, number> = { voice: 1, callback: 1, chat: 4, email: 1, message: 4, workitem: 1 };
const BUSY = new Set(['INTERACTING', 'COMMUNICATING']);

/** Reads the queue, its members (with routing status), its observations and the org's capacity per media type. */
export async function readLiveQueue(
  client: GenesysClient,
  queueId: string,
  signal: AbortSignal | undefined,
): Promise<LiveQueue> {
  const warnings: string[] = [];
  const [queue, members, loads, capacityByMedia] = await Promise.all([
    client.routing.queues.get(queueId, { signal, validation: 'strict' }),
    client.routing.members
      .list(queueId, { expand: ['routingStatus'], signal, validation: 'strict' })
      .toArray({ max: 100_000, ifMore: 'throw' }),
    client.analytics.observations.queueLoad([queueId], { signal }),
    readCapacity(client, signal, warnings),
  ]);
  const load = loads.find((l) => l.queueId === queueId);
  if (!load)
    throw new GenesysError(`distributeWeights: queue observations returned nothing for queue ${queueId}`, {
      operation: 'distributeWeights',
    });
  return { queue, members, load, capacityByMedia, warnings };
}

async function readCapacity(
  client: GenesysClient,
  signal: AbortSignal | undefined,
  warnings: string[],
): Promise<Record<string, number>> {
  try {
    const org = await client.routing.utilization.getOrg({ signal });
    const out: Record<string, number> = { ...DEFAULT_CAPACITY };
    for (const media of Object.keys(DEFAULT_CAPACITY)) {
      const cap = org.utilization?.[UTILIZATION_KEY[media] ?? media]?.maximumCapacity;
      if (typeof cap === 'number' && cap > 0) out[media] = cap;
    }
    return out;
  } catch (error) {
    // Capacity only refines the demand estimate; without the permission, fall back to the platform defaults.
    if (error instanceof GenesysApiError && (error.status === 403 || error.status === 404)) {
      warnings.push(
        `org utilization not readable (HTTP ${error.status}): assumed default capacities ${JSON.stringify(DEFAULT_CAPACITY)}`,
      );
      return { ...DEFAULT_CAPACITY };
    }
    throw error;
  }
}

/** On queue = joined and routing status known and not OFF_QUEUE. */
export function isOnQueue(m: QueueMember): boolean {
  return m.joined !== false && m.routingStatus?.status !== undefined && m.routingStatus.status !== 'OFF_QUEUE';
}

/**
 * The saturation gate input from live data: the listed on-queue members carry `weightedShare × demand` after
 * the change, served by those with a positive weight.
 */
export function measure(
  live: LiveQueue,
  weights: ReadonlyMap<string, number>,
): {
  measurement: LiveMeasurement;
  gateInput: { activeAgents: number; currentAgents: number; utilization: number; projectedLoad: number };
} {
  const byId = new Map(live.members.map((m) => [m.id, m]));
  let onQueueListed = 0;
  let busyListed = 0;
  let servingAgents = 0;
  let weightedShare = 0;
  const statusKnown = live.members.some((m) => m.routingStatus?.status !== undefined);
  if (!statusKnown && live.members.length > 0)
    live.warnings.push(
      'members came without routing status (expand=routingStatus): joined members were counted as on queue',
    );
  for (const [memberId, weight] of weights) {
    const m = byId.get(memberId);
    if (!m) continue;
    weightedShare += weight;
    const onQueue = statusKnown ? isOnQueue(m) : m.joined !== false;
    if (!onQueue) continue;
    onQueueListed++;
    if (BUSY.has(m.routingStatus?.status ?? '')) busyListed++;
    if (weight > 0) servingAgents++;
  }
  const { load, capacityByMedia } = live;
  let demandErlangs = 0;
  const media = Object.entries(load.byMediaType);
  if (media.length === 0) demandErlangs = load.waiting + load.alerting + load.interacting;
  for (const [type, c] of media)
    demandErlangs += (c.waiting + c.alerting + c.interacting) / (capacityByMedia[type] ?? 1);
  const weightedLoad = weightedShare * demandErlangs;
  const utilization = onQueueListed > 0 ? Math.min(1, busyListed / onQueueListed) : 0;
  const rings = live.queue.bullseye?.rings?.length ?? 0;
  return {
    measurement: {
      bullseyeRings: rings,
      skillEvaluationMethod: live.queue.skillEvaluationMethod,
      members: live.members.length,
      onQueueListed,
      busyListed,
      servingAgents,
      waiting: load.waiting,
      alerting: load.alerting,
      interacting: load.interacting,
      capacityByMedia,
      demandErlangs,
      weightedShare,
      weightedLoad,
    },
    // projectSaturation: projected = utilization × currentAgents + projectedLoad = weightedLoad.
    gateInput: {
      activeAgents: servingAgents,
      currentAgents: onQueueListed,
      utilization,
      projectedLoad: weightedLoad - utilization * onQueueListed,
    },
  };
}
