// The live day: a discrete-event simulation of the org's calls, routed by the org's configuration at each
// instant. One event queue holds every future event (arrivals, hang-ups, agents finishing, shift changes,
// interval ends), processed in (time, scheduling order): the outcome depends only on the seed and on the
// writes made and their instants, never on the wall clock or on how the time was advanced.
import { EventEmitter } from 'eventemitter3';
import type { OrgState } from '../state/org.js';
import { shiftStateAt, shiftsBetween, DAY_MS } from '../state/shifts.js';
import type { OrgChange, RoutingStatusValue } from '../state/types.js';
import type { SyntheticConversation } from '../traffic/synthetic/generate.js';
import { buildTrafficModel } from '../traffic/synthetic/model.js';
import { SLOT_MS, asConversation, callsOfSlot, talkMs, type LiveCall } from './calls.js';
import { EventQueue, type LiveEvent } from './event-queue.js';
import type { LivePublisher } from './publish.js';
import { eligible, pickAgent } from './routing.js';
import { intervalStats } from './stats.js';
import type { LiveEvents, LiveIntervalSummary, LiveQueueSummary, QueueIntervalStats } from './types.js';

export class LiveSimulation {
  readonly state: OrgState;
  readonly startedAt: number;
  readonly emitter = new EventEmitter<LiveEvents>();
  /** Every call so far, in arrival order per slot. */
  readonly calls: LiveCall[] = [];
  readonly callsByQueue = new Map<string, LiveCall[]>();
  events = 0;
  /** Calls that have entered their queue so far. */
  arrived = 0;
  #now: number;
  readonly #queue = new EventQueue();
  readonly #publisher: LivePublisher | undefined;
  /** queueId -> calls waiting, oldest first. */
  readonly #waiting = new Map<string, LiveCall[]>();
  /** userId -> the call the agent is on (talk or after-call work). */
  readonly #busy = new Map<string, LiveCall>();
  readonly #idleSince = new Map<string, number>();
  /** True while the simulation itself writes to the org (its own changes do not trigger a re-dispatch). */
  #applying = false;
  #dispatchPending = false;
  readonly #unsubscribe: () => void;

  readonly #callSeed: number | undefined;

