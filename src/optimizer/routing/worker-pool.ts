// optimizeRouting under Node: the whole run on a worker thread (the caller's event loop stays free, its signal
// and time limit answer at once), and each simulation's replications shared with `threads - 1` more workers.
// Replication r draws from (seed, r) only and the parts are joined in replication order, so the plan is the same
// on any number of threads. `#worker-threads` and `#os` (package.json "imports") are Node's modules under Node
// and an empty stub elsewhere, where optimizeRouting runs on the calling thread (see optimize.ts); both come
// through import(), as `#highs` does, so the optimizer's static imports stay its own files.
//
// A run's worker stays for the next call once it answered (unreferenced, so it never keeps the process alive, and
// gone after the call's keepWarmMs, IDLE_MS by default): a later call skips the thread's start, the solver's load
// and the warm-up, which took most of a small re-plan's time. A run given up (abort, time limit, crash) ends its
// worker. warmUpOptimizer starts one ahead of a call, with its helpers, and runs the solver's branch-and-bound
// code on it (see screen/branch-and-bound-warm-up.ts).
//
// This file is also the workers' entry point: a worker runs it with `workerData.role` set.
import { ValidationError } from '../../errors/index.js';
import type { CompiledModel } from '../queueing/simulate/compile.js';
import type { ReplicationStats } from '../queueing/simulate/engine.js';
import { runHere, runRange, type ReplicationJob, type ReplicationRunner } from '../queueing/simulate/run.js';
import type { BoundModel, BoundSolve, SolveAside } from './screen/change-bound.js';
import { giveUpAt, timeLimitError } from './run/time-limit.js';
import type { OptimizeProgress, OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from './types.js';

type Threads = typeof import('node:worker_threads');
type NodeWorker = InstanceType<Threads['Worker']>;
type Port = InstanceType<Threads['MessagePort']>;

/** Node's worker_threads once loaded (empty outside Node): loaded through import(), as `#highs` is. */
let wt: Partial<Threads> = {};
const loadThreads = async (): Promise<Partial<Threads>> => (wt = (await import('#worker-threads')) as Partial<Threads>);

/** A run's worker: it serves the runs it is sent, one at a time. */
interface HostData {
  role: 'run';
}
/** One run, sent to a run's worker. */
interface RunData {
  input: OptimizeRoutingInput;
  options: OptimizeRoutingOptions;
  threads: number;
  abort: SharedArrayBuffer;
  /** When the caller called, in ms since the epoch (threads have their own performance.now() origins). */
  calledAtEpochMs: number;
}
/** A warm-up, sent to a run's worker: its helpers started, the solver's branch-and-bound code compiled. */
interface WarmData {
  warm: true;
  threads: number;
}
interface SimData {
  role: 'sim';
  port: Port;
  done: SharedArrayBuffer;
  index: number;
}
type FromRun =
  | { type: 'progress'; progress: OptimizeProgress }
  | { type: 'result'; result: OptimizeRoutingResult }
  | { type: 'warmed' }
  | { type: 'error'; error: { name: string; message: string; issues?: ValidationError['issues'] } };

/** The file workers run (this one), or undefined when it cannot be a worker's entry (bundled into another file). */
function workerEntry(): URL | string | undefined {
  // In the CommonJS build, import.meta.url is a shim that names the chunk holding it, not this file: the module's
  // own filename does.
  const own: unknown = typeof module === 'object' ? module?.filename : undefined;
  if (typeof own === 'string' && own.endsWith('.cjs')) return /[\\/]worker-pool\.cjs$/.test(own) ? own : undefined;
  const url = new URL(import.meta.url);
  return /\/worker-pool\.(c?js|ts)$/.test(url.pathname) ? url : undefined;
}

/**
 * Starts a worker on this file. From the sources (tests, tsx) the worker first registers tsx's loader, as its
 * parent did, so it can load TypeScript.
 */
function startWorker(
  entry: URL | string,
  options: { workerData: HostData | SimData; transferList?: Port[] },
): NodeWorker {
  const Worker = wt.Worker as Threads['Worker'];
  if (typeof entry === 'string' || !entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/** True when optimizeRouting can run on worker threads here. */
export async function workersAvailable(): Promise<boolean> {
  await loadThreads();
  return typeof wt.Worker === 'function' && workerEntry() !== undefined;
}

/** The default number of threads: the machine's available parallelism. */
async function defaultThreads(): Promise<number> {
  const os = (await import('#os')) as { availableParallelism?: () => number };
  return Math.max(1, os.availableParallelism?.() ?? 1);
}

/**
 * Runs optimizeRouting on a worker thread (after `workersAvailable()` said yes); the input and options are already
 * validated by the caller. `calledAt` is this thread's performance.now() when the caller called: the worker's
 * start counts against the time limit.
 */
export async function optimizeOnWorkers(
  input: OptimizeRoutingInput,
  options: OptimizeRoutingOptions,
  calledAt = performance.now(),
): Promise<OptimizeRoutingResult> {
  const { signal, onProgress, ...plain } = options;
  const abort = new SharedArrayBuffer(4);
  const threads = options.threads ?? (await defaultThreads());
  const calledAtEpochMs = performance.timeOrigin + calledAt;
  const data: RunData = { input, options: plain, threads, abort, calledAtEpochMs };
  const call = { signal, abort, limitMs: options.timeLimitMs, calledAt, keepMs: options.keepWarmMs ?? IDLE_MS };
  return callWorker<OptimizeRoutingResult>(data, { ...call, onProgress });
}

/**
 * Starts a run's worker and its helpers (`threads` in all), warms the solver's branch-and-bound code on it, and
 * keeps it for the next call for `keepMs` (see warmUpOptimizer).
 */
export async function warmWorkers(options: {
  threads?: number | undefined;
  keepMs?: number | undefined;
  signal?: AbortSignal | undefined;
}): Promise<void> {
  const abort = new SharedArrayBuffer(4);
  const data: WarmData = { warm: true, threads: options.threads ?? (await defaultThreads()) };
  const call = { signal: options.signal, abort, calledAt: performance.now(), keepMs: options.keepMs ?? IDLE_MS };
  await callWorker<undefined>(data, call);
}

interface WorkerCall {
  signal?: AbortSignal | undefined;
  /** The flag the worker reads as its signal. */
  abort: SharedArrayBuffer;
  limitMs?: number | undefined;
  calledAt: number;
  keepMs: number;
  onProgress?: ((progress: OptimizeProgress) => void) | undefined;
}

/**
 * Sends a run or a warm-up to a run's worker (an idle one, or a new one) and settles with its answer. A worker
 * that answered is kept for the next call; one given up (abort, time limit, crash) ends.
 */
function callWorker<T>(data: RunData | WarmData, call: WorkerCall): Promise<T> {
  const { signal, limitMs, keepMs } = call;
  const worker = takeWorker();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (settle: () => void, reusable = false): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable && keepMs > 0) giveBack(worker, keepMs);
      else void worker.terminate();
      settle();
    };
    const onAbort = (): void => {
      Atomics.store(new Int32Array(call.abort), 0, 1);
      finish(() => reject(signal?.reason));
    };
    const timer =
      limitMs === undefined
        ? undefined
        : setTimeout(
            () => finish(() => reject(timeLimitError(limitMs))),
            Math.max(0, giveUpAt(call.calledAt, limitMs) - performance.now()),
          );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    function onMessage(m: FromRun): void {
      if (m.type === 'progress') call.onProgress?.(m.progress);
      else if (m.type === 'result') finish(() => resolve(m.result as T), true);
      else if (m.type === 'warmed') finish(() => resolve(undefined as T), true);
      else finish(() => reject(revive(m.error, limitMs)), true);
    }
    function onError(error: Error): void {
      finish(() => reject(error));
    }
    function onExit(code: number): void {
      finish(() => reject(new Error(`optimizeRouting: its worker exited (code ${code})`)));
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(data);
  });
}

