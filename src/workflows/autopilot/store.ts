// What the autopilot must not forget across a crash: the baseline it started from, the changes it wrote (for the
// hourly and per-agent budgets) and whether it is away from the baseline. Saved after every write, before the
// next; a start that finds a saved state resumes from it (or returns to its baseline at once) instead of taking
// the changed org as a new baseline.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ValidationError } from '../../errors/index.js';
import type { Assignment } from './observe/assignment.js';

/** What survives a crash: the baseline assignment, the changes written, and whether the org is away from the baseline. */
export interface AutopilotState {
  /** Format marker. */
  kind: 'genesys-routing-sdk/autopilot-state';
  /** Format version (1). */
  version: 1;
  /** Org (API base URL) the state belongs to. */
  org: string;
  /** The queue skills in scope (queue id -> skill id). */
  queueSkills: Record<string, string>;
  /** The configuration found at the first start: what a return to baseline restores. */
  baseline: Assignment;
  /** ISO time the baseline was taken. */
  baselineAt: string;
  /**
   * Changes written (ISO time), newest last; entries older than a day are dropped. `direction` (kept since the
   * hysteresis rules) is absent in older saved states: such entries count for the budgets but never for hysteresis.
   */
  history: Array<{ userId: string; queueId: string; at: string; direction?: 'gain' | 'lose' | undefined }>;
  /** True while the org may differ from the baseline because of this autopilot's writes. */
  away: boolean;
  /** True once stopped cleanly (back at baseline or told to stay): the next start takes a new baseline. */
  closed: boolean;
}

/** Where the autopilot keeps its state between decisions and across restarts (memory, a file, or your own). */
export interface AutopilotStateStore {
  /** The saved state, or undefined when there is none. */
  load(): Promise<AutopilotState | undefined>;
  /** Saves the state (called after every decision that changes it). */
  save(state: AutopilotState): Promise<void>;
  /** Where it is, for logs. */
  readonly describe: string;
}

/** Keeps the state in memory (tests; one process that restarts its autopilot in place). */
export class MemoryAutopilotStore implements AutopilotStateStore {
  /** `memory`, for logs. */
  readonly describe = 'memory';
  #state: string | undefined;
  /** The saved state, or undefined when there is none. */
  async load(): Promise<AutopilotState | undefined> {
    return this.#state === undefined ? undefined : (JSON.parse(this.#state) as AutopilotState);
  }
  /** Saves the state. */
  async save(state: AutopilotState): Promise<void> {
    this.#state = JSON.stringify(state);
  }
}

/** A JSON file, replaced atomically (write a temporary file, then rename): a crash leaves the old or the new state. */
export class FileAutopilotStore implements AutopilotStateStore {
  /** `file:<path>`, for logs. */
  readonly describe: string;
  constructor(
    /** The state file's path (its directory is created on the first save). */
    readonly path: string,
  ) {
    this.describe = `file:${path}`;
  }
  /** The saved state, or undefined when there is none. */
  async load(): Promise<AutopilotState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ValidationError('FileAutopilotStore', [{ path: this.path, message: 'is not JSON' }]);
    }
    const s = value as Partial<AutopilotState> | null;
    if (!s || s.kind !== 'genesys-routing-sdk/autopilot-state' || s.version !== 1 || typeof s.baseline !== 'object')
      throw new ValidationError('FileAutopilotStore', [
        {
          path: this.path,
          message: 'is not an autopilot state file (kind genesys-routing-sdk/autopilot-state, version 1)',
        },
      ]);
    return s as AutopilotState;
  }
  /** Saves the state. */
  async save(state: AutopilotState): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, this.path);
  }
}
