// Special functions for Erlang A, written for absolute accuracy near 1e-15 in the exponent:
// Stirling's error term, Loader's deviance bd0, the Poisson-type density y^s e^-y / Γ(s+1) for
// real s, and differences of the digamma function.

const HALF_LOG_2PI = 0.9189385332046728; // ½·ln(2π)

// Stirling series coefficients B_2k / (2k(2k−1)).
const S1 = 1 / 12;
const S3 = 1 / 360;
const S5 = 1 / 1260;
const S7 = 1 / 1680;
const S9 = 1 / 1188;
const S11 = 691 / 360360;
const S13 = 1 / 156;

/** Σ B_2k/(2k(2k−1)·x^(2k−1)): lnΓ(x) − ((x−½)ln x − x + ½ln 2π), accurate for x ≥ 20. */
function stirlingTail(x: number): number {
  const x2 = 1 / (x * x);
  return (S1 - x2 * (S3 - x2 * (S5 - x2 * (S7 - x2 * (S9 - x2 * (S11 - x2 * S13)))))) / x;
}

/**
 * Stirling's error δ(s) = lnΓ(s+1) − (s+½)·ln s + s − ½ln(2π) for s > 0, without cancellation:
 * the series for s ≥ 20, and δ(s) = δ(s+1) + (s+½)·ln(1+1/s) − 1 below.
 */
export function stirlingError(s: number): number {
  let acc = 0;
  let z = s;
  while (z < 20) {
    acc += (z + 0.5) * Math.log1p(1 / z) - 1;
    z += 1;
  }
  return acc + stirlingTail(z);
}

/** Loader's deviance term bd0(x, m) = x·ln(x/m) + m − x ≥ 0, accurate when x ≈ m (x, m > 0). */
export function bd0(x: number, m: number): number {
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    let v = d / (x + m);
    let s = d * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** ln( y^s · e^(−y) / Γ(s+1) ) for real s ≥ 0, y ≥ 0 (Loader's saddle-point form). */
export function logPoissonDensity(s: number, y: number): number {
  if (y === 0) return s === 0 ? 0 : -Infinity;
  if (s === 0) return -y;
  return -stirlingError(s) - bd0(s, y) - HALF_LOG_2PI - 0.5 * Math.log(s);
}

/** y^s · e^(−y) / Γ(s+1) (a Poisson probability for integer s). */
export function poissonDensity(s: number, y: number): number {
  return Math.exp(logPoissonDensity(s, y));
}

/** Digamma asymptotic remainder ψ(x) − ln x for x ≥ 10. */
function psiTail(x: number): number {
  const x2 = 1 / (x * x);
  return -0.5 / x - x2 * (1 / 12 - x2 * (1 / 120 - x2 * (1 / 252 - x2 * (1 / 240 - x2 * (1 / 132)))));
}

/** ψ(x + gap) − ψ(x) for x > 0, gap ≥ 0, without cancellation (= Σ_{i<gap} 1/(x+i) for integer gap). */
export function digammaDifference(x: number, gap: number): number {
  const y = x + gap;
  if (Number.isInteger(gap) && gap <= 64) {
    let s = 0;
    for (let i = 0; i < gap; i++) s += 1 / (x + i);
    return s;
  }
  let acc = 0;
  let a = x;
  let b = y;
  while (a < 10) {
    acc += 1 / a; // ψ(a) = ψ(a+1) − 1/a
    a += 1;
  }
  while (b < 10) {
    acc -= 1 / b;
    b += 1;
  }
  return acc + Math.log1p((gap + (b - y) - (a - x)) / a) + (psiTail(b) - psiTail(a));
}
