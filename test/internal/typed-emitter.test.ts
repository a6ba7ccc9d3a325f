// The client's event emitter keeps eventemitter3's semantics (it replaced it on the root's load path).
import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '../../src/internal/typed-emitter.js';

type Events = { tick: [n: number]; other: [] };

/** Runs the same script against eventemitter3 and TypedEmitter and returns both call logs. */
function both(script: (e: { on: (f: (n: number) => void) => void; once: (f: (n: number) => void) => void; off: (f?: (n: number) => void) => void; emit: (n: number) => void; count: () => number }, log: string[]) => void): [string[], string[]] {
  const ee = new EventEmitter();
  const ours = new TypedEmitter<Events>();
  const a: string[] = [];
  const b: string[] = [];
  script({ on: (f) => ee.on('tick', f), once: (f) => ee.once('tick', f), off: (f) => (f ? ee.off('tick', f) : ee.removeAllListeners('tick')), emit: (n) => ee.emit('tick', n), count: () => ee.listenerCount('tick') }, a);
  script({ on: (f) => ours.on('tick', f), once: (f) => ours.once('tick', f), off: (f) => ours.off('tick', f), emit: (n) => ours.emit('tick', n), count: () => ours.listenerCount('tick') }, b);
  return [a, b];
}

describe('TypedEmitter', () => {
  it('calls listeners in order, once listeners once, and counts them like eventemitter3', () => {
    const [a, b] = both((e, log) => {
      const f = (n: number) => log.push(`f${n}`);
      e.on(f);
      e.once((n) => log.push(`once${n}`));
      e.on((n) => log.push(`g${n}`));
      log.push(`count ${e.count()}`);
      e.emit(1);
      log.push(`count ${e.count()}`);
      e.emit(2);
    });
    expect(b).toEqual(a);
    expect(b).toEqual(['count 3', 'f1', 'once1', 'g1', 'count 2', 'f2', 'g2']);
  });

  it('off(fn) removes every registration of fn; off() removes all; an emit runs the listeners present when it started', () => {
    const [a, b] = both((e, log) => {
      const f = (n: number) => log.push(`f${n}`);
      const late = (n: number) => log.push(`late${n}`);
      e.on(f);
      e.on((n) => {
        log.push(`adder${n}`);
        e.off(f);
        e.on(late);
      });
      e.on(f);
      e.emit(1);
      e.emit(2);
      e.off();
      e.emit(3);
      log.push(`count ${e.count()}`);
    });
    expect(b).toEqual(a);
  });

  it('a throwing listener stops the emit and the error reaches the caller; a once listener is gone even so', () => {
    const [a, b] = both((e, log) => {
      e.once(() => {
        throw new Error('boom');
      });
      e.on((n) => log.push(`after${n}`));
      try {
        e.emit(1);
      } catch (error) {
        log.push((error as Error).message);
      }
      e.emit(2);
    });
    expect(b).toEqual(a);
    expect(b).toEqual(['boom', 'after2']);
  });
});
