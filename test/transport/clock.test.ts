// The injected clock: virtualClock() moves time only when something sleeps on it, and the limiter's p-limit
// queue keeps the old contract for callers whose signal aborted while they waited for a slot.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/testing/index.js';
import { RequestLimiter } from '../../src/transport/rate-limit/limiter.js';
import { loadPLimit } from '../../src/internal/esm-only-deps.js';

describe('virtualClock', () => {
  it('wakes sleepers in the order of their wake-up times, at those times, without waiting in real time', async () => {
    const clock = virtualClock(1_000);
    const woke: Array<[string, number]> = [];
    const realStart = performance.now();
    await Promise.all([
      clock.sleep(60_000).then(() => woke.push(['long', clock.now()])),
      clock.sleep(5_000).then(() => woke.push(['short', clock.now()])),
      clock.sleep(5_000).then(() => woke.push(['short too', clock.now()])),
    ]);
    expect(woke).toEqual([
      ['short', 6_000],
      ['short too', 6_000],
      ['long', 61_000],
    ]);
    expect(clock.sleeps).toEqual([60_000, 5_000, 5_000]);
    expect(performance.now() - realStart).toBeLessThan(1_000);
  });

  it('rejects a sleep with the signal reason when it aborts, and advance() moves time by hand', async () => {
    const clock = virtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.now()).toBe(0);
    clock.advance(250);
    expect(clock.now()).toBe(250);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('RequestLimiter slots (p-limit)', () => {
  it('runs at most maxConcurrency at once; a waiter aborted meanwhile passes its slot on without running', async () => {
    await loadPLimit(); // loaded at the first request; loaded here so one turn of the event loop queues every call
    const limiter = new RequestLimiter(1, false, undefined, virtualClock());
    let release!: () => void;
    const first = limiter.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const controller = new AbortController();
    const ran: string[] = [];
    const aborted = limiter.run(async () => void ran.push('aborted'), controller.signal);
    const third = limiter.run(async () => (ran.push('third'), 'third'));
    await new Promise((r) => setImmediate(r));
    expect(limiter.pending).toBe(2);
    controller.abort(new Error('caller gave up'));
    release();
    await expect(aborted).rejects.toThrow('caller gave up');
    expect(await first).toBe('first');
    expect(await third).toBe('third');
    expect(ran).toEqual(['third']);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const limiter = new RequestLimiter(2, false, undefined, virtualClock());
    await expect(limiter.run(async () => 'ran', AbortSignal.abort(new Error('before')))).rejects.toThrow('before');
  });
});
