// A history window that gives the same answers whenever it is computed: whole weeks of the weekly-repeating
// synthetic traffic (generate.ts), ending at a UTC midnight late enough that every conversation in it has
// settled (ended its last wrap-up) by the org clock.
import { MAX_LIFETIME_MS, WEEK_MS } from './generate.js';
import { utcDayStart } from '../query/time.js';

/**
 * The `weeks` whole weeks ending at the latest UTC midnight at least 4 hours (the longest synthetic conversation)
 * before `now`. Pass the emulator's clock (`emu.now()`): against the same seed and roster, plans computed over
 * this window are identical on every run, at any time of any day.
 * @example planProficiencyRelevel(client, { interval: reproducibleHistoryWindow(emu.now()) })
 */
export function reproducibleHistoryWindow(now: Date, weeks = 1): { from: Date; to: Date } {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new Error('reproducibleHistoryWindow: "now" must be a valid Date');
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52)
    throw new Error(`reproducibleHistoryWindow: "weeks" must be an integer in 1..52 (got ${String(weeks)})`);
  const to = utcDayStart(now.getTime() - MAX_LIFETIME_MS);
  return { from: new Date(to - weeks * WEEK_MS), to: new Date(to) };
}
