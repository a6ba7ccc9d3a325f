// Starts the live day on a seeded org and gives it a clock: 'manual' (moves by advance()) or 'real'
// (speed x real time, driven by a timer that does not keep the process alive).
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { OrgState } from '../state/org.js';
import { LivePublisher, type LiveHub } from './publish.js';
import { LiveSimulation } from './simulation.js';
import { intervalStats } from './stats.js';
import type { LiveCall } from './calls.js';
import type { LiveCallRecord, LiveEmulator, LiveEvents, QueueStatsQuery } from './types.js';

/**
 * The live simulation's options in force: its speed and whether its clock runs on its own (`real`) or is advanced by
 * the test (`manual`).
 */
export interface ResolvedLiveOptions {
  /** Simulated ms per real ms with the real clock (`LiveOptions.speed`, default 1). */
  speed: number;
  /** `'real'` (runs on its own) or `'manual'` (moves only by `advance(ms)`). */
  clock: 'manual' | 'real';
  /** Seed of the live calls (`LiveOptions.callSeed`); undefined: the emulator's seed. */
  callSeed?: number | undefined;
}

/** How often the real clock moves the simulation (real ms). */
const TICK_MS = 20;
/** advance() waits at most this long (real ms) for requests the emulator is still handling. */
const SETTLE_MS = 2_000;

const simulations = new WeakMap<OrgState, LiveSimulation>();

/** The live simulation running on this org, if any (the analytics handlers answer from it). */
export function liveOf(state: OrgState): LiveSimulation | undefined {
  return simulations.get(state);
}

export function startLive(
  state: OrgState,
  options: ResolvedLiveOptions,
  hub: LiveHub,
  inFlight: () => number,
): { control: LiveEmulator; close(): void } {
  const sim = new LiveSimulation(state, state.now().getTime(), new LivePublisher(state, hub), options.callSeed);
  simulations.set(state, sim);
  const ticker = options.clock === 'real' ? startTicker(sim, options.speed) : undefined;
  const control: LiveEmulator = {
    clock: options.clock,
    speed: options.speed,
    startedAt: sim.startedAt,
    now: () => {
      const failure = ticker?.failure();
      if (failure) throw failure;
      return sim.now();
    },
    advance: manualAdvance(sim, options, inFlight),
    pause: realOnly(ticker, 'pause'),
    resume: realOnly(ticker, 'resume'),
    queueStats: (queueId, query) => queueStats(state, sim, queueId, query),
    calls(query = {}) {
      const from = query.from === undefined ? -Infinity : instant('from', query.from, 'calls');
      // Calls of the current slot are drawn ahead; the ones still to come are not shown.
      const to = Math.min(query.to === undefined ? Infinity : instant('to', query.to, 'calls'), sim.now() + 1);
      const list = query.queueId === undefined ? sim.calls : (sim.callsByQueue.get(query.queueId) ?? []);
      return list
        .filter((c) => c.arrival >= from && c.arrival < to)
        .sort((a, b) => a.arrival - b.arrival || a.index - b.index)
        .map(callRecord);
    },
    on<E extends keyof LiveEvents>(event: E, listener: LiveEvents[E]) {
      sim.emitter.on(event, listener);
      return this;
    },
    off<E extends keyof LiveEvents>(event: E, listener: LiveEvents[E]) {
      sim.emitter.off(event, listener);
      return this;
    },
    counters: () => ({ events: sim.events, calls: sim.arrived, published: hub.published ?? sim.published }),
  };
  return {
    control,
    close() {
      ticker?.stop();
      sim.stop();
      sim.emitter.removeAllListeners();
    },
  };
}

interface Ticker {
  stop(): void;
  failure(): Error | undefined;
  pause(): void;
  resume(): void;
}

/**
 * The real clock: the simulation follows wall time at `speed`, less the real time spent paused; a failure stops it
 * and is thrown at the next read.
 */
