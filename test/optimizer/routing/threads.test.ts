// optimizeRouting on worker threads: the same plan on any number of threads as on the calling thread alone, and
// a caller that stays in control (its signal and time limit answer while a simulation runs). The workers' life
// (reuse, time limits, process exit) is in threads-lifecycle.scenario.test.ts: each of those starts threads or a
// process of its own.
import { describe, expect, it, onTestFinished } from 'vitest';
import { isValidationError, optimizeRouting } from '../../../src/optimizer/index.js';
import { runOptimizeRouting } from '../../../src/optimizer/routing/run/run-optimize.js';
import { expectSamePlan, flood, quick, target, threeQueues } from './threads-fixture.js';

describe('optimizeRouting on worker threads', () => {
  it('gives the same plan on 1 and 2 threads as on the calling thread alone', async () => {
    const here = await runOptimizeRouting(threeQueues(), quick);
    const one = await optimizeRouting(threeQueues(), { ...quick, threads: 1 });
    const two = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    expect(here.changes.length).toBeGreaterThan(0);
    for (const r of [one, two]) expectSamePlan(r, here);
  }, 120_000);

  it('reuses its worker call after call without piling up listeners on it', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    onTestFinished(() => void process.off('warning', onWarning));
    const queues = [{ id: 'q', callsPerHour: 60, ahtSeconds: 300, target }];
    const agents = [1, 2, 3, 4, 5].map((i) => ({ id: `a${i}`, skills: { q: 3 } }));
    // Node warns at an eleventh listener of one event: more calls than that, one after another.
    const tiny = { effort: 0.02, threads: 1, evaluation: { contactsPerEvaluation: 2_000, confirmContacts: 5_000 } };
    for (let i = 0; i < 12; i++) await optimizeRouting({ queues, agents }, tiny);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  }, 120_000);

  it('on the calling thread, lets the event loop run during a simulation and stops inside it when aborted', async () => {
    const controller = new AbortController();
    const aborted = runOptimizeRouting(flood(), { signal: controller.signal }).catch((e: unknown) => e);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    // One simulation of this input takes minutes; held by it, this timer would fire only after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const at = performance.now();
    controller.abort(new Error('stopped by the caller'));
    expect(((await aborted) as Error).message).toBe('stopped by the caller');
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(2);
    expect(performance.now() - at).toBeLessThan(1_000);
  }, 30_000);

  it('counts its time limit from the call: the time before the run starts (a worker starting) is spent', async () => {
    // Called 7.5 s before the run starts, with a 10 s limit: the search's share (70 %) is spent already, and the
    // 2.5 s left leave room for the confirmation on a busy machine.
    const calledAt = performance.now() - 7_500;
    const late = await runOptimizeRouting(threeQueues(), { ...quick, timeLimitMs: 10_000 }, undefined, calledAt);
    expect(late.stats?.stoppedBy).toBe('time-limit');
    expect(late.warnings.join()).toMatch(/time limit of 10000 ms reached before the work budget/);
  }, 30_000);

  it('refuses at once an input whose simulations would exceed the work cap (1e7 calls an hour)', async () => {
    const started = performance.now();
    const error = await optimizeRouting(flood(1e7), { timeLimitMs: 5_000 }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('queues[0].callsPerHour');
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('rejects with the signal’s reason at once when aborted inside a simulation', async () => {
    const controller = new AbortController();
    const run = optimizeRouting(flood(), { signal: controller.signal, threads: 2 });
    const aborted = run.catch((e: unknown) => e);
    // The caller's timers keep running while the worker simulates.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const at = performance.now();
    controller.abort(new Error('stopped by the caller'));
    expect(((await aborted) as Error).message).toBe('stopped by the caller');
    expect(performance.now() - at).toBeLessThan(1_000);
  }, 30_000);

  it('validates threads on the calling thread, naming the field', async () => {
    for (const threads of [0, 1.5, 'two']) {
      const error = await optimizeRouting(threeQueues(), { threads: threads as number }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toContain('options.threads');
    }
  });
});
