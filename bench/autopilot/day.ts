// One live day of a bench case under one arm: the emulator on a manual clock (simulated time moves only when the
// arm waits) or on its real clock at a speed (real-clock.ts), the case's event, and the figures measured from the
// emulator's state afterwards.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { GenesysClient } from '../../src/index.js';
import type { Clock } from '../../src/internal/clock.js';
import { startEmulator, type Emulator, type HistoryWeeks } from '../../src/testing/index.js';
import {
  startAutopilot,
  streamSource,
  type AutopilotDecision,
  type AutopilotPolicy,
  type StreamSource,
} from '../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../src/workflows/journal/journals.js';
import { absenceWave, type Hook } from './absence.js';
import type { BenchCase } from './cases.js';
import { changesSince, fingerprint, missedHalfHours, peaks, serviceLevel, targetOf } from './measure.js';
import { readdsWithinHour } from './readds.js';
import { realDay, type RealDay } from './real-clock.js';
import { runThresholdRules } from './rules-arm.js';
import { writeDelay } from './write-delay.js';

export const ARMS = ['none', 'rules', 'autopilot'] as const;
export type Arm = (typeof ARMS)[number];

/** The emulator's clock for a day: manual (moved as the arm waits) or real at `speed` simulated ms per real ms. */
export type DayClock = { mode: 'manual' } | { mode: 'real'; speed: number };

const HOUR = 3_600_000;

export interface ArmResult {
  arm: Arm;
  queues: Array<{
    queueId: string;
    target: number;
    eventServiceLevel: number;
    missed: number;
    halfHours: number;
    /** Each half hour's start and service level. */
    levels: Array<{ at: number; serviceLevel: number }>;
  }>;
  /**
   * The org's other queues over the same half hours: how many they missed in all, and the names of those that missed
   * (a write for another queue's real miss is not a write on a day with nothing to fix).
   */
  others: { missed: number; halfHours: number; missedBy: string[] };
  changes: number;
  /** When the first change was written, epoch ms. */
  firstChangeAt: number | undefined;
  perAgent: number;
  perHour: number;
  /** Skills or memberships of one agent gained again within an hour of their loss after a gain (audit log). */
  readds: number;
  atBaseline: boolean;
  absent: number;
  wallMs: number;
  load: number;
  /** Real clock: simulated ms per real ms over the run, as it ran. */
  rate?: number;
  /** Real clock: how far simulated time had run past the day's end when the figures were read (ms). */
  pastEndMs?: number;
  error?: string;
}

export interface DayOptions {
  /** The emulator's seed (default the case's). */
  seed?: number | undefined;
  clock?: DayClock;
  /** Called with one line per autopilot decision that saw pressure or changed something (--decisions). */
  log?: ((line: string) => void) | undefined;
  /** The autopilot arm's policy (default: the default policy); its queueIds are the org's. */
  policy?: AutopilotPolicy | undefined;
  /** Seed of the day's calls (the emulator's `live.callSeed`); default: the org's seed. */
  callSeed?: number | undefined;
  /** Manual clock, autopilot arm: simulated ms between each decision's look and its first write (write-delay.ts). */
  writeDelayMs?: number | undefined;
  /** The emulator's `analytics.historyWeeks` (default 'identical': every week of history the same calls). */
  historyWeeks?: HistoryWeeks | undefined;
}

export async function runDay(c: BenchCase, arm: Arm, options: DayOptions = {}): Promise<ArmResult> {
  const {
    seed = c.seed,
    clock: dayClock = { mode: 'manual' },
    log,
    policy,
    callSeed,
    writeDelayMs,
    historyWeeks,
  } = options;
  const started = performance.now();
  const from = Date.parse(c.from);
  const to = from + c.minutes * 60_000;
  const end = to + HOUR;
  // The arms run from the day's start, so misses are counted from there: a half hour before the event, or the one
  // an event starts in, is one an arm could have lost or kept.
  const dayStart = Date.parse(c.anchor);
  const emu = await startEmulator({
    seed,
    scenario: 'surge',
    surge: { factor: c.factor, from, minutes: c.minutes, ...(c.queues ? { queues: c.queues } : {}) },
    anchor: dayStart,
    rateLimit: false,
    ...(historyWeeks ? { analytics: { historyWeeks } } : {}),
    live: {
      ...(dayClock.mode === 'real' ? { clock: 'real', speed: dayClock.speed } : { clock: 'manual' }),
      ...(callSeed === undefined ? {} : { callSeed }),
    },
  });
  // Real clock: held at the day's start until the arm runs (real-clock.ts).
  if (dayClock.mode === 'real') emu.live!.pause();
  let real: RealDay | undefined;
  const delay = writeDelayMs && arm === 'autopilot' ? writeDelay(writeDelayMs) : undefined;
  try {
    const client = new GenesysClient({
      ...(delay ? { fetch: delay.fetch } : {}),
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      timeoutMs: 120_000,
      WebSocket: WebSocket as never,
    });
    const eventQueues = emu.state.scenario.surges.map((s) => s.queueId);
    const before = fingerprint(emu);
    const auditStart = emu.state.auditLog.length;
    const hooks = c.absence ? await absenceWave(emu, client, eventQueues[0]!, c.absence, from, to) : [];
    const box: { source?: StreamSource } = {};
    real = dayClock.mode === 'real' ? realDay(emu, hooks, dayClock.speed) : undefined;
    const clock = real?.clock ?? eventClock(emu, hooks, box);
    delay?.useClock(clock);
    const running = () => real?.running();
    const armError = await runArm(arm, { emu, client, clock, box, end, log, policy, running, decided: delay?.decided });
    // On the real clock, the figures wait for the end of the day and the absence wave's last change (the clock
    // runs also when the arm ended before its first decision).
    running();
    const hookError = await real?.finish(end);
    const error = armError ?? hookError;
    const changes = changesSince(emu, auditStart);
    return {
      arm,
      queues: eventQueues.map((queueId) => ({
        queueId,
        target: targetOf(emu, queueId),
        eventServiceLevel: serviceLevel(emu, queueId, from, to),
        ...halfHourFigures(emu, queueId, dayStart, end),
      })),
      others: otherQueues(emu, eventQueues, dayStart, end),
      changes: changes.length,
      firstChangeAt: changes[0]?.at,
      ...peaks(changes),
      readds: readdsWithinHour(emu.state.auditLog.slice(auditStart)),
      atBaseline: fingerprint(emu) === before,
      absent: hooks[0]?.userIds.length ?? 0,
      wallMs: performance.now() - started,
      load: loadavg()[0]!,
      ...(real ? { rate: real.rate(), pastEndMs: emu.live!.now() - end } : {}),
      ...(error ? { error } : {}),
    };
  } finally {
    real?.stop();
    await emu.close();
  }
}

