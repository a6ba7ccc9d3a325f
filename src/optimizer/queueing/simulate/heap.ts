// Binary min-heap of simulation events in parallel typed arrays: no allocation per event.

/** Events ordered by time; each carries an integer code and an auxiliary integer. */
export class EventHeap {
  private times: Float64Array;
  private codes: Int32Array;
  private aux: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.aux = new Int32Array(capacity);
  }

  /** Time of the earliest event (only when size > 0). */
  topTime(): number {
    return this.times[0] as number;
  }

  topCode(): number {
    return this.codes[0] as number;
  }

  topAux(): number {
    return this.aux[0] as number;
  }

  push(time: number, code: number, aux: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    const auxs = this.aux;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt <= time) break;
      times[i] = pt;
      codes[i] = codes[parent] as number;
      auxs[i] = auxs[parent] as number;
      i = parent;
    }
    times[i] = time;
    codes[i] = code;
    auxs[i] = aux;
  }

  /** Removes the earliest event. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const times = this.times;
    const codes = this.codes;
    const auxs = this.aux;
    const time = times[n] as number;
    const code = codes[n] as number;
    const aux = auxs[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right] as number) < (times[child] as number)) child = right;
      const ct = times[child] as number;
      if (ct >= time) break;
      times[i] = ct;
      codes[i] = codes[child] as number;
      auxs[i] = auxs[child] as number;
      i = child;
    }
    times[i] = time;
    codes[i] = code;
    auxs[i] = aux;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const codes = new Int32Array(cap);
    codes.set(this.codes);
    const aux = new Int32Array(cap);
    aux.set(this.aux);
    this.times = times;
    this.codes = codes;
    this.aux = aux;
  }
}