/** How long a run's worker waits for the next call before it ends, unless the call says otherwise. */
const IDLE_MS = 60_000;
/** Run workers that answered and wait for another call, with the timer that ends each and its exit listener. */
const idle: Array<{ worker: NodeWorker; timer: ReturnType<typeof setTimeout>; onExit: () => void }> = [];

/** An idle run worker, held by this call (it keeps the process alive until the call settles), or a new one. */
function takeWorker(): NodeWorker {
  const kept = idle.pop();
  if (!kept) return startWorker(workerEntry() as URL | string, { workerData: { role: 'run' } });
  clearTimeout(kept.timer);
  kept.worker.off('exit', kept.onExit);
  kept.worker.ref();
  return kept.worker;
}

/** Keeps a run worker that answered for the next call, without holding the process; it ends after `keepMs`. */
function giveBack(worker: NodeWorker, keepMs: number): void {
  worker.unref();
  const forget = (): void => {
    const at = idle.findIndex((k) => k.worker === worker);
    if (at >= 0) idle.splice(at, 1);
  };
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, keepMs);
  timer.unref();
  worker.once('exit', forget);
  idle.push({ worker, timer, onExit: forget });
}

/** The error a worker reported, as the class the caller would have seen on one thread. */
function revive(e: { name: string; message: string; issues?: ValidationError['issues'] }, limitMs?: number): Error {
  if (e.name === 'ValidationError' && e.issues) return new ValidationError('optimizeRouting', e.issues);
  if (e.name === 'TimeoutError' && limitMs !== undefined) return timeLimitError(limitMs);
  return Object.assign(new Error(e.message), { name: e.name });
}