  constructor(state: OrgState, startAt: number, publisher?: LivePublisher, callSeed?: number) {
    this.state = state;
    this.#callSeed = callSeed;
    this.startedAt = startAt;
    this.#now = startAt;
    this.#publisher = publisher;
    state.now = () => new Date(this.#now);
    this.#unsubscribe = state.onChange((change) => this.#onOrgChange(change));
    this.#startAgents();
    this.#queue.push(startAt, { kind: 'slot', start: Math.floor(startAt / SLOT_MS) * SLOT_MS });
    this.#queue.push(Math.floor(startAt / SLOT_MS) * SLOT_MS + SLOT_MS, { kind: 'interval' });
  }

  now(): number {
    return this.#now;
  }

  /** Notification messages sent so far. */
  get published(): number {
    return this.#publisher?.published ?? 0;
  }

  stop(): void {
    this.#unsubscribe();
  }

  /** Processes every event up to and including `target`, then sets the clock to `target`. */
  runUntil(target: number): void {
    for (;;) {
      const joinAt = this.state.pendingJoins[0]?.applyAt ?? Infinity;
      const next = Math.min(this.#queue.peekTime(), joinAt);
      if (next > target) break;
      if (next > this.#now) {
        this.#flush();
        this.#now = next;
      }
      // A bulk join accepted earlier takes effect at its instant (its audit record triggers a re-dispatch).
      if (joinAt <= next) {
        this.state.settleJoins();
        continue;
      }
      const entry = this.#queue.pop();
      if (!entry) break;
      this.events++;
      this.#handle(entry.event);
    }
    this.#flush();
    if (target > this.#now) this.#now = target;
  }

  /** Calls in progress (waiting, or talking to an agent) of one queue, as conversations. */
  inProgress(queueId: string): SyntheticConversation[] {
    const out = (this.#waiting.get(queueId) ?? []).map(asConversation);
    for (const call of this.#busy.values())
      if (call.queueId === queueId && (call.talkEnd as number) > this.#now) out.push(asConversation(call));
    return out;
  }

  /** Calls that arrived in [from, to), as conversations at the simulated now. */
  conversationsIn(from: number, to: number): SyntheticConversation[] {
    return this.calls.filter((c) => c.arrival >= from && c.arrival < to).map(asConversation);
  }

  waitingCount(queueId: string): number {
    return this.#waiting.get(queueId)?.length ?? 0;
  }

  // ---- events -------------------------------------------------------------------------------------

  #handle(event: LiveEvent): void {
    switch (event.kind) {
      case 'slot':
        return this.#onSlot(event.start);
      case 'arrival':
        return this.#onArrival(this.calls[event.callIndex] as LiveCall);
      case 'abandon':
        return this.#onAbandon(this.calls[event.callIndex] as LiveCall);
      case 'free':
        return this.#onFree(this.calls[event.callIndex] as LiveCall);
      case 'talkEnd':
        // The conversation stops counting as interacting (observations.ts); nothing else changes until `free`.
        return this.#publisher?.queueChanged((this.calls[event.callIndex] as LiveCall).queueId);
      case 'shift':
        return this.#onShift(event.userId);
      case 'interval':
        return this.#onInterval();
      case 'dispatch':
        this.#dispatchPending = false;
        return this.#dispatchAll();
    }
  }

  #onSlot(start: number): void {
    const fresh = callsOfSlot(buildTrafficModel(this.state), start, this.startedAt, this.calls.length, this.#callSeed);
    for (const call of fresh) {
      this.calls.push(call);
      let list = this.callsByQueue.get(call.queueId);
      if (!list) this.callsByQueue.set(call.queueId, (list = []));
      list.push(call);
      this.#queue.push(call.arrival, { kind: 'arrival', callIndex: call.index });
    }
    this.#queue.push(start + SLOT_MS, { kind: 'slot', start: start + SLOT_MS });
  }

  #onArrival(call: LiveCall): void {
    this.arrived++;
    this.#publisher?.queueChanged(call.queueId);
    const agent = pickAgent(this.state, call.queueId, this.#busy, this.#idleSince);
    if (agent) return this.#answer(call, agent.userId, agent.proficiency);
    let waiting = this.#waiting.get(call.queueId);
    if (!waiting) this.#waiting.set(call.queueId, (waiting = []));
    waiting.push(call);
    if (Number.isFinite(call.patienceMs))
      this.#queue.push(call.arrival + call.patienceMs, { kind: 'abandon', callIndex: call.index });
  }

  #onAbandon(call: LiveCall): void {
    if (call.status !== 'waiting') return;
    call.status = 'abandoned';
    call.leftAt = this.#now;
    this.#unqueue(call);
  }

  #answer(call: LiveCall, userId: string, proficiency: number): void {
    const now = this.#now;
    call.status = 'answered';
    call.leftAt = now;
    call.userId = userId;
    call.proficiency = proficiency;
    call.talkEnd = now + talkMs(call, proficiency);
    call.freeAt = call.talkEnd + call.acwMs;
    this.#busy.set(userId, call);
    this.#setStatus(userId, 'INTERACTING');
    this.#publisher?.queueChanged(call.queueId);
    if (call.acwMs > 0) this.#queue.push(call.talkEnd, { kind: 'talkEnd', callIndex: call.index });
    this.#queue.push(call.freeAt, { kind: 'free', callIndex: call.index });
  }

  #onFree(call: LiveCall): void {
    const userId = call.userId as string;
    if (this.#busy.get(userId) !== call) return;
    this.#busy.delete(userId);
    this.#idleSince.set(userId, this.#now);
    this.#publisher?.queueChanged(call.queueId);
    const user = this.state.users.get(userId);
    // A status someone set during the call (the agent's client, an API write) stands; otherwise the rota decides.
    if (user?.routingStatus.status === 'INTERACTING')
      this.#setStatus(userId, this.#onQueueByRota(userId) ? 'IDLE' : 'OFF_QUEUE');
    this.#serve(userId);
  }

  #onShift(userId: string): void {
    const user = this.state.users.get(userId);
    if (user?.state === 'active' && !this.#busy.has(userId)) {
      const onQueue = this.#onQueueByRota(userId);
      if (onQueue && user.routingStatus.status === 'OFF_QUEUE') {
        this.#setStatus(userId, 'IDLE');
        this.#idleSince.set(userId, this.#now);
        this.#serve(userId);
      } else if (!onQueue && user.routingStatus.status !== 'OFF_QUEUE') {
        this.#setStatus(userId, 'OFF_QUEUE');
      }
    }
    this.#scheduleShift(userId);
  }

  #onInterval(): void {
    const end = this.#now;
    this.#queue.push(end + SLOT_MS, { kind: 'interval' });
    if (this.emitter.listenerCount('interval') === 0) return;
    const start = end - SLOT_MS;
    const queues: LiveQueueSummary[] = [...this.state.queues.keys()].sort().map((queueId) => ({
      queueId,
      ...(intervalStats(this.callsByQueue.get(queueId) ?? [], start, end, this.#now)[0] as QueueIntervalStats),
      waiting: this.waitingCount(queueId),
      agentsOnQueue: this.#agentsOnQueue(queueId),
    }));
    const summary: LiveIntervalSummary = { start, end, queues };
    this.emitter.emit('interval', summary);
  }

  // ---- routing ------------------------------------------------------------------------------------

  /** A free agent takes the longest-waiting call among the queues they may serve. */
  #serve(userId: string): void {
    const user = this.state.users.get(userId);
    if (user?.state !== 'active' || user.routingStatus.status !== 'IDLE' || this.#busy.has(userId)) return;
    let oldest: LiveCall | undefined;
    for (const [queueId, waiting] of this.#waiting) {
      const head = waiting[0];
      if (
        !head ||
        (oldest && (head.arrival > oldest.arrival || (head.arrival === oldest.arrival && head.index > oldest.index)))
      )
        continue;
      if (eligible(this.state, queueId, userId)) oldest = head;
    }
    if (!oldest) return;
    this.#unqueue(oldest);
    const skillId = oldest.skillId;
    this.#answer(oldest, userId, skillId ? (this.state.userSkills.get(userId)?.get(skillId) ?? 0) : 0);
  }

  /** After a configuration change: every waiting call, oldest first, gets the best free agent there is. */
  #dispatchAll(): void {
    const waiting = [...this.#waiting.values()].flat().sort((a, b) => a.arrival - b.arrival || a.index - b.index);
    for (const call of waiting) {
      const agent = pickAgent(this.state, call.queueId, this.#busy, this.#idleSince);
      if (!agent) continue;
      this.#unqueue(call);
      this.#answer(call, agent.userId, agent.proficiency);
    }
  }

  #unqueue(call: LiveCall): void {
    const waiting = this.#waiting.get(call.queueId);
    const at = waiting?.indexOf(call) ?? -1;
    if (waiting && at >= 0) waiting.splice(at, 1);
    this.#publisher?.queueChanged(call.queueId);
  }

  #agentsOnQueue(queueId: string): number {
    let n = 0;
    for (const member of this.state.members.get(queueId)?.values() ?? []) {
      const status = this.state.users.get(member.userId)?.routingStatus.status;
      if (status !== 'OFF_QUEUE' && eligible(this.state, queueId, member.userId)) n++;
    }
    return n;
  }

  // ---- agents -------------------------------------------------------------------------------------

  /** Every active agent starts as the rota says (on queue: IDLE; else OFF_QUEUE), with their next shift change due. */
  #startAgents(): void {
    for (const user of [...this.state.users.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (user.state !== 'active') continue;
      const { state, since } = shiftStateAt(this.state.seed, user.id, this.#now);
      user.routingStatus = {
        status: state === 'onQueue' ? 'IDLE' : 'OFF_QUEUE',
        startTime: new Date(since).toISOString(),
      };
      this.#idleSince.set(user.id, since);
      this.#scheduleShift(user.id);
    }
  }

  #onQueueByRota(userId: string): boolean {
    return shiftStateAt(this.state.seed, userId, this.#now).state === 'onQueue';
  }

  /** Schedules the agent's next rota change (shift start, break start or end, shift end) within a week. */
  #scheduleShift(userId: string): void {
    const now = this.#now;
    let next = Infinity;
    for (const s of shiftsBetween(this.state.seed, userId, now, now + 7 * DAY_MS))
      for (const t of [s.start, s.pause[0], s.pause[1], s.end]) if (t > now && t < next) next = t;
    if (Number.isFinite(next)) this.#queue.push(next, { kind: 'shift', userId });
  }

  #setStatus(userId: string, status: RoutingStatusValue): void {
    this.#applying = true;
    try {
      this.state.setRoutingStatus(userId, status);
    } finally {
      this.#applying = false;
    }
    this.#publisher?.userChanged(userId);
  }

  /** A write through the API (skills, memberships, statuses): re-route at this instant. */
  #onOrgChange(change: OrgChange): void {
    if (this.#applying) return;
    if (change.type === 'routingStatus') this.#publisher?.userChanged(change.userId);
    if (this.#dispatchPending) return;
    this.#dispatchPending = true;
    this.#queue.push(this.#now, { kind: 'dispatch' });
  }

  #flush(): void {
    if (this.#publisher?.pending) this.#publisher.flush(this.#now, (queueId) => this.inProgress(queueId));
  }
}
