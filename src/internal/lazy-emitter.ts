// The client's typed event emitter over eventemitter3, created on the first on()/once(): until then emit()
// has nobody to tell and is a no-op. eventemitter3 is a static import (bundlers see it; it costs ~1 ms).
import { EventEmitter } from 'eventemitter3';

// eventemitter3 types listeners as (...args: any[]) => void; ours are typed per event above it.
type Listener = Parameters<EventEmitter['on']>[1];

export class LazyEmitter<E extends { [K in keyof E]: unknown[] }> {
  #emitter: EventEmitter | undefined;

  #load(): EventEmitter {
    this.#emitter ??= new EventEmitter();
    return this.#emitter;
  }

  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#load().on(event, listener as unknown as Listener);
  }

  once<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#load().once(event, listener as unknown as Listener);
  }

  off<K extends keyof E & string>(event: K, listener?: (...args: E[K]) => void): void {
    this.#emitter?.off(event, listener as unknown as Listener | undefined);
  }

  listenerCount<K extends keyof E & string>(event: K): number {
    return this.#emitter ? this.#emitter.listenerCount(event) : 0;
  }

  emit<K extends keyof E & string>(event: K, ...args: E[K]): void {
    this.#emitter?.emit(event, ...args);
  }
}
