// The transport's concurrency slots: a cap, arrival order, the slot given back however a function ends, and
// a waiter that leaves on abort. (The transport's own tests cover them over HTTP; these pin the edges.)
import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/transport/slots.js';

/** A promise with its resolve, to hold a function in its slot. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('Slots', () => {
  it('runs at most `size` at once and the rest in arrival order', async () => {
    const slots = new Slots(2);
    const started: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    let running = 0;
    let peak = 0;
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await g.promise;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.pending).toBe(2);
    gates[1]!.open();
    gates[0]!.open();
    gates[3]!.open();
    gates[2]!.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('gives the slot back when the function throws', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  it('a waiter whose signal aborted by its turn passes the slot on without running; the others keep their order', async () => {
    const slots = new Slots(1);
    const hold = gate();
    const first = slots.run(() => hold.promise);
    const abort = new AbortController();
    const order: string[] = [];
    const leaving = slots.run(async () => void order.push('aborted one ran'), abort.signal);
    const last = slots.run(async () => void order.push('last'));
    expect(slots.pending).toBe(2);
    abort.abort(new Error('stop'));
    hold.open();
    await first;
    await expect(leaving).rejects.toThrow('stop');
    await last;
    expect(order).toEqual(['last']);
    expect(slots.pending).toBe(0);
    await expect(slots.run(async () => 1, abort.signal)).rejects.toThrow('stop');
    expect(await slots.run(async () => 2)).toBe(2);
  });
});
