// The autopilot's kill switch: checked before every write, so an operator stops writes within one decision by
// creating a file or setting a Redis key (see `RedisKillSwitch` in genesys-routing-sdk/redis). A switch that
// cannot be read counts as engaged: when in doubt, the autopilot does not write.
import { access } from 'node:fs/promises';

/** Checked before every write: engaged, or unreadable, means the autopilot does not write. */
export interface KillSwitch {
  /** True when writes must stop. Rejections are treated as engaged by the autopilot. */
  engaged(signal?: AbortSignal): Promise<boolean>;
  /** Where it is, for logs (`file:/run/autopilot.stop`, `redis:autopilot:stop`). */
  readonly describe: string;
}

/** Engaged while the file exists. */
export class FileKillSwitch implements KillSwitch {
  /** `file:<path>`, for logs. */
  readonly describe: string;
  constructor(
    /** The file whose existence engages the switch. */
    readonly path: string,
  ) {
    this.describe = `file:${path}`;
  }
  /** True while the file exists, or when it cannot be checked (any error but ENOENT). */
  async engaged(): Promise<boolean> {
    try {
      await access(this.path);
      return true;
    } catch (error) {
      // Missing file: not engaged. Any other failure (permissions, I/O): engaged, never a silent write.
      return (error as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }
}

/** A switch held in memory (tests, single-process tools). */
export class MemoryKillSwitch implements KillSwitch {
  /** `memory`, for logs. */
  readonly describe = 'memory';
  #on = false;
  /** Engages the switch: writes stop from the next check. */
  engage(): void {
    this.#on = true;
  }
  /** Releases the switch: writes may resume. */
  release(): void {
    this.#on = false;
  }
  /** True between `engage()` and `release()`. */
  async engaged(): Promise<boolean> {
    return this.#on;
  }
}

/** Reads a switch, treating a failed read as engaged. */
export async function isStopped(killSwitch: KillSwitch | undefined, signal?: AbortSignal): Promise<boolean> {
  if (!killSwitch) return false;
  try {
    return await killSwitch.engaged(signal);
  } catch {
    return true;
  }
}