/** A signal for the run's worker whose `aborted` reads the flag the caller's thread sets. */
function sharedSignal(flag: Int32Array): AbortSignal {
  const signal = {
    get aborted(): boolean {
      return Atomics.load(flag, 0) === 1;
    },
    reason: undefined,
    throwIfAborted(): void {
      if (Atomics.load(flag, 0) === 1) throw new Error('optimizeRouting: aborted');
    },
    addEventListener(): void {},
    removeEventListener(): void {},
  };
  return signal as unknown as AbortSignal;
}

/**
 * The run's worker: each run it is sent, optimizeRouting on this thread with its simulations shared with
 * `threads - 1` helpers, kept from one run to the next while the number of threads stays the same.
 */
function serveRuns(): void {
  const port = wt.parentPort as Port;
  let helpers: ReplicationPool | undefined;
  port.on('message', (data: RunData | WarmData) => {
    if ((helpers?.size ?? 0) !== data.threads - 1) {
      helpers?.close();
      helpers = data.threads > 1 ? new ReplicationPool(data.threads - 1) : undefined;
    }
    void ('warm' in data ? serveWarmUp(port) : serveRun(port, data, helpers));
  });
}

/** A warm-up: the optimizer's code loaded and the solver's branch-and-bound code run, then its answer. */
async function serveWarmUp(port: Port): Promise<void> {
  try {
    const [{ loadHighs, forgetHighs }, { warmUpBranchAndBound }] = await Promise.all([
      import('./screen/highs.js'),
      import('./screen/branch-and-bound-warm-up.js'),
      import('./run/run-optimize.js'),
    ]);
    warmUpBranchAndBound(await loadHighs(), forgetHighs);
    port.postMessage({ type: 'warmed' } satisfies FromRun);
  } catch (e) {
    postError(port, e);
  }
}

/** One run: its result or its error to the caller. */
async function serveRun(port: Port, data: RunData, helpers: ReplicationPool | undefined): Promise<void> {
  try {
    const { runOptimizeRouting } = await import('./run/run-optimize.js');
    const result = await runOptimizeRouting(
      data.input,
      {
        ...data.options,
        signal: sharedSignal(new Int32Array(data.abort)),
        onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies FromRun),
      },
      // A worker has no event loop to share: its simulations run straight through (the caller enforces the limit).
      helpers?.runner ?? runHere,
      data.calledAtEpochMs - performance.timeOrigin,
      helpers?.solveAside,
    );
    port.postMessage({ type: 'result', result } satisfies FromRun);
  } catch (e) {
    postError(port, e);
  }
}

