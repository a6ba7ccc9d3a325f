// A circuit breaker in front of any ApplyJournal (memory, file, Redis, a user's): the first append that fails or
// does not answer within `timeoutMs` opens it. Open, it records nothing more (every later append returns at
// once, so an outage costs one timeout, not one per user) and calls `onOpen`, which stops the run's new writes.
import { JournalUnavailableError } from '../../../errors/index.js';
import type { ApplyJournal, JournalRecord } from '../../journal/types.js';
import { withTimeout } from './lease.js';

export class JournalGuard {
  #open: JournalUnavailableError | undefined;
  /** Users whose record could not be written. */
  readonly notRecorded = new Set<string>();

  constructor(
    private readonly journal: ApplyJournal,
    private readonly timeoutMs: number,
    private readonly onOpen: (error: JournalUnavailableError) => void,
  ) {}

  /** Why the breaker is open (undefined: closed). */
  get open(): JournalUnavailableError | undefined {
    return this.#open;
  }

  /** Appends one record; false when it was not recorded (the breaker is, or just went, open). */
  async append(record: JournalRecord): Promise<boolean> {
    if (this.#open) {
      this.notRecorded.add(record.userId);
      return false;
    }
    try {
      await withTimeout(this.journal.append(record), this.timeoutMs, 'the journal append');
      return true;
    } catch (error) {
      this.notRecorded.add(record.userId);
      if (!this.#open) {
        this.#open = new JournalUnavailableError(
          `journal: could not record user ${record.userId} (${(error as Error)?.message ?? String(error)}); no new writes were started after this`,
          { cause: error },
        );
        this.onOpen(this.#open);
      }
      return false;
    }
  }
}