function startTicker(sim: LiveSimulation, speed: number): Ticker {
  const realStart = performance.now();
  let pausedMs = 0;
  let pausedAt: number | undefined;
  let failure: Error | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    try {
      sim.runUntil(sim.startedAt + Math.floor((performance.now() - realStart - pausedMs) * speed));
    } catch (err) {
      failure = err as Error;
      clearInterval(timer);
    }
  };
  const run = () => {
    timer = setInterval(tick, TICK_MS);
    timer.unref();
  };
  run();
  return {
    stop: () => clearInterval(timer),
    failure: () => failure,
    pause() {
      if (pausedAt !== undefined || failure) return;
      tick();
      clearInterval(timer);
      pausedAt = performance.now();
    },
    resume() {
      if (pausedAt === undefined || failure) return;
      pausedMs += performance.now() - pausedAt;
      pausedAt = undefined;
      run();
    },
  };
}

/** pause() or resume() of the real clock; the manual clock has nothing to hold. */
function realOnly(ticker: Ticker | undefined, name: 'pause' | 'resume'): () => void {
  return () => {
    if (!ticker)
      throw new Error(
        `emu.live.${name}: the live clock is 'manual' (it moves only by advance()); ${name} is for 'real'`,
      );
    ticker[name]();
  };
}

/** The manual clock's advance(): calls made without awaiting the previous one run in turn, each from where the last ended. */
function manualAdvance(
  sim: LiveSimulation,
  options: ResolvedLiveOptions,
  inFlight: () => number,
): (ms: number) => Promise<void> {
  let advancing: Promise<void> = Promise.resolve();
  return async (ms: number) => {
    if (options.clock !== 'manual')
      throw new Error("emu.live.advance: the live clock is 'real'; start the emulator with live: { clock: 'manual' }");
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new Error(`emu.live.advance: "ms" must be a finite number >= 0 (got ${String(ms)})`);
    const run = advancing.then(async () => {
      // Requests already received take effect at the current instant, before time moves.
      await nextTurn();
      const deadline = performance.now() + SETTLE_MS;
      while (inFlight() > 0 && performance.now() < deadline) await sleep(1);
      sim.runUntil(sim.now() + Math.floor(ms));
    });
    advancing = run.catch(() => undefined);
    return run;
  };
}

function queueStats(state: OrgState, sim: LiveSimulation, queueId: string, query: QueueStatsQuery) {
  if (typeof queueId !== 'string' || !state.queues.has(queueId))
    throw new Error(`emu.live.queueStats: "queueId" ${JSON.stringify(queueId)} is not a queue of this org`);
  const from = instant('from', query?.from);
  const to = instant('to', query?.to);
  if (to <= from) throw new Error('emu.live.queueStats: "to" must be after "from"');
  const minutes = query.intervalMinutes ?? 15;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new Error(
      `emu.live.queueStats: "intervalMinutes" must be a whole number from 1 to 1440 (got ${String(minutes)})`,
    );
  return intervalStats(sim.callsByQueue.get(queueId) ?? [], from, to, sim.now(), minutes * 60_000);
}

function instant(field: string, value: unknown, method = 'queueStats'): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new Error(`emu.live.${method}: "${field}" must be epoch ms or a valid Date (got ${String(value)})`);
  return ms;
}

function callRecord(c: LiveCall): LiveCallRecord {
  return {
    conversationId: c.conversationId,
    queueId: c.queueId,
    mediaType: c.mediaType,
    ...(c.languageId === undefined ? {} : { languageId: c.languageId }),
    arrival: c.arrival,
    status: c.status,
    ...(c.leftAt === undefined ? {} : { leftAt: c.leftAt }),
    ...(c.userId === undefined ? {} : { userId: c.userId, proficiency: c.proficiency as number }),
    ...(c.talkEnd === undefined ? {} : { talkEnd: c.talkEnd, freeAt: c.freeAt as number }),
  };
}