/** An error of the worker's, as the caller's thread revives it (see revive). */
function postError(port: Port, e: unknown): void {
  const error = e instanceof Error ? e : new Error(String(e));
  const issues = error instanceof ValidationError ? error.issues : undefined;
  port.postMessage({
    type: 'error',
    error: { name: error.name, message: error.message, ...(issues ? { issues } : {}) },
  } satisfies FromRun);
}

/** Replication ranges of about equal size, in order: part k is [bounds[k], bounds[k + 1]). */
function split(replications: number, parts: number): number[] {
  return Array.from({ length: parts + 1 }, (_, k) => Math.floor((k * replications) / parts));
}

/** Replications `from` to `to` (exclusive) of one job. */
interface JobRange {
  job: number;
  from: number;
  to: number;
}

/**
 * The jobs' replications numbered one after the other (job 0's first), units `from` to `to` (exclusive) of them:
 * one range per job they touch, in order.
 */
function jobRanges(jobs: readonly ReplicationJob[], from: number, to: number): JobRange[] {
  const ranges: JobRange[] = [];
  let start = 0;
  jobs.forEach((j, job) => {
    const end = start + j.compiled.replications;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a < b) ranges.push({ job, from: a - start, to: b - start });
    start = end;
  });
  return ranges;
}

/** A helper thread and the bound it is solving, if any (its reply's taker). */
interface Helper {
  worker: NodeWorker;
  port: Port;
  solving?: ((reply: { bound?: BoundSolve; error?: string } | undefined) => void) | undefined;
}

/**
 * Helper threads for the run's worker. The search is synchronous, so a simulation waits for its parts with
 * Atomics.wait (allowed off the main thread) and reads them with receiveMessageOnPort. A helper solving a bound
 * takes no parts until it answers; replication r draws the same numbers whichever thread runs it.
 */
export class ReplicationPool {
  private readonly helpers: Helper[] = [];
  private readonly done: Int32Array;

  get size(): number {
    return this.helpers.length;
  }

  constructor(count: number) {
    const entry = workerEntry() as URL | string;
    const shared = new SharedArrayBuffer(4 * count);
    this.done = new Int32Array(shared);
    const { MessageChannel } = wt as Threads;
    for (let index = 0; index < count; index++) {
      const { port1, port2 } = new MessageChannel();
      const data: SimData = { role: 'sim', port: port2, done: shared, index };
      const worker = startWorker(entry, { workerData: data, transferList: [port2] });
      worker.unref();
      const helper: Helper = { worker, port: port1 };
      // A helper gone while solving a bound: its taker gets a failure (the bound falls back to the holders).
      const gone = (why: string): void => {
        const taker = helper.solving;
        helper.solving = undefined;
        taker?.({ error: why });
      };
      worker.on('error', (e: Error) => gone(e.message)).on('exit', (code: number) => gone(`exited (code ${code})`));
      this.helpers.push(helper);
    }
  }

  readonly runner: ReplicationRunner = (jobs) => {
    this.helpers.forEach((_, k) => this.collect(k));
    const free = this.helpers.map((_, k) => k).filter((k) => !this.helpers[k]?.solving);
    const total = jobs.reduce((s, j) => s + j.compiled.replications, 0);
    const parts = Math.min(total, free.length + 1);
    const bounds = split(total, parts);
    const shares = Array.from({ length: parts }, (_, p) => jobRanges(jobs, bounds[p] ?? 0, bounds[p + 1] ?? 0));
    shares.slice(1).forEach((ranges, p) => {
      const k = free[p] as number;
      Atomics.store(this.done, k, 0);
      const sent = ranges.map(({ job, from, to }) => ({ compiled: (jobs[job] as ReplicationJob).compiled, from, to }));
      (this.helpers[k] as Helper).port.postMessage({ ranges: sent });
    });
    const perJob: ReplicationStats[][] = jobs.map(() => []);
    const take = (ranges: readonly JobRange[], runs: readonly ReplicationStats[]): void => {
      let at = 0;
      for (const { job, from, to } of ranges) perJob[job]?.push(...runs.slice(at, (at += to - from)));
    };
    const own = shares[0] ?? [];
    take(
      own,
      own.flatMap(({ job, from, to }) => runRange((jobs[job] as ReplicationJob).compiled, from, to)),
    );
    shares.slice(1).forEach((ranges, p) => take(ranges, this.runsFrom(free[p] as number)));
    return perJob;
  };

