// The apply journal: what an interrupted applyPlan already finished, so a re-run does only what is left.

export interface JournalEntry {
  planId: string;
  userId: string;
  /** `done`: every change of this user is verified; `failed`: try again next run. */
  status: 'done' | 'failed';
  at: string;
}

export interface ApplyJournal {
  /** User ids already done for this plan. */
  completed(planId: string): Promise<Set<string>>;
  record(entry: JournalEntry): Promise<void>;
}

/** Keeps the journal in memory (tests, or one process that retries in place). */
export class MemoryJournal implements ApplyJournal {
  readonly entries: JournalEntry[] = [];
  async completed(planId: string): Promise<Set<string>> {
    return doneUsers(this.entries, planId);
  }
  async record(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** Appends JSON lines to a file; survives a crash between two users. */
export class FileJournal implements ApplyJournal {
  constructor(readonly path: string) {}

  async completed(planId: string): Promise<Set<string>> {
    const { readFile } = await import('node:fs/promises');
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
      throw error;
    }
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        // A line torn by a crash mid-write: ignore it; that user is simply redone (idempotent).
      }
    }
    return doneUsers(entries, planId);
  }

  async record(entry: JournalEntry): Promise<void> {
    const { appendFile } = await import('node:fs/promises');
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, 'utf8');
  }
}

function doneUsers(entries: readonly JournalEntry[], planId: string): Set<string> {
  const state = new Map<string, JournalEntry['status']>();
  for (const e of entries) if (e.planId === planId) state.set(e.userId, e.status);
  return new Set([...state].filter(([, s]) => s === 'done').map(([u]) => u));
}
