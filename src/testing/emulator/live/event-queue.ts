// The simulation's future events, earliest first. Ties go in scheduling order (a sequence number), so the same
// schedule always runs in the same order: part of what makes the live day deterministic.

export type LiveEvent =
  | { kind: 'slot'; start: number }
  | { kind: 'arrival'; callIndex: number }
  | { kind: 'abandon'; callIndex: number }
  | { kind: 'free'; callIndex: number }
  | { kind: 'talkEnd'; callIndex: number }
  | { kind: 'shift'; userId: string }
  | { kind: 'interval' }
  | { kind: 'dispatch' };

interface Entry {
  at: number;
  seq: number;
  event: LiveEvent;
}

/** A binary min-heap on (at, seq). */
export class EventQueue {
  readonly #heap: Entry[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(at: number, event: LiveEvent): void {
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, event });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
      [heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry];
      i = parent;
    }
  }

  /** Time of the earliest event, or Infinity. */
  peekTime(): number {
    return this.#heap[0]?.at ?? Infinity;
  }

  pop(): { at: number; event: LiveEvent } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Entry, heap[m] as Entry)) m = l;
        if (r < heap.length && before(heap[r] as Entry, heap[m] as Entry)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Entry, heap[i] as Entry];
        i = m;
      }
    }
    return { at: top.at, event: top.event };
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
