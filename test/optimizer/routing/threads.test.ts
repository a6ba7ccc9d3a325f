// optimizeRouting on worker threads: the same plan on any number of threads as on the calling thread alone, and
// a caller that stays in control (its signal and time limit answer while a simulation runs).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  isValidationError,
  optimizeRouting,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
} from '../../../src/optimizer/index.js';
import { runOptimizeRouting } from '../../../src/optimizer/routing/run/run-optimize.js';
import { TimeoutError } from '../../../src/errors/index.js';
import { normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { groupAgents } from '../../../src/optimizer/routing/screen/groups.js';
import { LARGE_MODEL_PAIRS } from '../../../src/optimizer/routing/screen/change-bound.js';
import { manyGroups } from './many-groups.js';

const run = promisify(execFile);
const target = { serviceLevel: 0.8, withinSeconds: 30 };
const quick = {
  seed: 3,
  effort: 0.1,
  evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 80_000, searchPatience: 3 },
} as const;

function threeQueues(): OptimizeRoutingInput {
  const staff = [5, 9, 7];
  return {
    queues: [60, 110, 90].map((calls, i) => ({ id: `q${i}`, callsPerHour: calls, ahtSeconds: 300, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i}-${k}`, skills: { [`q${i}`]: 3 } as Record<string, number> })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 30 },
  };
}

/** One queue at `callsPerHour` with ten agents: at 4 M calls an hour one simulation takes minutes. */
function flood(callsPerHour = 4e6): OptimizeRoutingInput {
  return {
    queues: [{ id: 'flood', callsPerHour, ahtSeconds: 300, target }],
    agents: Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, skills: { flood: 3 } })),
  };
}

/** The same changes, figures and work as `reference`. */
function expectSamePlan(result: OptimizeRoutingResult, reference: OptimizeRoutingResult): void {
  expect(result.changes).toEqual(reference.changes);
  expect(result.queues).toEqual(reference.queues);
  expect(result.stats?.work).toEqual(reference.stats?.work);
}

/**
 * Runs small optimizeRouting calls in a child process, one per entry of `calls` (options as source text): when the
 * last one settled (epoch ms).
 */
async function settleInChild(calls: readonly string[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'grsdk-exit-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const script = join(dir, 'once.mts');
  const optimizer = new URL('../../../src/optimizer/index.ts', import.meta.url).href;
  await writeFile(
    script,
    `import { optimizeRouting } from ${JSON.stringify(optimizer)};\n` +
      `const queues = [{ id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }];\n` +
      `const agents = [1, 2, 3, 4, 5].map((i) => ({ id: 'a' + i, skills: { q: 3 } }));\n` +
      calls.map((options) => `await optimizeRouting({ queues, agents }, ${options});\n`).join('') +
      `console.log('settled ' + Date.now());\n`,
  );
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
  return Number(/settled (\d+)/.exec(stdout)?.[1]);
}

describe('optimizeRouting on worker threads', () => {
  it('gives the same plan on 1 and 2 threads as on the calling thread alone', async () => {
    const here = await runOptimizeRouting(threeQueues(), quick);
    const one = await optimizeRouting(threeQueues(), { ...quick, threads: 1 });
    const two = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    expect(here.changes.length).toBeGreaterThan(0);
    for (const r of [one, two]) expectSamePlan(r, here);
  }, 120_000);

  it('solves a large bound on a helper beside the search: the same bound and plan as on one thread', async () => {
    const groups = groupAgents(normalizeProblem(manyGroups()));
    expect(groups.reduce((n, g) => n + g.addable.length, 0)).toBeGreaterThan(LARGE_MODEL_PAIRS);
    const light = { ...quick, effort: 0.03, evaluation: { ...quick.evaluation, confirmContacts: 40_000 } };
    const here = await runOptimizeRouting(manyGroups(), light);
    const two = await optimizeRouting(manyGroups(), { ...light, threads: 2 });
    expect(here.lowerBound?.changes).toBeGreaterThan(5);
    expect(here.changes.length).toBeGreaterThan(0);
    expect(two.lowerBound).toEqual(here.lowerBound);
    expectSamePlan(two, here);
  }, 120_000);

  it('reuses the worker of a settled call with the same plan, and starts a new one after a call given up', async () => {
    const first = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    const again = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    await expect(optimizeRouting(flood(), { timeLimitMs: 1_000, threads: 2 })).rejects.toBeInstanceOf(TimeoutError);
    const after = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    for (const r of [again, after]) expectSamePlan(r, first);
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

  it('lets the process exit once the call settled: the worker kept for the next call holds nothing', async () => {
    // The kept worker ends after a minute by default, or an hour after the second call; the process must not wait
    // for it. One child for both calls: each child pays for loading the sources.
    const settledAt = await settleInChild(['{ effort: 0.05 }', '{ effort: 0.05, keepWarmMs: 3_600_000 }']);
    expect(Date.now() - settledAt).toBeLessThan(20_000);
  }, 120_000);

  it('settles by its time limit while one simulation would take minutes', async () => {
    const started = performance.now();
    const run = optimizeRouting(flood(), { timeLimitMs: 1_000, threads: 1 });
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    await expect(run).rejects.toThrow(/timeLimitMs \(1000 ms\)/);
    // The limit plus its 5 % grace (250 ms at least), with room for a busy machine's scheduling.
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 30_000);

  it('on the calling thread (browser and edge builds) gives up inside a simulation at its time limit', async () => {
    const started = performance.now();
    const run = runOptimizeRouting(flood(), { timeLimitMs: 1_000 });
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    await expect(run).rejects.toThrow(/timeLimitMs \(1000 ms\)/);
    // The limit plus its grace, as on worker threads; without the check one simulation here takes minutes.
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 30_000);

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

  it('validates keepWarmMs on the calling thread, naming the field', async () => {
    for (const keepWarmMs of [-1, 1.5, 'long', 86_400_001]) {
      const error = await optimizeRouting(threeQueues(), { keepWarmMs: keepWarmMs as number }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toContain('options.keepWarmMs');
    }
    const ended = await optimizeRouting(threeQueues(), { ...quick, keepWarmMs: 0 });
    expect(ended.changes.length).toBeGreaterThan(0);
  }, 60_000);

  it('validates threads on the calling thread, naming the field', async () => {
    for (const threads of [0, 1.5, 'two']) {
      const error = await optimizeRouting(threeQueues(), { threads: threads as number }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toContain('options.threads');
    }
  });
});
