// The agents' usual time on queue today, from history: the share of each interval of the day each agent was on
// queue (routing status other than OFF_QUEUE) on the same weekday in the history window, which is their shift
// and break pattern. The re-plan uses it so that it does not lean on agents about to go on break or off shift,
// and plans for the capacity the next intervals will really have. Read once a day, like the forecast (only the
// users' routing-status aggregates: the queues' calls come with the forecast).
import type { GenesysClient } from '../../../client/client.js';
import type { DayGrid } from '../../optimize/day/grid.js';
import { readHistoryDay } from '../../optimize/day/read.js';

/**
 * Per user, the share (0..1) of each interval of the grid's day they are usually on queue. Users with no time on
 * queue that weekday in the window are absent (nothing known: the re-plan keeps them as they are now).
 */
export async function readUsualAvailability(
  client: GenesysClient,
  grid: DayGrid,
  window: { from: Date; to: Date },
  userIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, number[]>> {
  if (userIds.length === 0) return new Map();
  const day = await readHistoryDay(client, {
    intervalSeconds: grid.intervalSeconds,
    day: new Date(grid.start),
    window,
    queueIds: [],
    userIds,
    signal,
  });
  return day.available;
}

/**
 * An agent's availability over the next `horizon` intervals from `interval`, for the re-plan: on queue now counts
 * as on queue for the current interval; later intervals take the usual share (no history: on queue throughout).
 */
export function horizonAvailability(
  usual: readonly number[] | undefined,
  interval: number,
  horizon: number,
): number[] | undefined {
  if (!usual) return undefined;
  const out = sharesAhead(usual, interval, horizon, 1);
  return out.every((v) => v === 1) ? undefined : out;
}

/** The usual shares of the `horizon` intervals from `interval`, the current one set to `now`. */
export function sharesAhead(usual: readonly number[], interval: number, horizon: number, now: number): number[] {
  return Array.from({ length: horizon }, (_, i) => (i === 0 ? now : (usual[interval + i] ?? 0)));
}
