// `--write-delay S`: on the manual clock, simulated time moves S seconds between an autopilot decision's look at
// the org and its first write, as it does on a real clock while the decision re-plans (a 3 s re-plan is 3
// simulated minutes at x60). The same day with and without it shows what that delay alone does to the day.
import type { Clock } from '../../src/internal/clock.js';

/** The autopilot's writes: skills and queue memberships (analytics queries are POSTs too, and are reads). */
const WRITE_PATH = /\/api\/v2\/(users\/[^/]+\/routingskills|routing\/queues\/[^/]+\/members)/;

export interface WriteDelay {
  /** The client's fetch: the first write after each decision waits `ms` on the clock first. */
  fetch: typeof globalThis.fetch;
  /** The clock to wait on (made after the client). */
  useClock(clock: Clock): void;
  /** A decision ended: the next write is the next decision's first. */
  decided(): void;
}

export function writeDelay(ms: number): WriteDelay {
  let clock: Clock | undefined;
  let waited = false;
  return {
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (!waited && clock && method !== 'GET' && WRITE_PATH.test(new URL(url).pathname)) {
        waited = true;
        await clock.sleep(ms);
      }
      return globalThis.fetch(input, init);
    },
    useClock: (c) => (clock = c),
    decided: () => (waited = false),
  };
}
