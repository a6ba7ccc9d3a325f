// The real clock of `npm run bench:autopilot -- --clock real`: the emulator's live day runs on its own at `speed`
// simulated ms per real ms, the arms wait in real time, and the absence wave's presence changes run at their
// simulated instants from timers of their own, whatever the arm is doing.
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
  /** Simulated ms per real ms since the clock was made. */
  rate(): number;
  /** Cancels the hooks still waiting. */
  stop(): void;
}

export function realDay(emu: Emulator, hooks: Hook[], speed: number): RealDay {
  const live = emu.live!;
  const simStart = live.now();
  const realStart = performance.now();
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
    rate: () => (live.now() - simStart) / (performance.now() - realStart),
    stop: () => cancel.abort(),
  };
}
