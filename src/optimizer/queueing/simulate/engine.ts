// One replication of the discrete-event simulation (rules in index.ts and docs/optimizer.md).
//
// Common random numbers: every queue has its own stream (split from the replication's generator), and each
// call's inter-arrival gap, service work and patience are drawn from it AT ITS ARRIVAL. Routing decisions never
// consume random numbers, so two runs with the same seed (different staffing, skills, speeds, priorities)
// see exactly the same calls, and their difference has a far smaller variance than two independent runs.
import { cycleTotals, nextProfileArrival } from './arrivals.js';
import { ABANDONED, CallSlots, TAKEN, WAITING } from './calls.js';
import type { CompiledModel } from './compile.js';
import { EventHeap } from './heap.js';
import { IdleList, IntRing } from './lists.js';
import { Xoshiro128 } from './rng.js';

const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;
/** A waiting call reaches its next ring's expansion time. */
const WIDEN = 3;
/** An agent's on-queue spell starts (aux 1) or ends (aux 0). */
const SHIFT = 4;
/** Event code = (id << KIND_BITS) | kind. */
const KIND_BITS = 3;

/** Raw counts of one replication. */
export interface ReplicationStats {
  offered: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  answeredWithin: Float64Array;
  waitSum: Float64Array;
  busy: Float64Array;
  /** Per profile interval (indices as in `profileRates`): calls offered, answered, answered within T. */
  intervalOffered: Float64Array;
  intervalAnswered: Float64Array;
  intervalWithin: Float64Array;
  contacts: number;
}

/** Events between two pauses of a replication (well under a millisecond of simulation; a power of two). */
const PAUSE_EVENTS = 1024;

/**
 * Runs replication `r` of the model (deterministic for the model's seed and r). `checkpoint` is called every
 * PAUSE_EVENTS events: it throws to give the replication up (a caller's deadline on a single thread).
 */
export function runReplication(
  m: CompiledModel,
  r: number,
  perCycle: Float64Array = cycleTotals(m),
  checkpoint?: () => void,
): ReplicationStats {
  const steps = replicationSteps(m, r, perCycle);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    checkpoint?.();
  }
}

/**
 * Replication `r` as a generator that pauses every PAUSE_EVENTS events and returns its stats: a caller on the only
 * thread there is (a browser, an edge function) can give the event loop its turn between pauses. Events of every
 * kind count, as a long queue drains with no arrival at all.
 */
