// The apply engine's entry for user skills, shared by applyPlan and distributeWeights' proficiency lever: the
// lever-agnostic write loop (lever-loop.ts) driven by the user-skills adapter (skills-lever.ts). The queue-member
// ring lever has its own entry in ring-lever.ts.
import type { GenesysClient } from '../../../client/client.js';
import { MAX_SKILLS_PER_USER } from '../../../resources/routing/users/user-skills.js';
import { runLever } from './lever-loop.js';
import type { ReadStats } from './read.js';
import { skillsLever, type SkillsLeverOptions } from './skills-lever.js';
import type { SkillTarget, TargetOutcome } from './targets.js';

export type { SkillTarget, TargetOutcome } from './targets.js';

export interface EngineProgress {
  usersDone: number;
  usersTotal: number;
  /** Targets confirmed as planned so far (written or already so). */
  confirmed: number;
  /** Targets whose last attempt failed (they may still succeed in a later pass). */
  failing: number;
  pass: number;
}

export interface EngineOptions {
  /** Error context, e.g. `applyPlan`. */
  context: string;
  dryRun?: boolean | undefined;
  /** A value that is neither `expected` nor `after`: skip it (default) or write anyway. */
  onDrift?: 'skip' | 'apply' | undefined;
  /** Users written at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number | undefined;
  /** Passes over users with failed writes (each re-reads them first). Default 6; stops early without progress. */
  passes?: number | undefined;
  maxSkillsPerUser?: number | undefined;
  /**
   * How a user's removals are written. `delete` (default): one DELETE per removal next to the PATCH of the adds
   * and updates; a skill someone else assigns meanwhile is kept. `replace`: the user's whole set in one PUT, built
   * from a batched read of the small group of users written next; another writer's change between that read and
   * the PUT is undone (see `onReplace` to find those afterwards).
   */
  removals?: 'delete' | 'replace' | undefined;
  /** Called after each whole-set PUT (`replace`) with its read -> write window and the set it sent. */
  onReplace?: SkillsLeverOptions['onReplace'];
  /** Checked before each entity's write; false: write nothing more (the run is being stopped). */
  mayWrite?: () => boolean;
  /** Take the final confirmation read (default true). */
  finalRead?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** Called once per user when every target of the user is settled (journal), or at the end for the rest. */
  onUserFinished?: (userId: string, tracks: readonly TargetOutcome[], done: boolean) => Promise<void>;
  onProgress?: (progress: EngineProgress) => void;
  /** Pause before pass `n` (n >= 2). Default 500 ms · 2^(n-2), at most 8 s. */
  passDelayMs?: (pass: number) => number;
}

export interface EngineResult {
  outcomes: TargetOutcome[];
  aborted: boolean;
  passes: number;
  reads: ReadStats;
}

export async function applySkillTargets(
  client: GenesysClient,
  targets: readonly SkillTarget[],
  options: EngineOptions,
): Promise<EngineResult> {
  const concurrency = options.concurrency ?? 4;
  const reads: ReadStats = { bulk: 0, perUser: 0 };
  const adapter = skillsLever(client, {
    context: options.context,
    concurrency,
    limit: options.maxSkillsPerUser ?? MAX_SKILLS_PER_USER,
    removals: options.removals ?? 'delete',
    stats: reads,
    onReplace: options.onReplace,
    mayWrite: options.mayWrite,
  });
  const mayWrite = options.mayWrite;
  if (mayWrite) {
    const write = adapter.write;
    adapter.write = (id, toWrite, held, signal) =>
      mayWrite() ? write(id, toWrite, held, signal) : Promise.resolve(false);
  }
  const { onUserFinished, onProgress } = options;
  const result = await runLever(adapter, targets, {
    dryRun: options.dryRun,
    onDrift: options.onDrift,
    concurrency,
    passes: options.passes,
    finalRead: options.finalRead,
    signal: options.signal,
    stop: mayWrite && (() => !mayWrite()),
    passDelayMs: options.passDelayMs,
    onEntityFinished: onUserFinished,
    onProgress:
      onProgress && (({ done, total, ...rest }) => onProgress({ usersDone: done, usersTotal: total, ...rest })),
  });
  return { ...result, reads };
}
