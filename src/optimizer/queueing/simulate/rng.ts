// Seeded pseudo-random numbers for the simulator: xoshiro128** seeded through splitmix32. No Math.random.

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) | 0];
}

/** xoshiro128** (Blackman & Vigna): 32-bit outputs, period 2^128 − 1. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds from any integer seed and a stream number (e.g. the replication index). */
  constructor(seed: number, stream = 0) {
    let st = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x632be5ab) ^ Math.trunc(seed / 4294967296)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(st);
      st = next;
      words.push(out);
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /**
   * A child generator seeded from the next four outputs of this one (splitting): used to give every queue of a
   * replication its own stream, so what one queue draws never depends on what happens elsewhere.
   */
  split(): Xoshiro128 {
    // Built by the constructor so every generator has the same shape (monomorphic hot path), then re-seeded.
    const child = new Xoshiro128(0);
    child.s0 = this.nextUint32() | 0;
    child.s1 = this.nextUint32() | 0;
    child.s2 = this.nextUint32() | 0;
    child.s3 = this.nextUint32() | 0;
    if ((child.s0 | child.s1 | child.s2 | child.s3) === 0) child.s0 = 1;
    return child;
  }

  /** Uniform in the open interval (0, 1), 32-bit resolution. */
  uniform(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }

  /** Exponential with the given mean (inverse transform). */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }
}
