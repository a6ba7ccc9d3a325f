// The client's typed event emitter: a listener list per event, nothing more. It is not eventemitter3 on
// purpose: loading that package cost the root entry about 1 ms at import (streams, which expose an
// EventEmitter API, still use it). Semantics follow eventemitter3's: listeners run in the order added, a
// listener that throws stops the emit and the error reaches the emitter, off(event, fn) removes every
// registration of fn, an emit runs the listeners present when it started, and a once listener is removed
// just before it runs.

interface Registration {
  /** Typed per event by the methods below. */
  listener: unknown;
  once: boolean;
}

export class TypedEmitter<E extends { [K in keyof E]: unknown[] }> {
  readonly #listeners = new Map<keyof E, Registration[]>();

  #add(event: keyof E, listener: unknown, once: boolean): void {
    const list = this.#listeners.get(event);
    if (list) list.push({ listener, once });
    else this.#listeners.set(event, [{ listener, once }]);
  }

  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#add(event, listener, false);
  }

  once<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): void {
    this.#add(event, listener, true);
  }

  /** Without a listener: removes every listener of the event. */
  off<K extends keyof E & string>(event: K, listener?: (...args: E[K]) => void): void {
    if (!listener) {
      this.#listeners.delete(event);
      return;
    }
    for (const registration of this.#listeners.get(event) ?? []) if (registration.listener === listener) this.#remove(event, registration);
  }

  listenerCount<K extends keyof E & string>(event: K): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  emit<K extends keyof E & string>(event: K, ...args: E[K]): void {
    const list = this.#listeners.get(event);
    if (!list) return;
    for (const registration of [...list]) {
      if (registration.once) this.#remove(event, registration);
      (registration.listener as (...a: E[K]) => void)(...args);
    }
  }

  #remove(event: keyof E, registration: Registration): void {
    const kept = (this.#listeners.get(event) ?? []).filter((r) => r !== registration);
    if (kept.length > 0) this.#listeners.set(event, kept);
    else this.#listeners.delete(event);
  }
}