// eslint-disable-next-line max-lines-per-function -- the event loop: its state lives in locals for speed, and helpers would pass it all by argument on every event
export function* replicationSteps(
  m: CompiledModel,
  r: number,
  perCycle: Float64Array = cycleTotals(m),
): Generator<void, ReplicationStats, void> {
  const nq = m.queueIds.length;
  const na = m.agentIds.length;
  const windowStart = m.warmup;
  const windowEnd = m.warmup + m.duration;
  // With priorities or rings a later arrival can overtake an earlier call, so arrivals go on (uncounted) until
  // every measured call has left its queue, for at most one more window.
  const arrivalsEnd = m.tail ? windowEnd + m.duration : windowEnd;
  const { meanInterarrival, aht, patience, target, priority, profileStart, profileLength, profileInterval } = m;
  const {
    listStart,
    levelCount,
    ringCount,
    ringStart,
    ringTimes,
    agentQueueStart,
    agentQueues,
    agentLists,
    agentRings,
    speed,
  } = m;

  const offered = new Float64Array(nq);
  const answered = new Float64Array(nq);
  const abandoned = new Float64Array(nq);
  const answeredWithin = new Float64Array(nq);
  const waitSum = new Float64Array(nq);
  const busy = new Float64Array(na);
  const intervalOffered = new Float64Array(m.profileRates.length);
  const intervalAnswered = new Float64Array(m.profileRates.length);
  const intervalWithin = new Float64Array(m.profileRates.length);
  let contacts = 0;
  let pendingMeasured = 0;
  const profiles = m.profileRates.length > 0;

  const base = new Xoshiro128(m.seed, r);
  const streams: Xoshiro128[] = [];
  for (let q = 0; q < nq; q++) streams.push(base.split());

  const lists: IdleList[] = [];
  for (let i = 0; i < m.listMembers.length; i++) {
    const list = new IdleList();
    list.members = m.listMembers[i] as number;
    lists.push(list);
  }
  const waiting: IntRing[] = [];
  for (let q = 0; q < nq; q++) waiting.push(new IntRing());
  // idleStamp[a] = −1 while busy, else the stamp of its current idle spell; idleOrder orders idle spells.
  const idleStamp = new Int32Array(na);
  const idleOrder = new Float64Array(na);
  let stampSeq = 0;
  let orderSeq = 0;
  const slots = new CallSlots();
  // 1 when some agent serves the queue (in any ring).
  const servable = new Uint8Array(nq);
  for (let k = 0; k < agentQueues.length; k++) servable[agentQueues[k] as number] = 1;
  const heap = new EventHeap(2 * (nq + na) + 64);

  function nextArrival(q: number, now: number): number {
    const stream = streams[q] as Xoshiro128;
    if ((profileLength[q] as number) > 0) return nextProfileArrival(m, q, now, perCycle[q] as number, stream);
    return now + stream.exponential(meanInterarrival[q] as number);
  }

  /** Profile interval index (into the interval counters) of an arrival time, or −1 for a constant rate. */
  function intervalOf(q: number, t: number): number {
    const len = profileLength[q] as number;
    if (len === 0) return -1;
    return (profileStart[q] as number) + (Math.floor(t / (profileInterval[q] as number)) % len);
  }

  function goIdle(a: number): void {
    stampSeq = (stampSeq + 1) & 0x7fffffff;
    idleStamp[a] = stampSeq;
    idleOrder[a] = ++orderSeq;
    const end = agentQueueStart[a + 1] as number;
    for (let k = agentQueueStart[a] as number; k < end; k++) {
      (lists[agentLists[k] as number] as IdleList).push(a, stampSeq, idleStamp);
    }
  }

  /** An idle agent for queue q among rings 1..maxRing: highest level first, then longest idle; −1 if none. */
  function pick(q: number, maxRing: number): number {
    const levels = levelCount[q] as number;
    const first = listStart[q] as number;
    if (maxRing === 1) {
      for (let l = 0; l < levels; l++) {
        const a = (lists[first + l] as IdleList).take(idleStamp);
        if (a >= 0) return a;
      }
      return -1;
    }
    for (let l = 0; l < levels; l++) {
      let best = -1;
      let bestList = -1;
      for (let ring = 0; ring < maxRing; ring++) {
        const list = first + ring * levels + l;
        const a = (lists[list] as IdleList).peek(idleStamp);
        if (a >= 0 && (best < 0 || (idleOrder[a] as number) < (idleOrder[best] as number))) {
          best = a;
          bestList = list;
        }
      }
      if (best >= 0) return (lists[bestList] as IdleList).take(idleStamp);
    }
    return -1;
  }

  /** Rings open to a call of queue q that has waited since `arrival` (ring k opens at arrival + its time). */
  function ringsOpen(q: number, arrival: number, now: number, from: number): number {
    const count = ringCount[q] as number;
    const start = (ringStart[q] as number) - 2;
    let open = from;
    while (open < count && arrival + (ringTimes[start + open + 1] as number) <= now) open++;
    return open;
  }

  function startService(a: number, q: number, now: number, work: number): void {
    idleStamp[a] = -1;
    busyNow[a] = 1;
    const end = now + work / (speed[a] as number);
    const from = now > windowStart ? now : windowStart;
    const to = end < windowEnd ? end : windowEnd;
    if (to > from) busy[a] = (busy[a] as number) + (to - from);
    heap.push(end, (a << KIND_BITS) | DEPARTURE, 0);
  }

  /** Counts an answer of a call that arrived at `arrival` (if measured). */
  function recordAnswer(q: number, arrival: number, now: number, waited: boolean): void {
    if (arrival < windowStart || arrival >= windowEnd) return;
    const wait = now - arrival;
    const within = wait <= (target[q] as number);
    answered[q] = (answered[q] as number) + 1;
    if (within) answeredWithin[q] = (answeredWithin[q] as number) + 1;
    waitSum[q] = (waitSum[q] as number) + wait;
    if (waited) pendingMeasured--;
    if (profiles) recordInterval(q, arrival, within);
  }

  function recordInterval(q: number, arrival: number, within: boolean): void {
    const iv = intervalOf(q, arrival);
    if (iv < 0) return;
    intervalAnswered[iv] = (intervalAnswered[iv] as number) + 1;
    if (within) intervalWithin[iv] = (intervalWithin[iv] as number) + 1;
  }

  /** Agent a is free and on queue: it takes the call it should, or goes idle. */
  function free(a: number, now: number): void {
    let bestSlot = -1;
    let bestQueue = -1;
    let bestTime = Infinity;
    let bestPriority = -Infinity;
    const end = agentQueueStart[a + 1] as number;
    for (let k = agentQueueStart[a] as number; k < end; k++) {
      const q = agentQueues[k] as number;
      const ring = waiting[q] as IntRing;
      while (ring.size > 0) {
        const s = ring.peek();
        if (slots.state[s] === WAITING) {
          const arrival = slots.arrival[s] as number;
          const r = agentRings[k] as number;
          if (r === 1 || arrival + (ringTimes[(ringStart[q] as number) + r - 2] as number) <= now) {
            const p = priority[q] as number;
            if (p > bestPriority || (p === bestPriority && arrival < bestTime)) {
              bestPriority = p;
              bestTime = arrival;
              bestSlot = s;
              bestQueue = q;
            }
          }
          break;
        }
        slots.release(ring.shift()); // abandoned, or answered by widening, earlier
      }
    }
    if (bestSlot < 0) {
      goIdle(a);
      return;
    }
    (waiting[bestQueue] as IntRing).shift();
    const work = slots.work[bestSlot] as number;
    recordAnswer(bestQueue, bestTime, now, true);
    slots.release(bestSlot);
    startService(a, bestQueue, now, work);
  }

  // Shifts: agents with spells are on queue only inside them; an agent leaving mid-call finishes the call.
  const { shiftStart, shiftOn, shiftOff, shiftPeriod } = m;
  const onShift = new Uint8Array(na).fill(1);
  const busyNow = new Uint8Array(na);
  const spell = new Int32Array(na);
  const cycleBase = new Float64Array(na);

  /** Schedules an agent's next shift event, unless arrivals have ended (its last state then holds). */
  function scheduleShift(a: number, t: number, starts: boolean): void {
    if (t < arrivalsEnd) heap.push(t, (a << KIND_BITS) | SHIFT, starts ? 1 : 0);
  }

  function shiftEvent(a: number, now: number, starts: boolean): void {
    const k = spell[a] as number;
    if (starts) {
      onShift[a] = 1;
      scheduleShift(a, (cycleBase[a] as number) + (shiftOff[k] as number), false);
      if (!busyNow[a]) free(a, now);
      return;
    }
    let next = k + 1;
    if (next >= (shiftStart[a + 1] as number)) {
      next = shiftStart[a] as number;
      cycleBase[a] = (cycleBase[a] as number) + (shiftPeriod[a] as number);
    }
    spell[a] = next;
    const nextOn = (cycleBase[a] as number) + (shiftOn[next] as number);
    if (nextOn <= now + 1e-9) {
      scheduleShift(a, (cycleBase[a] as number) + (shiftOff[next] as number), false); // spells meet across the cycle
      return;
    }
    onShift[a] = 0;
    if (!busyNow[a]) idleStamp[a] = -1; // leaves the idle lists (their entries go stale)
    scheduleShift(a, nextOn, true);
  }

  for (let q = 0; q < nq; q++) {
    if (!((meanInterarrival[q] as number) < Infinity) && (profileLength[q] as number) === 0) continue;
    const t = nextArrival(q, 0);
    if (t < arrivalsEnd) heap.push(t, (q << KIND_BITS) | ARRIVAL, 0);
  }
  for (let a = 0; a < na; a++) {
    const period = shiftPeriod[a] as number;
    if (period > 0) {
      const first = shiftStart[a] as number;
      if (first === (shiftStart[a + 1] as number)) {
        onShift[a] = 0; // never on queue
        idleStamp[a] = -1;
        continue;
      }
      spell[a] = first;
      if ((shiftOn[first] as number) > 0) {
        onShift[a] = 0;
        idleStamp[a] = -1;
        scheduleShift(a, shiftOn[first] as number, true);
        continue;
      }
      scheduleShift(a, shiftOff[first] as number, false);
    }
    goIdle(a);
  }

  let events = 0;
  while (heap.size > 0) {
    if ((++events & (PAUSE_EVENTS - 1)) === 0) yield;
    const now = heap.topTime();
    const code = heap.topCode();
    const aux = heap.topAux();
    heap.pop();
    const kind = code & 7;
    const id = code >> KIND_BITS;
    if (kind === ARRIVAL) {
      if (now >= windowEnd && (pendingMeasured === 0 || now >= arrivalsEnd)) continue; // arrivals stop; drain
      contacts++;
      const q = id;
      const stream = streams[q] as Xoshiro128;
      const next =
        profiles && (profileLength[q] as number) > 0
          ? nextProfileArrival(m, q, now, perCycle[q] as number, stream)
          : now + stream.exponential(meanInterarrival[q] as number);
      if (next < arrivalsEnd) heap.push(next, code, 0);
      const iv = profiles ? intervalOf(q, now) : -1;
      const work = stream.exponential(iv >= 0 ? (m.profileAht[iv] as number) : (aht[q] as number));
      const pat = patience[q] as number;
      const abandonAt = pat < Infinity ? now + stream.exponential(pat) : Infinity;
      const counted = now >= windowStart && now < windowEnd;
      if (counted) {
        offered[q] = (offered[q] as number) + 1;
        if (iv >= 0) intervalOffered[iv] = (intervalOffered[iv] as number) + 1;
      }
      const open = (ringCount[q] as number) === 1 ? 1 : ringsOpen(q, now, now, 1);
      let agent = -1;
      if (open === 1) {
        // pick(q, 1) inlined: the hot path of every arrival.
        const first = listStart[q] as number;
        const lEnd = first + (levelCount[q] as number);
        for (let l = first; l < lEnd && agent < 0; l++) agent = (lists[l] as IdleList).take(idleStamp);
      } else agent = pick(q, open);
      if (agent >= 0) {
        if (counted) {
          // Answered at once: wait 0 is within any target.
          answered[q] = (answered[q] as number) + 1;
          answeredWithin[q] = (answeredWithin[q] as number) + 1;
          if (profiles) recordInterval(q, now, true);
        }
        startService(agent, q, now, work);
        continue;
      }
      if (!(servable[q] as number)) {
        // Nobody can ever take it: it abandons (or waits forever) without occupying memory or events.
        if (counted && abandonAt < Infinity) abandoned[q] = (abandoned[q] as number) + 1;
        continue;
      }
      const s = slots.take(now, q, work);
      (waiting[q] as IntRing).push(s);
      if (counted) pendingMeasured++;
      if (abandonAt < Infinity) heap.push(abandonAt, (s << KIND_BITS) | ABANDON, slots.gen[s] as number);
      if (open < (ringCount[q] as number)) {
        slots.stage[s] = open;
        heap.push(
          now + (ringTimes[(ringStart[q] as number) + open - 1] as number),
          (s << KIND_BITS) | WIDEN,
          slots.gen[s] as number,
        );
      }
    } else if (kind === DEPARTURE) {
      busyNow[id] = 0;
      if (onShift[id]) free(id, now);
    } else if (kind === SHIFT) {
      shiftEvent(id, now, aux === 1);
    } else {
      const s = id;
      if (slots.gen[s] !== aux || slots.state[s] !== WAITING) continue;
      const q = slots.queue[s] as number;
      const arrival = slots.arrival[s] as number;
      const measured = arrival >= windowStart && arrival < windowEnd;
      if (kind === ABANDON) {
        slots.state[s] = ABANDONED;
        if (measured) {
          abandoned[q] = (abandoned[q] as number) + 1;
          pendingMeasured--;
        }
        continue;
      }
      const open = ringsOpen(q, arrival, now, (slots.stage[s] as number) + 1);
      const agent = pick(q, open);
      if (agent >= 0) {
        slots.state[s] = TAKEN; // left in its queue; dropped when it reaches the head
        recordAnswer(q, arrival, now, true);
        startService(agent, q, now, slots.work[s] as number);
      } else if (open < (ringCount[q] as number)) {
        slots.stage[s] = open;
        heap.push(arrival + (ringTimes[(ringStart[q] as number) + open - 1] as number), code, aux);
      }
    }
  }
  return {
    offered,
    answered,
    abandoned,
    answeredWithin,
    waitSum,
    busy,
    intervalOffered,
    intervalAnswered,
    intervalWithin,
    contacts,
  };
}
