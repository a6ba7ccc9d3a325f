// Slots of waiting calls in parallel typed arrays, recycled; a generation number per slot lets stale events
// (an abandonment or a ring expansion of a call already answered) be recognised and ignored.

export const WAITING = 1;
export const ABANDONED = 2;
/** Answered out of the middle of its queue (by ring widening); dropped when it reaches the head. */
export const TAKEN = 3;

export class CallSlots {
  arrival: Float64Array;
  work: Float64Array;
  queue: Int32Array;
  state: Uint8Array;
  gen: Int32Array;
  /** Index of the next ring expansion this call is waiting for. */
  stage: Int8Array;
  private free: Int32Array;
  private freeCount: number;

  constructor(capacity = 1024) {
    this.arrival = new Float64Array(capacity);
    this.work = new Float64Array(capacity);
    this.queue = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.gen = new Int32Array(capacity);
    this.stage = new Int8Array(capacity);
    this.free = new Int32Array(capacity);
    this.freeCount = capacity;
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
  }

  /** A free slot holding a waiting call. */
  take(arrival: number, queue: number, work: number): number {
    if (this.freeCount === 0) this.grow();
    const s = this.free[--this.freeCount] as number;
    this.arrival[s] = arrival;
    this.queue[s] = queue;
    this.work[s] = work;
    this.state[s] = WAITING;
    this.stage[s] = 0;
    return s;
  }

  release(s: number): void {
    this.state[s] = 0;
    this.gen[s] = ((this.gen[s] as number) + 1) & 0x7fffffff;
    this.free[this.freeCount++] = s;
  }

  private grow(): void {
    const old = this.arrival.length;
    const cap = old * 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.arrival = widen(this.arrival, (n) => new Float64Array(n));
    this.work = widen(this.work, (n) => new Float64Array(n));
    this.queue = widen(this.queue, (n) => new Int32Array(n));
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.gen = widen(this.gen, (n) => new Int32Array(n));
    this.stage = widen(this.stage, (n) => new Int8Array(n));
    const free = new Int32Array(cap);
    for (let i = old; i < cap; i++) free[this.freeCount++] = cap - 1 - (i - old);
    this.free = free;
  }
}