function halfHourFigures(emu: Emulator, queueId: string, from: number, end: number) {
  const { missed, total, levels } = missedHalfHours(emu, queueId, from, end);
  return { missed, halfHours: total, levels };
}

function otherQueues(emu: Emulator, eventQueues: readonly string[], from: number, end: number): ArmResult['others'] {
  const out: ArmResult['others'] = { missed: 0, halfHours: 0, missedBy: [] };
  for (const [queueId, queue] of [...emu.state.queues].sort(([a], [b]) => a.localeCompare(b))) {
    if (eventQueues.includes(queueId)) continue;
    const { missed, total } = missedHalfHours(emu, queueId, from, end);
    out.missed += missed;
    out.halfHours += total;
    if (missed > 0) out.missedBy.push(`${queue.name} ${missed}`);
  }
  return out;
}

interface ArmContext {
  emu: Emulator;
  client: GenesysClient;
  clock: Clock;
  box: { source?: StreamSource };
  end: number;
  log: ((line: string) => void) | undefined;
  policy: AutopilotPolicy | undefined;
  /** Called once the arm runs: at once for none and rules, at the autopilot's first decision (after its setup). */
  running: () => void;
  /** Called after each autopilot decision (--write-delay). */
  decided?: (() => void) | undefined;
}

/** Runs the arm until `end`; returns an error message when it failed. */
async function runArm(
  arm: Arm,
  { emu, client, clock, box, end, log, policy, running, decided }: ArmContext,
): Promise<string | undefined> {
  const queueIds = [...emu.state.queues.keys()].sort();
  if (arm !== 'autopilot') running();
  if (arm === 'none') {
    await clock.sleep(end - clock.now());
    return undefined;
  }
  if (arm === 'rules') {
    await runThresholdRules(client, { queueIds, clock, end });
    return undefined;
  }
  const source = (box.source = streamSource(client, { clock }));
  const pilot = startAutopilot(
    client,
    { ...policy, queueIds },
    { clock, source, lease: { journal: new MemoryJournal() } },
  );
  pilot.on('decision', (d) => {
    running();
    decided?.();
    if (log && (d.kind !== 'hold' || d.queues.some((q) => q.pressure))) log(decisionLine(d));
    if (clock.now() >= end) void pilot.stop();
  });
  const summary = await pilot.done;
  return summary.error?.message;
}

/** One decision in a line: its time, kind, changes written and when, the re-plan's verdict and why. */
function decisionLine(d: AutopilotDecision): string {
  const plan = d.plan
    ? `, plan ${d.plan.feasible ? 'feasible' : 'not feasible'} in ${d.plan.ms} ms (stopped by ${d.plan.stoppedBy ?? '?'})`
    : '';
  const began = d.apply ? ` from ${d.apply.at.slice(11, 19)}` : '';
  return `    ${d.at.slice(11, 19)} ${d.kind}: ${d.changes.length} written${began}${plan}; ${d.why}`;
}

/**
 * The manual clock every arm waits on: a wait runs the simulation to each due event instant (the absence wave's
 * presence changes, made through the API at that instant), then on; with a stream source, it ends once the source
 * has every notification the simulation published, so each arm sees the same events on every run.
 */
function eventClock(emu: Emulator, hooks: Hook[], box: { source?: StreamSource }): Clock {
  const pending = hooks.flatMap((h) => h.events).sort((a, b) => a.at - b.at);
  return {
    now: () => emu.live!.now(),
    sleep: async (ms) => {
      const target = emu.live!.now() + ms;
      while (pending.length > 0 && pending[0]!.at <= target) {
        const due = pending.shift()!;
        await emu.live!.advance(Math.max(0, due.at - emu.live!.now()));
        await due.run();
      }
      await emu.live!.advance(Math.max(0, target - emu.live!.now()));
      const deadline = performance.now() + 5_000;
      while (box.source && box.source.messages < emu.live!.counters().published && performance.now() < deadline)
        await nextTurn();
    },
  };
}