  /** Helper k's replications, once it answered (this thread waits for them). */
  private runsFrom(k: number): ReplicationStats[] {
    while (Atomics.load(this.done, k) === 0) Atomics.wait(this.done, k, 0);
    const reply = this.receive(k) as { runs?: ReplicationStats[]; error?: string } | undefined;
    if (!reply?.runs) throw new Error(`optimizeRouting: a simulation thread failed: ${reply?.error ?? 'no reply'}`);
    return reply.runs;
  }

  /** A bound's relaxation on the last helper, beside the search; undefined when it is already solving one. */
  readonly solveAside: SolveAside = (model) => {
    const k = this.helpers.length - 1;
    const helper = this.helpers[k] as Helper;
    if (helper.solving) return undefined;
    return new Promise<BoundSolve>((resolve) => {
      helper.solving = (reply) =>
        resolve(reply?.bound ?? { status: `failed: ${reply?.error ?? 'no reply'}`, objective: NaN, ms: 0 });
      Atomics.store(this.done, k, 0);
      helper.port.postMessage({ bound: model });
      // Answered while the search waits for nothing (its end), or taken by the next simulation's runner.
      const wait = (Atomics as unknown as AtomicsWaitAsync).waitAsync(this.done, k, 0);
      if (wait.async) void wait.value.then(() => this.collect(k));
      else this.collect(k);
    });
  };

  /** Takes helper k's bound reply once it answered. */
  private collect(k: number): void {
    const helper = this.helpers[k] as Helper;
    if (!helper.solving || Atomics.load(this.done, k) === 0) return;
    const taker = helper.solving;
    helper.solving = undefined;
    taker(this.receive(k) as { bound?: BoundSolve; error?: string } | undefined);
  }

  private receive(k: number): unknown {
    const port = (this.helpers[k] as Helper).port;
    return (wt.receiveMessageOnPort as Threads['receiveMessageOnPort'])(port)?.message;
  }

  close(): void {
    for (const h of this.helpers) void h.worker.terminate();
  }
}

/** Atomics.waitAsync (Node 16+; typed from ES2024 on, above this project's lib). */
interface AtomicsWaitAsync {
  waitAsync(
    array: Int32Array,
    index: number,
    value: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
}

/** A helper thread: runs the replication ranges and solves the bounds it is sent, and signals each reply. */
function serveReplications(data: SimData): void {
  const done = new Int32Array(data.done);
  const signal = (): void => {
    Atomics.store(done, data.index, 1);
    Atomics.notify(done, data.index);
  };
  data.port.on('message', (m: { ranges: SimulationRange[] } | { bound: BoundModel }) => {
    if ('bound' in m) {
      void solveBound(m.bound).then((reply) => {
        data.port.postMessage(reply);
        signal();
      });
      return;
    }
    try {
      data.port.postMessage({ runs: m.ranges.flatMap((r) => runRange(r.compiled, r.from, r.to)) });
    } catch (e) {
      data.port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
    signal();
  });
}

/** Replications `from` to `to` (exclusive) of a compiled model, as a helper is sent them. */
interface SimulationRange {
  compiled: CompiledModel;
  from: number;
  to: number;
}

/** A bound's relaxation on this helper's own solver (forgotten here when it failed). */
async function solveBound(model: BoundModel): Promise<{ bound?: BoundSolve; error?: string }> {
  try {
    const { loadHighs, forgetHighs } = await import('./screen/highs.js');
    const { solveBoundModel } = await import('./screen/change-bound.js');
    const bound = solveBoundModel(await loadHighs(), model);
    if (bound.status.startsWith('failed')) forgetHighs();
    return { bound };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

// A worker started on this file serves its role.
void loadThreads().then(() => {
  const role = wt.isMainThread === false ? (wt.workerData as { role?: unknown } | undefined)?.role : undefined;
  if (role === 'run') serveRuns();
  else if (role === 'sim') serveReplications(wt.workerData as SimData);
});
