import { describe, expect, it } from 'vitest';
import type { RateLimitedEvent } from '../../../src/index.js';
import { virtualClock } from '../../../src/testing/index.js';
import { clientFor, emulator } from '../helpers.js';

describe('rate-limit gate', () => {
  it('pauses before the allowance runs out, so sequential calls never see a 429', async () => {
    // One virtual clock for the emulator's window and the client's pauses: nothing waits in real time.
    const clock = virtualClock();
    const emu = await emulator({ rateLimit: { requests: 3, windowSeconds: 10 }, clock });
    const client = clientFor(emu, { clock });
    const paused: RateLimitedEvent[] = [];
    client.on('rateLimited', (e) => paused.push(e));
    const statuses: number[] = [];
    client.on('response', (e) => statuses.push(e.status));
    for (let i = 0; i < 7; i++) await client.routing.skills.list({ pageSize: 1 }).first();
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(paused.length).toBeGreaterThanOrEqual(2);
    expect(paused.every((p) => p.source === 'headroom')).toBe(true);
    // Seven calls at three per 10 s window: the client waited out two windows on its clock.
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it('a 429 closes the gate for every concurrent call, then one probe refills the quota before the rest go', async () => {
    // Real time here (a 1 s window): a virtual clock jumps to the end of a pause as soon as the client sleeps,
    // while requests of the same burst are still in flight, so the emulator would count them in a new window.
    const emu = await emulator({ rateLimit: { requests: 4, windowSeconds: 1 } });
    const client = clientFor(emu, { maxConcurrency: 8 });
    const statuses: number[] = [];
    client.on('response', (e) => statuses.push(e.status));
    const results = await Promise.all(
      Array.from({ length: 12 }, () => client.routing.skills.list({ pageSize: 1 }).first()),
    );
    expect(results.every((r) => typeof r?.id === 'string')).toBe(true);
    const refused = statuses.filter((s) => s === 429).length;
    // The first burst of 8 meets a quota of 4 it knows nothing about yet; after that the mirrored quota
    // and the single probe keep every later request inside the allowance.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(4);
    expect(statuses.slice(8).filter((s) => s === 429)).toEqual([]);
  });
});
