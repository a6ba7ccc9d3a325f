// One replication of the discrete-event simulation.
//
// Rules: Poisson arrivals per queue, exponential handle times, exponential patience (if given). A call that
// finds an eligible idle agent is answered at once by the routing rule; otherwise it waits in its queue
// (FIFO). An agent who finishes takes the longest-waiting call among all queues it serves; if there is none it
// goes idle. Calls arriving in [warm-up, warm-up + duration) are measured and followed to their outcome:
// after the window no new calls arrive and the system drains. With the longest-waiting rule a later arrival
// never changes an earlier call's outcome, so draining without arrivals is unbiased.
import { EventHeap } from './heap.js';
import { IdleList, IntRing } from './lists.js';
import type { CompiledModel } from './model.js';
import type { Xoshiro128 } from './rng.js';

const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;

const WAITING = 1;
const ABANDONED = 2;

/** Raw counts of one replication. */
export interface ReplicationStats {
  offered: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  answeredWithin: Float64Array;
  waitSum: Float64Array;
  busy: Float64Array;
  contacts: number;
}

/** Runs one replication with its own generator. */
export function runReplication(m: CompiledModel, rng: Xoshiro128): ReplicationStats {
  const nq = m.meanInterarrival.length;
  const na = m.agentIds.length;
  const windowStart = m.warmup;
  const windowEnd = m.warmup + m.duration;
  const target = m.target;
  const { meanInterarrival, aht, patience, levelStart, levelCount, agentQueueStart, agentQueues, agentLists } = m;

  const offered = new Float64Array(nq);
  const answered = new Float64Array(nq);
  const abandoned = new Float64Array(nq);
  const answeredWithin = new Float64Array(nq);
  const waitSum = new Float64Array(nq);
  const busy = new Float64Array(na);
  let contacts = 0;

  const lists: IdleList[] = [];
  for (let i = 0; i < m.listMembers.length; i++) {
    const list = new IdleList();
    list.members = m.listMembers[i] as number;
    lists.push(list);
  }
  const waiting: IntRing[] = [];
  for (let q = 0; q < nq; q++) waiting.push(new IntRing());
  // idleStamp[a] = −1 while busy, else the stamp of its current idle spell.
  const idleStamp = new Int32Array(na);
  let stampSeq = 0;

  // Waiting-call slots (recycled; gen guards stale abandonment events).
  let capacity = 1024;
  let slotArrival = new Float64Array(capacity);
  let slotQueue = new Int32Array(capacity);
  let slotState = new Uint8Array(capacity);
  let slotGen = new Int32Array(capacity);
  let freeSlots = new Int32Array(capacity);
  let freeCount = capacity;
  for (let i = 0; i < capacity; i++) freeSlots[i] = capacity - 1 - i;

  const heap = new EventHeap(2 * (nq + na) + 64);
  for (let q = 0; q < nq; q++) {
    const mean = meanInterarrival[q] as number;
    if (mean < Infinity) heap.push(rng.exponential(mean), (q << 2) | ARRIVAL, 0);
  }
  for (let a = 0; a < na; a++) goIdle(a);

  function goIdle(a: number): void {
    stampSeq = (stampSeq + 1) & 0x7fffffff;
    idleStamp[a] = stampSeq;
    const end = agentQueueStart[a + 1] as number;
    for (let k = agentQueueStart[a] as number; k < end; k++) {
      (lists[agentLists[k] as number] as IdleList).push(a, stampSeq, idleStamp);
    }
  }

  function startService(a: number, q: number, now: number): void {
    idleStamp[a] = -1;
    const end = now + rng.exponential(aht[q] as number);
    const from = now > windowStart ? now : windowStart;
    const to = end < windowEnd ? end : windowEnd;
    if (to > from) busy[a] = (busy[a] as number) + (to - from);
    heap.push(end, (a << 2) | DEPARTURE, 0);
  }

  function growSlots(): void {
    const cap = capacity * 2;
    const arrival = new Float64Array(cap);
    arrival.set(slotArrival);
    const queue = new Int32Array(cap);
    queue.set(slotQueue);
    const state = new Uint8Array(cap);
    state.set(slotState);
    const gen = new Int32Array(cap);
    gen.set(slotGen);
    const free = new Int32Array(cap);
    for (let i = capacity; i < cap; i++) free[freeCount++] = cap - 1 - (i - capacity);
    slotArrival = arrival;
    slotQueue = queue;
    slotState = state;
    slotGen = gen;
    freeSlots = free;
    capacity = cap;
  }

  function releaseSlot(s: number): void {
    slotState[s] = 0;
    slotGen[s] = ((slotGen[s] as number) + 1) & 0x7fffffff;
    freeSlots[freeCount++] = s;
  }

  while (heap.size > 0) {
    const now = heap.topTime();
    const code = heap.topCode();
    const aux = heap.topAux();
    heap.pop();
    const kind = code & 3;
    const id = code >> 2;
    if (kind === ARRIVAL) {
      if (now >= windowEnd) continue; // arrivals stop; the system drains
      contacts++;
      const q = id;
      const counted = now >= windowStart;
      if (counted) offered[q] = (offered[q] as number) + 1;
      heap.push(now + rng.exponential(meanInterarrival[q] as number), code, 0);
      let agent = -1;
      const lEnd = (levelStart[q] as number) + (levelCount[q] as number);
      for (let l = levelStart[q] as number; l < lEnd && agent < 0; l++) agent = (lists[l] as IdleList).take(idleStamp);
      if (agent >= 0) {
        if (counted) {
          answered[q] = (answered[q] as number) + 1;
          answeredWithin[q] = (answeredWithin[q] as number) + 1;
        }
        startService(agent, q, now);
      } else {
        if (freeCount === 0) growSlots();
        const s = freeSlots[--freeCount] as number;
        slotArrival[s] = now;
        slotQueue[s] = q;
        slotState[s] = WAITING;
        (waiting[q] as IntRing).push(s);
        const pat = patience[q] as number;
        if (pat < Infinity) heap.push(now + rng.exponential(pat), (s << 2) | ABANDON, slotGen[s] as number);
      }
    } else if (kind === DEPARTURE) {
      const a = id;
      let bestSlot = -1;
      let bestQueue = -1;
      let bestTime = Infinity;
      const end = agentQueueStart[a + 1] as number;
      for (let k = agentQueueStart[a] as number; k < end; k++) {
        const q = agentQueues[k] as number;
        const ring = waiting[q] as IntRing;
        while (ring.size > 0) {
          const s = ring.peek();
          if (slotState[s] === WAITING) {
            if ((slotArrival[s] as number) < bestTime) {
              bestTime = slotArrival[s] as number;
              bestSlot = s;
              bestQueue = q;
            }
            break;
          }
          releaseSlot(ring.shift()); // abandoned earlier
        }
      }
      if (bestSlot < 0) {
        goIdle(a);
        continue;
      }
      (waiting[bestQueue] as IntRing).shift();
      if (bestTime >= windowStart && bestTime < windowEnd) {
        const wait = now - bestTime;
        answered[bestQueue] = (answered[bestQueue] as number) + 1;
        if (wait <= target) answeredWithin[bestQueue] = (answeredWithin[bestQueue] as number) + 1;
        waitSum[bestQueue] = (waitSum[bestQueue] as number) + wait;
      }
      releaseSlot(bestSlot);
      startService(a, bestQueue, now);
    } else {
      const s = id;
      if (slotGen[s] === aux && slotState[s] === WAITING) {
        slotState[s] = ABANDONED;
        const arrivedAt = slotArrival[s] as number;
        if (arrivedAt >= windowStart && arrivedAt < windowEnd) {
          const q = slotQueue[s] as number;
          abandoned[q] = (abandoned[q] as number) + 1;
        }
      }
    }
  }
  return { offered, answered, abandoned, answeredWithin, waitSum, busy, contacts };
}
