// A child process of file-lock.scenario.test.ts: on each `race` message it waits until the given instant, tries to
// take the FileJournal lease once (waitMs 0), and reports whether it holds it; `release` gives it up.
import { FileJournal } from '../../src/workflows/journal/journals.js';
import type { JournalLease } from '../../src/workflows/journal/types.js';

type Message =
  { type: 'race'; round: number; path: string; planId: string; at: number } | { type: 'release' } | { type: 'exit' };

let held: JournalLease | undefined;
process.on('message', (m: Message) => {
  void (async () => {
    if (m.type === 'exit') process.exit(0);
    if (m.type === 'release') {
      await held?.release();
      held = undefined;
      process.send!({ type: 'released' });
      return;
    }
    while (Date.now() < m.at) {
      // spin to the start instant so the six processes try within the same millisecond or two
    }
    let won = false;
    let error: string | undefined;
    try {
      held = await new FileJournal(m.path).acquire(m.planId, {
        owner: `racer-${process.pid}`,
        ttlMs: 60_000,
        waitMs: 0,
      });
      won = true;
    } catch (e) {
      error = (e as Error).name;
    }
    process.send!({ type: 'result', round: m.round, pid: process.pid, won, error });
  })();
});
process.send!({ type: 'ready' });
