// The real clock of `npm run bench:autopilot -- --clock real`: the emulator's live day runs on its own at `speed`
// simulated ms per real ms, the arms wait in real time, and the absence wave's presence changes run at their
// simulated instants from timers of their own, whatever the arm is doing. The live clock is held at the day's
// start until the arm runs (`running()`): the autopilot's setup reads four weeks of the emulator's history, which
// at x60 would otherwise be simulated minutes that the manual clock does not spend, so its first decision would
// come late.
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../src/internal/clock.js';
import { sleep } from '../../src/internal/sleep.js';
import type { Emulator } from '../../src/testing/index.js';
import type { Hook } from './absence.js';

/** Shortest real wait (ms): the emulator's ticker moves the simulation every 20 real ms. */
const MIN_WAIT_MS = 5;

export interface RealDay {
  /** The clock given to the arm. */
  clock: Clock;
  /** Waits until simulated time reaches `end` and every hook ran; the first hook failure's message, if any. */
  finish(end: number): Promise<string | undefined>;
  /** Lets the live clock run (held since the emulator started): the arm is running. Later calls do nothing. */
  running(): void;
  /** Simulated ms per real ms since `running()`. */
  rate(): number;
  /** Cancels the hooks still waiting. */
  stop(): void;
}

export function realDay(emu: Emulator, hooks: Hook[], speed: number): RealDay {
  const live = emu.live!;
  let simStart = live.now();
  let realStart = performance.now();
  let running = false;
  /** Waits until simulated time is at least `target`: the ticker can lag the wall by a tick or a busy loop. */
  const until = async (target: number, signal?: AbortSignal) => {
    for (let left = target - live.now(); left > 0; left = target - live.now())
      await sleep(Math.max(MIN_WAIT_MS, Math.ceil(left / speed)), signal);
  };
  const clock: Clock = { now: () => live.now(), sleep: (ms, signal) => until(live.now() + ms, signal) };
  const cancel = new AbortController();
  const events = hooks.flatMap((h) => h.events).sort((a, b) => a.at - b.at);
  const hooksRun = (async () => {
    for (const due of events) {
      await until(due.at, cancel.signal);
      await due.run();
    }
  })().then(
    () => undefined,
    (err: unknown) => (cancel.signal.aborted ? undefined : `hook: ${(err as Error).message}`),
  );
  return {
    clock,
    async finish(end) {
      await until(end);
      return hooksRun;
    },
    running() {
      if (running) return;
      running = true;
      simStart = live.now();
      realStart = performance.now();
      live.resume();
    },
    rate: () => (live.now() - simStart) / (performance.now() - realStart),
    stop: () => cancel.abort(),
  };
}
