// The one write primitive, for any lever (user skills, queue-member rings): read (batched) -> classify ->
// write -> verify from the write's own answer -> finished-entity hook (journal) -> final confirmation read ->
// status per target derived from what the org holds. Adapters know how to read a batch of entities and write one
// entity's pending targets; everything else (passes, pools, drift, backoff, statuses, progress) is here. Audit
// records are built by callers from the outcomes. Entities with failed writes get further passes (with a growing
// pause) while passes make progress.
import type { GenesysError } from '../../../errors/index.js';
import { runPool } from '../../../internal/pool.js';
import { sleep } from '../../../internal/sleep.js';
import { finalStatus, newTrack, type LeverTarget, type LeverWords, type TargetOutcome, type Track } from './targets.js';
import { sameValue, shown } from '../values.js';

/** One entity's values as read (key -> value; absent key: null), or why they could not be read. */
export type EntityRead = { ok: true; values: ReadonlyMap<string, number> } | { ok: false; error: GenesysError };

/** What the engine needs to know about one lever. */
export interface LeverAdapter<T extends LeverTarget> {
  words: LeverWords;
  /** The entity a target belongs to (user, queue member): one write per entity at a time. */
  entityOf(target: T): string;
  /** The target's key within the entity's values (skill id, `ringNumber`). */
  keyOf(target: T): string;
  /** Entities per read, read one chunk ahead of the writes. */
  chunkSize: number;
  /** Entities whose write needs a read taken right before it (e.g. a PUT of a whole set): read in groups of `concurrency`. */
  readJustBefore?(open: readonly Track<T>[]): boolean;
  /** Reads `entityIds`; `final` marks the confirmation read at the end. */
  read(
    entityIds: readonly string[],
    phase: { pass: number; final: boolean },
    signal: AbortSignal | undefined,
  ): Promise<Map<string, EntityRead>>;
  /** Refuses the whole write of one entity before anything is sent (e.g. a limit), settling its targets `failed`. */
  refuse?(entityId: string, held: ReadonlyMap<string, number>, toWrite: readonly Track<T>[]): GenesysError | undefined;
  /**
   * Writes one entity's pending targets (markSent / markAnswered), settling those the write's own answer confirms
   * (`confirmed`, `settled`) or that no later pass can change (`settled` with `error`). True when something settled.
   */
  write(
    entityId: string,
    toWrite: Track<T>[],
    held: ReadonlyMap<string, number>,
    signal: AbortSignal | undefined,
  ): Promise<boolean>;
}

export interface CoreProgress {
  done: number;
  total: number;
  /** Targets confirmed as planned so far (written or already so). */
  confirmed: number;
  /** Targets whose last attempt failed (they may still succeed in a later pass). */
  failing: number;
  pass: number;
}

export interface CoreOptions<T extends LeverTarget> {
  dryRun?: boolean | undefined;
  /** A value that is neither `expected` nor `after`: skip it (default) or write anyway. */
  onDrift?: 'skip' | 'apply' | undefined;
  /** Entities written at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number | undefined;
  /** Passes over entities with failed writes (each re-reads them first). Default 6; stops early without progress. */
  passes?: number | undefined;
  /** Take the final confirmation read (default true); without it, statuses rest on the writes' own answers. */
  finalRead?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /**
   * True once the run must start no new write (a lost lease, a journal that cannot be written): the passes end,
   * writes in flight finish, and the final confirmation read still says what landed.
   */
  stop?: (() => boolean) | undefined;
  /** Called once per entity when every target of it is settled (journal), or at the end for the rest. */
  onEntityFinished?: (entityId: string, tracks: readonly TargetOutcome<T>[], done: boolean) => Promise<void>;
  onProgress?: (progress: CoreProgress) => void;
  /** Pause before pass `n` (n >= 2). Default 500 ms · 2^(n-2), at most 8 s. */
  passDelayMs?: (pass: number) => number;
}

export interface CoreResult<T extends LeverTarget> {
  outcomes: TargetOutcome<T>[];
  aborted: boolean;
  passes: number;
}

export async function runLever<T extends LeverTarget>(
  adapter: LeverAdapter<T>,
  targets: readonly T[],
  options: CoreOptions<T>,
): Promise<CoreResult<T>> {
  const run = new LeverRun(adapter, targets, options);
  let pending = run.entities;
  let pass = 0;
  const maxPasses = options.passes ?? 6;
  while (pending.length > 0 && pass < maxPasses && !run.halted()) {
    pass++;
    const delay = options.passDelayMs?.(pass) ?? Math.min(8000, 500 * 2 ** (pass - 2));
    if (pass > 1 && !(await pause(delay, options.signal))) break;
    const progressed = await run.pass(pending, pass);
    pending = run.entities.filter((id) => run.byEntity.get(id)!.some((t) => !t.settled));
    if (!progressed) break;
  }
  return await run.close(pass);
}

