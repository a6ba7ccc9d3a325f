// Test helper: exact reference values for the Erlang formulas with BigInt arithmetic.
//  - rational (`exact*`): every quantity is an exact fraction; for agents up to a few thousand.
//  - fixed point (`reference*`): the full recursion from n = 0 with 256 fractional bits (relative error
//    below 1e-70 per step); for agents up to 100,000+.
// Any float64 traffic value is a dyadic rational p / 2^k, so the references are exact for the very input
// the code under test sees.

/** A non-negative fraction. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** The exact value of a finite non-negative double as p / 2^k. */
export function toRational(x: number): Rational {
  if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`toRational: ${x}`);
  let k = 0;
  let scaled = x;
  while (!Number.isInteger(scaled)) {
    k++;
    scaled = x * 2 ** k;
  }
  return { num: BigInt(scaled), den: 1n << BigInt(k) };
}

/** A rational a/b as a float64 (correct to ~2^-63 relative before the final rounding). */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  if (num < 0n || den <= 0n) throw new Error('ratioToNumber expects num ≥ 0, den > 0');
  const shift = bitLength(den) - bitLength(num) + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  let value = Number(q);
  let s = shift;
  while (s > 1000) {
    value *= 2 ** -1000;
    s -= 1000;
  }
  while (s < -1000) {
    value *= 2 ** 1000;
    s += 1000;
  }
  return value * 2 ** -s;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** Exact r(n) = 1/B(n, A) as a fraction, A = p/q: r(n) = 1 + n·q·r(n−1)/p. */
export function exactInverseErlangB(n: number, traffic: number): Rational {
  const { num: p, den: q } = toRational(traffic);
  let x = 1n; // r(m) = x / p^m
  let pPow = 1n;
  for (let m = 1; m <= n; m++) {
    pPow *= p;
    x = pPow + BigInt(m) * q * x;
  }
  return { num: x, den: pPow };
}

/** Exact Erlang B as a float64. */
export function exactErlangB(n: number, traffic: number): number {
  const r = exactInverseErlangB(n, traffic);
  return ratioToNumber(r.den, r.num);
}

/** Exact Erlang C (n > traffic > 0) as a float64: C = n / (A + (n − A)·r). */
export function exactErlangC(n: number, traffic: number): number {
  const { num: p, den: q } = toRational(traffic);
  const r = exactInverseErlangB(n, traffic);
  const N = BigInt(n);
  // n / (p/q + (n − p/q)·X/P) = n·q·P / (p·P + (n·q − p)·X)
  return ratioToNumber(N * q * r.den, p * r.den + (N * q - p) * r.num);
}

const FRACTION_BITS = 256n;
const ONE = 1n << FRACTION_BITS;
const UNDERFLOW = ONE << 1100n; // r beyond 2^1100: B below 1e-331

/** r(n) = 1/B(n, A) in fixed point (value · 2^256), by the full recursion from 0; null when B < 1e-331. */
export function referenceInverseErlangB(n: number, traffic: number): bigint | null {
  const { num: p, den: q } = toRational(traffic);
  let r = ONE;
  for (let m = 1; m <= n; m++) {
    r = ONE + (BigInt(m) * q * r) / p;
    if (r > UNDERFLOW) return null;
  }
  return r;
}

/** Erlang B by the fixed-point reference (0 when below 1e-331). */
export function referenceErlangB(n: number, traffic: number): number {
  const r = referenceInverseErlangB(n, traffic);
  return r === null ? 0 : ratioToNumber(ONE, r);
}

/** Erlang C (n > traffic > 0) by the fixed-point reference (0 when below 1e-331). */
export function referenceErlangC(n: number, traffic: number): number {
  const r = referenceInverseErlangB(n, traffic);
  if (r === null) return 0;
  const { num: p, den: q } = toRational(traffic);
  const N = BigInt(n);
  // n / (p/q + (n − p/q)·R/ONE) = n·q·ONE / (p·ONE + (n·q − p)·R)
  return ratioToNumber(N * q * ONE, p * ONE + (N * q - p) * r);
}

/** Relative difference |x − y| / |y| (0 when both are 0). */
export function relativeError(x: number, y: number): number {
  if (x === y) return 0;
  return Math.abs(x - y) / Math.abs(y);
}
