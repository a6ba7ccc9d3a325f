// Shared setup of the analytics tests: a small emulated org with a frozen clock, a strict-validation client
// (any drift between the response schemas and the emulator's answers fails loudly) and request counters.
import type { Emulator, EmulatorOptions } from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

/** The emulator's clock in these tests: a Thursday noon, so early March is settled history. */
export const NOW = new Date('2025-03-20T12:00:00.000Z');
export const DAY = 86_400_000;

export async function setup(options: EmulatorOptions = {}) {
  const emu = await emulator(options);
  emu.state.now = () => new Date(NOW);
  const client = clientFor(emu, { validation: 'strict' });
  const analytics = client.analytics;
  const queueIds = [...emu.state.queues.keys()];
  return { emu, client, analytics, queueIds };
}

/** Requests the emulator answered on a route template, e.g. 'POST /api/v2/analytics/conversations/aggregates/query'. */
export function calls(emu: Emulator, route: string): number {
  return emu.stats.requestLog.filter((r) => r.route === route).length;
}

export const AGGREGATES = 'POST /api/v2/analytics/conversations/aggregates/query';
export const DETAILS = 'POST /api/v2/analytics/conversations/details/query';
export const OBSERVATIONS = 'POST /api/v2/analytics/queues/observations/query';
export const USER_AGGREGATES = 'POST /api/v2/analytics/users/aggregates/query';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Sorts aggregate results by group so two responses can be compared regardless of result order. */
export function byGroup<T extends { group?: Record<string, string> }>(results: readonly T[] | undefined): T[] {
  const key = (g: Record<string, string> | undefined) =>
    JSON.stringify(Object.entries(g ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  return [...(results ?? [])].sort((a, b) => key(a.group).localeCompare(key(b.group)));
}
