// The stream's buffer for async iteration: bounded (the oldest events are dropped first), ends cleanly on
// close, or hands a failed stream's error to the reader once the buffered events are read.
export class EventQueue<E> {
  readonly #items: E[] = [];
  readonly #waiters: Array<{ resolve: (r: IteratorResult<E>) => void; reject: (e: unknown) => void }> = [];
  readonly #max: number;
  #ended = false;
  #failure: Error | undefined;
  #failureReported = false;

  constructor(max: number) {
    this.#max = max;
  }

  /** Queues (or hands to a waiting reader) one event; false when the oldest had to be dropped. */
  push(item: E): boolean {
    if (this.#ended) return true;
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter.resolve({ value: item, done: false });
      return true;
    }
    this.#items.push(item);
    if (this.#items.length <= this.#max) return true;
    this.#items.shift();
    return false;
  }

  /** Ends iteration; `discard` drops events not read yet (close) instead of keeping them for the reader. */
  end(discard: boolean): void {
    this.#ended = true;
    if (discard) this.#items.length = 0;
    for (const waiter of this.#waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  /** Ends iteration with an error, thrown once after the buffered events. */
  fail(error: Error): void {
    this.#ended = true;
    this.#failure = error;
    for (const waiter of this.#waiters.splice(0)) {
      this.#failureReported = true;
      waiter.reject(error);
    }
  }

  next(): Promise<IteratorResult<E>> {
    if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift() as E, done: false });
    if (this.#failure && !this.#failureReported) {
      this.#failureReported = true;
      return Promise.reject(this.#failure);
    }
    if (this.#ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }
}
