// The life of optimizeRouting's workers: kept for the next call and reused, ended after a call given up, never
// holding the process; a time limit that holds while one simulation would take minutes, on worker threads and on
// the calling thread. Each test starts threads or a process of its own, so these run with the scenarios.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isValidationError, optimizeRouting, warmUpOptimizer } from '../../../src/optimizer/index.js';
import { runOptimizeRouting } from '../../../src/optimizer/routing/run/run-optimize.js';
import { TimeoutError } from '../../../src/errors/index.js';
import { normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { groupAgents } from '../../../src/optimizer/routing/screen/groups.js';
import { LARGE_MODEL_PAIRS } from '../../../src/optimizer/routing/screen/change-bound.js';
import { manyGroups } from './many-groups.js';
import { expectSamePlan, flood, quick, threeQueues } from './threads-fixture.js';

const run = promisify(execFile);

/**
 * Runs small optimizeRouting calls in a child process, one per entry of `calls` (options as source text), after
 * the statements `before`: when the last one settled (epoch ms).
 */
async function settleInChild(calls: readonly string[], before = ''): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'grsdk-exit-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const script = join(dir, 'once.mts');
  const optimizer = new URL('../../../src/optimizer/index.ts', import.meta.url).href;
  await writeFile(
    script,
    `import { optimizeRouting, warmUpOptimizer } from ${JSON.stringify(optimizer)};\n` +
      before +
      `const queues = [{ id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }];\n` +
      `const agents = [1, 2, 3, 4, 5].map((i) => ({ id: 'a' + i, skills: { q: 3 } }));\n` +
      calls.map((options) => `await optimizeRouting({ queues, agents }, ${options});\n`).join('') +
      `console.log('settled ' + Date.now());\n`,
  );
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
  return Number(/settled (\d+)/.exec(stdout)?.[1]);
}

describe('the workers of optimizeRouting', () => {
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

  it('lets the process exit once the call settled: the worker kept for the next call holds nothing', async () => {
    // The kept worker ends after a minute by default, or an hour after the second call; the process must not wait
    // for it. One child for both calls: each child pays for loading the sources.
    const settledAt = await settleInChild(['{ effort: 0.05 }', '{ effort: 0.05, keepWarmMs: 3_600_000 }']);
    expect(Date.now() - settledAt).toBeLessThan(20_000);
  }, 120_000);

  it('warmUpOptimizer leaves a worker that holds nothing and answers the next call with the same plan', async () => {
    const settledAt = await settleInChild(['{ effort: 0.05 }'], 'await warmUpOptimizer({ keepWarmMs: 3_600_000 });\n');
    expect(Date.now() - settledAt).toBeLessThan(20_000);
    expect(await warmUpOptimizer({ threads: 2 })).toMatchObject({ workers: true });
    const after = await optimizeRouting(threeQueues(), { ...quick, threads: 2 });
    expectSamePlan(after, await runOptimizeRouting(threeQueues(), quick));
  }, 120_000);

  it('warmUpOptimizer rejects with the reason of a signal aborted while it runs', async () => {
    const stop = new AbortController();
    const warming = warmUpOptimizer({ threads: 1, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('stopped while warming')), 50);
    await expect(warming).rejects.toThrow('stopped while warming');
  }, 30_000);

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

  it('validates keepWarmMs on the calling thread, naming the field', async () => {
    for (const keepWarmMs of [-1, 1.5, 'long', 86_400_001]) {
      const error = await optimizeRouting(threeQueues(), { keepWarmMs: keepWarmMs as number }).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toContain('options.keepWarmMs');
    }
    const ended = await optimizeRouting(threeQueues(), { ...quick, keepWarmMs: 0 });
    expect(ended.changes.length).toBeGreaterThan(0);
  }, 60_000);
});
