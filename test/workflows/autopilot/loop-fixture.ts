// The autopilot-over-the-emulator fixture shared by the loop tests and the assistant's approval test: a balanced
// org with a client, a scripted observation source (one queue surging for a stretch of the day), a flat forecast,
// and the emulator's own view of its state and of the writes it received.
import { onTestFinished } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/testing/index.js';
import type { ObservationSource } from '../../../src/workflows/autopilot/index.js';

export const ANCHOR = Date.parse('2026-11-24T09:00:00Z');
/**
 * policy.historyDays for the scripted days: they give their own forecast, so history only sets handle times and
 * the usual availability, and a week of it is enough. The default four weeks cost the emulator seconds of traffic
 * generation per run.
 */
export const HISTORY_DAYS = 7;
const DAY_START = Date.parse('2026-11-24T00:00:00Z');
const INTERVAL = 15 * 60_000;

/** The balanced org at ANCHOR (closed when the test ends), a client on it and the first three queues by name. */
export async function setup(org?: EmulatorOptions['org']) {
  const emu = await startEmulator({
    seed: 7,
    scenario: 'balanced',
    anchor: ANCHOR,
    rateLimit: false,
    ...(org ? { org } : {}),
  });
  onTestFinished(() => emu.close());
  const client = new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    timeoutMs: 120_000,
  });
  const queues = await client.routing.queues.list({ pageSize: 100 }).toArray();
  const sorted = [...queues].sort((a, b) => a.name.localeCompare(b.name));
  const watched = sorted.slice(0, 3).map((q) => q.id);
  return { emu, client, watched };
}

/** 20 calls per 15 minutes on each queue, except `surgeQueue` at `factor` x between `from` and `to`. */
export function scripted(surgeQueue: string, from: number, to: number, factor = 2): ObservationSource {
  return {
    async read({ to: now, queueIds }) {
      const n = Math.floor((now.getTime() - DAY_START) / INTERVAL) + 1;
      return Object.fromEntries(
        queueIds.map((id) => [
          id,
          {
            offered: Array.from({ length: n }, (_, i) => {
              const t = DAY_START + i * INTERVAL;
              return id === surgeQueue && t >= from && t < to ? 20 * factor : 20;
            }),
            serviceLevel: Array.from({ length: n }, () => 0.95),
          },
        ]),
      );
    },
  };
}

/** Every user's skills and every queue's members, as the emulator holds them (independent of the SDK's reads). */
export const fingerprint = (emu: Emulator) =>
  JSON.stringify({
    skills: [...emu.state.userSkills].map(([u, m]) => [u, [...m].sort()]).sort(),
    members: [...emu.state.queues.keys()].sort().map((q) => [q, [...emu.state.membersOf(q).keys()].sort()]),
  });

export const forecastFor = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, new Array<number>(96).fill(20)]));

/**
 * A schedule (`options.schedule`) that keeps every agent as they are now all day: on queue throughout or off. The
 * emulator here has no live day, so its agents keep their status while the virtual clock runs for hours; the
 * usual pattern from history would read the rota's shifts and take its own frozen day for absences.
 */
export async function frozenSchedule(client: GenesysClient, queueIds: readonly string[]) {
  const schedule: Record<string, number[]> = {};
  for (const queueId of queueIds)
    for await (const m of client.routing.members.list(queueId, { expand: ['routingStatus'] })) {
      const on = (m.routingStatus?.status ?? 'OFF_QUEUE') !== 'OFF_QUEUE';
      if (on || !(m.id in schedule)) schedule[m.id] = new Array<number>(96).fill(on ? 1 : 0);
    }
  return schedule;
}

/** The requests that changed the org, from the emulator's request log. */
export const writes = (emu: Emulator) =>
  emu.stats.requestLog.filter(
    (r) =>
      r.method !== 'GET' &&
      r.method !== 'HEAD' &&
      !r.path.includes('/analytics/') &&
      !r.path.includes('/oauth/') &&
      !r.path.includes('/notifications/') &&
      !r.path.includes('/audits/'),
  );
