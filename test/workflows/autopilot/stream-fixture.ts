// The live surge day, a client on it and a manual clock whose waits end once the stream source has every
// notification: shared by the stream source's tests and the autopilot-on-the-stream scenario.
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { onTestFinished } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import type { Clock } from '../../../src/internal/clock.js';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';
import type { StreamSource } from '../../../src/workflows/autopilot/index.js';

export const ANCHOR = Date.parse('2026-11-24T10:30:00Z');
export const SURGE = Date.parse('2026-11-24T11:00:00Z');

export async function liveDay(options: { WebSocket?: unknown } = {}) {
  const emu = await startEmulator({
    seed: 7,
    scenario: 'surge',
    surge: { factor: 2, from: SURGE, minutes: 120 },
    anchor: ANCHOR,
    rateLimit: false,
    live: { clock: 'manual' },
  });
  // Closed when the test ends (per test: it holds however test files share a worker).
  onTestFinished(() => emu.close());
  const client = new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    WebSocket: (options.WebSocket ?? WebSocket) as never,
  });
  const queueIds = [...emu.state.queues.keys()].sort();
  const userIds = [...new Set(queueIds.flatMap((q) => [...emu.state.membersOf(q).keys()]))].sort();
  return { emu, client, queueIds, userIds, surgeQueue: emu.state.scenario.surge!.queueId };
}

/** Resolves once `check` holds (real time, at most 5 s): the WebSocket delivers on later turns. */
export async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await nextTurn();
  }
}

/**
 * A manual clock whose waits end once the source has every notification the emulator sent (the simulation's, the
 * routing-status events and any the test publishes by hand in `onSleep`).
 */
export function manualClock(emu: Emulator, box: { source?: StreamSource }, onSleep?: (now: number) => void): Clock {
  return {
    now: () => emu.live!.now(),
    sleep: async (ms) => {
      await emu.live!.advance(ms);
      onSleep?.(emu.live!.now());
      const source = box.source;
      if (source) await until(() => source.messages >= emu.live!.counters().published, 'the notifications');
    },
  };
}

export const request = (from: number, to: number, queueIds: string[]) => ({
  from: new Date(from),
  to: new Date(to),
  intervalMinutes: 15 as const,
  queueIds,
});