/** One run of the engine over its targets: the tracks by entity, the running totals, and the progress said so far. */
class LeverRun<T extends LeverTarget> {
  readonly tracks: Track<T>[];
  readonly byEntity = new Map<string, Track<T>[]>();
  readonly entities: string[];
  readonly #finished = new Set<string>();
  // Running totals, updated per entity (recounting every target after each entity would be quadratic).
  readonly #totals = { confirmed: 0, failing: 0 };
  #lastReport = '';
  readonly #dryRun: boolean;

  constructor(
    readonly adapter: LeverAdapter<T>,
    targets: readonly T[],
    readonly options: CoreOptions<T>,
  ) {
    this.#dryRun = options.dryRun ?? false;
    this.tracks = targets.map((t) => newTrack(t));
    for (const t of this.tracks) {
      const id = adapter.entityOf(t.target);
      this.byEntity.set(id, [...(this.byEntity.get(id) ?? []), t]);
    }
    this.entities = [...this.byEntity.keys()];
  }

  halted(): boolean {
    return (this.options.signal?.aborted ?? false) || (this.options.stop?.() ?? false);
  }

  /** One pass over the pending entities: batched reads one chunk ahead, then those read just before their write. */
  async pass(pending: readonly string[], pass: number): Promise<boolean> {
    const { adapter, options } = this;
    const phase = { pass, final: false };
    let progressed = false;
    const write = async (group: readonly string[], held: Map<string, EntityRead>) => {
      await runPool(
        group,
        options.concurrency ?? 4,
        async (id) => {
          if (await this.#writeEntity(id, held.get(id), pass)) progressed = true;
        },
        options.signal,
      );
    };
    const readJustBefore = (id: string) =>
      !this.#dryRun && (adapter.readJustBefore?.(this.byEntity.get(id)!.filter((t) => !t.settled)) ?? false);
    const batched = pending.filter((id) => !readJustBefore(id));
    const grouped = pending.filter(readJustBefore);
    const chunks: string[][] = [];
    for (let i = 0; i < batched.length; i += adapter.chunkSize) chunks.push(batched.slice(i, i + adapter.chunkSize));
    // Each chunk is read in one go, the next one while this one is written (so the writes never wait for a read,
    // and no read is more than one chunk ahead).
    const readChunk = (k: number) =>
      k < chunks.length && !this.halted() ? adapter.read(chunks[k]!, phase, options.signal) : undefined;
    let next = readChunk(0);
    for (let k = 0; k < chunks.length && !this.halted(); k++) {
      const held = (await next)!;
      next = readChunk(k + 1);
      await write(chunks[k]!, held);
    }
    // One read per group of `concurrency` entities, taken when the previous group's writes are done: what the
    // write sends is at most one request round old.
    const concurrency = options.concurrency ?? 4;
    for (let i = 0; i < grouped.length && !this.halted(); i += concurrency) {
      const group = grouped.slice(i, i + concurrency);
      await write(group, await adapter.read(group, phase, options.signal));
    }
    return progressed;
  }

  /** Writes one entity, keeps the totals, finishes it once every target is settled; true when something settled. */
  async #writeEntity(id: string, held: EntityRead | undefined, pass: number): Promise<boolean> {
    const { options } = this;
    const ts = this.byEntity.get(id)!;
    const before = contribution(ts);
    const progressed = await processEntity(this.adapter, id, ts, held, {
      dryRun: this.#dryRun,
      onDrift: options.onDrift,
      signal: options.signal,
    });
    const after = contribution(ts);
    this.#totals.confirmed += after.confirmed - before.confirmed;
    this.#totals.failing += after.failing - before.failing;
    if (ts.every((t) => t.settled))
      await this.#finish(
        id,
        ts.every((t) => !t.skipReason && !t.limitError && !t.error),
      );
    this.#report(pass);
    return progressed;
  }

  async #finish(id: string, done: boolean): Promise<void> {
    if (this.#finished.has(id)) return;
    this.#finished.add(id);
    await this.options.onEntityFinished?.(id, this.byEntity.get(id)!, done);
  }

  /** Progress, only when it has news. */
  #report(pass: number): void {
    const p = { done: this.#finished.size, total: this.entities.length, ...this.#totals, pass };
    const key = `${p.done}/${p.confirmed}/${p.failing}/${p.pass}`;
    if (key === this.#lastReport) return;
    this.#lastReport = key;
    this.options.onProgress?.(p);
  }

  /** The final confirmation read, every target's status, and the entities not finished yet. */
  async close(passes: number): Promise<CoreResult<T>> {
    const aborted = this.options.signal?.aborted ?? false;
    const finalRead = this.options.finalRead ?? true;
    if (!this.#dryRun && !aborted && finalRead) await confirmFinal(this.adapter, this.byEntity);
    const noFinalRead = aborted ? 'aborted' : finalRead ? undefined : 'not requested';
    for (const t of this.tracks)
      Object.assign(t, finalStatus(t, this.#dryRun, aborted, this.adapter.words, noFinalRead));
    for (const id of this.entities)
      await this.#finish(
        id,
        this.byEntity.get(id)!.every((t) => t.status === 'applied' || t.status === 'unchanged'),
      );
    return { outcomes: this.tracks.map(publicOutcome), aborted, passes };
  }
}

/** How many of an entity's targets are confirmed and how many failing (settled with an error is final). */
function contribution<T extends LeverTarget>(ts: readonly Track<T>[]): { confirmed: number; failing: number } {
  let confirmed = 0;
  let failing = 0;
  for (const t of ts) {
    if (t.settled && !t.skipReason && !t.limitError && !t.wouldApply && !t.error) confirmed++;
    else if (t.error && (!t.settled || (!t.skipReason && !t.limitError))) failing++;
  }
  return { confirmed, failing };
}

async function processEntity<T extends LeverTarget>(
  adapter: LeverAdapter<T>,
  id: string,
  ts: Track<T>[],
  read: EntityRead | undefined,
  o: { dryRun: boolean; onDrift: 'skip' | 'apply' | undefined; signal: AbortSignal | undefined },
): Promise<boolean> {
  const open = ts.filter((t) => !t.settled);
  if (!read || !read.ok) {
    for (const t of open) t.error = read?.error;
    return false;
  }
  let progressed = false;
  const toWrite: Track<T>[] = [];
  for (const t of open) {
    const actual = read.values.get(adapter.keyOf(t.target)) ?? null;
    if (t.initial === undefined) t.initial = actual;
    t.observed = actual;
    if (sameValue(actual, t.target.after)) {
      Object.assign(t, { settled: true, error: undefined, confirmed: t.written });
      progressed = true;
    } else if (
      t.target.expected !== undefined &&
      !sameValue(actual, t.target.expected) &&
      (o.onDrift ?? 'skip') === 'skip'
    ) {
      const show = (v: number | null | undefined) => shown(v, adapter.words.absent);
      Object.assign(t, {
        settled: true,
        skipReason: `changed since planned: expected ${show(t.target.expected)}, found ${show(actual)}`,
      });
      progressed = true;
    } else toWrite.push(t);
  }
  if (toWrite.length === 0) return progressed;
  const limitError = adapter.refuse?.(id, read.values, toWrite);
  if (limitError) {
    // Nothing is written for this entity: a partial write would leave a state nobody planned.
    for (const t of toWrite) Object.assign(t, { settled: true, limitError });
    return true;
  }
  if (o.dryRun) {
    for (const t of toWrite) Object.assign(t, { settled: true, wouldApply: true });
    return true;
  }
  return (await adapter.write(id, toWrite, read.values, o.signal)) || progressed;
}

/** Re-reads every entity that was read once (batched), up to 4 rounds for entities whose read fails. */
async function confirmFinal<T extends LeverTarget>(
  adapter: LeverAdapter<T>,
  byEntity: Map<string, Track<T>[]>,
): Promise<void> {
  let pending = [...byEntity].filter(([, ts]) => ts.some((t) => t.initial !== undefined)).map(([id]) => id);
  for (let round = 1; round <= 4 && pending.length > 0; round++) {
    if (round > 1) await pause(250 * 2 ** (round - 2), undefined);
    const held = await adapter.read(pending, { pass: round, final: true }, undefined);
    for (const id of pending) {
      const read = held.get(id);
      if (read?.ok) for (const t of byEntity.get(id)!) t.final = read.values.get(adapter.keyOf(t.target)) ?? null;
    }
    pending = pending.filter((id) => !held.get(id)?.ok);
  }
}

function publicOutcome<T extends LeverTarget>(t: Track<T>): TargetOutcome<T> {
  const { settled: _s, observed: _o, skipReason: _r, limitError: _l, wouldApply: _w, t0: _t, ...outcome } = t;
  return outcome;
}

/** Sleeps `ms`; false when aborted first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return sleep(ms, signal).then(
    () => true,
    () => false,
  );
}
