// The autopilot deciding on the notification stream of the live emulator (manual clock): with the live picture,
// early when a watch step shows new pressure, and on the aggregates query when no stream opens. Whole decisions
// (history reads, re-plans) take 10-25 s on 2 cores, so this runs with the scenarios.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/internal/clock.js';
import {
  startAutopilot,
  streamSource,
  type AutopilotDecision,
  type StreamSource,
} from '../../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { ANCHOR, liveDay, manualClock } from './stream-fixture.js';

describe('the autopilot on the stream', () => {
  it('decides with the live picture, and decides early when a watch step shows new pressure', async () => {
    const { emu, client, surgeQueue } = await liveDay();
    const box: { source?: StreamSource } = {};
    // At 10:42 eight callers wait in the surge queue, the first for 3 minutes (published as the platform would):
    // one long wait alone is no evidence, a queue of callers beyond what its target lets pile up is.
    const clock = manualClock(emu, box, (now) =>
      now !== ANCHOR + 12 * 60_000
        ? undefined
        : void emu.notifications.publish(`v2.analytics.queues.${surgeQueue}.observations`, {
            group: { queueId: surgeQueue, mediaType: 'voice' },
            data: [
              { metric: 'oWaiting', stats: { count: 8 } },
              {
                metric: 'oLongestWaiting',
                stats: { count: 1, max: 180_000 },
                observations: [{ observationDate: new Date(now - 180_000).toISOString() }],
              },
            ],
          }),
    );
    const source = (box.source = streamSource(client, { clock }));
    const pilot = startAutopilot(
      client,
      { decisionPeriodMinutes: 5, shadow: true, planTimeLimitMs: 30_000 },
      { clock, source, lease: { journal: new MemoryJournal() } },
    );
    const seen: AutopilotDecision[] = [];
    pilot.on('decision', (d) => {
      seen.push(d);
      if (clock.now() >= ANCHOR + 20 * 60_000) void pilot.stop();
    });
    const summary = await pilot.done;
    expect(summary.error).toBeUndefined();
    expect(source.messages).toBe(emu.live!.counters().published); // the hand-made message included
    expect(seen.every((d) => d.source?.kind === 'stream')).toBe(true);
    expect(seen[0]!.queues.every((q) => q.live !== undefined)).toBe(true);
    expect(seen[0]!.onQueue).toBeGreaterThan(0);
    const at = seen.map((d) => d.at.slice(11, 16));
    expect(at.slice(0, 4)).toEqual(['10:30', '10:35', '10:40', '10:42']);
    const early = seen[3]!;
    expect(early.trigger).toMatch(/waited 180 s/);
    const q = early.queues.find((x) => x.queueId === surgeQueue)!;
    expect(q.pressure).toBe(true);
    expect(q.livePressure).toMatch(/waited 180 s/);
    expect(at[4]).toBe('10:47'); // the next period counts from the early decision
  });

  it('decides on the aggregates query when no stream opens, and says why; observe "stream" refuses to start', async () => {
    const blocked = class {
      constructor() {
        throw new Error('sockets are blocked here');
      }
    };
    const { emu, client } = await liveDay({ WebSocket: blocked });
    const clock: Clock = { now: () => emu.live!.now(), sleep: (ms) => emu.live!.advance(ms) };
    const pilot = startAutopilot(
      client,
      { shadow: true, planTimeLimitMs: 30_000 },
      { clock, lease: { journal: new MemoryJournal() } },
    );
    const seen: AutopilotDecision[] = [];
    pilot.on('decision', (d) => {
      seen.push(d);
      if (seen.length === 2) void pilot.stop();
    });
    expect((await pilot.done).error).toBeUndefined();
    expect(seen.map((d) => d.source?.kind)).toEqual(['aggregates', 'aggregates']);
    expect(seen[0]!.source?.fallback).toMatch(/could not open the notification stream: .*blocked/);
    expect(seen[0]!.queues.every((q) => q.live === undefined)).toBe(true);
    expect(seen[1]!.at).toBe(new Date(ANCHOR + 5 * 60_000).toISOString()); // no watch steps without a stream
    const strict = startAutopilot(client, { observe: 'stream' }, { clock, lease: { journal: new MemoryJournal() } });
    const summary = await strict.done;
    expect(summary.stoppedBy).toBe('error');
    expect(summary.error?.message).toMatch(/policy.observe is 'stream' but could not open the notification stream/);
    expect(summary.decisions).toEqual([]);
  });
});
