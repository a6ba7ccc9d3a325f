// Small floating-point helpers shared by the queueing kernels.

/**
 * Ceiling that does not over-count through binary floating point: `161 / 0.7` is 230.00000000000003 in
 * float64 and must schedule 230, not 231. Values within 1e-9 (relative, at least absolute 1e-9) above an
 * integer round down to it.
 */
export function tolerantCeil(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}

/** The upper 26 significant bits of x (Veltkamp split): k · highPart(x) is exact for integers k < 2^27. */
export function highPart(x: number): number {
  const t = 134217729 * x; // 2^27 + 1
  return Number.isFinite(t) ? t - (t - x) : x;
}

/**
 * 1/a as two parts, `1/a ≈ high + low` to about 106 bits, with `high` having 26 significant bits.
 * `k·high + k·low` is then the correctly rounded k/a (up to a negligible tail) for integers k < 2^27,
 * without a division. Plain `k · (1/a)` is not: its rounding errors follow a pattern along consecutive k and
 * bias a long recursion by up to n·2^-53. Returns `low`; `high` is {@link highPart}(1/a).
 */
export function reciprocalParts(a: number): number {
  const hi = 1 / a;
  if (!Number.isFinite(hi)) return 0; // traffic below ~5.6e-309: every B underflows anyway
  const lo = hi - highPart(hi) + reciprocalLow(a, hi);
  return Number.isFinite(lo) ? lo : 0;
}

/**
 * The low part of 1/a: `1/a ≈ hi + lo` to about 106 bits, with hi = 1/a rounded (Dekker's exact product;
 * JavaScript has no fused multiply-add).
 */
export function reciprocalLow(a: number, hi: number): number {
  const p = a * hi;
  const split = 134217729; // 2^27 + 1
  const ta = split * a;
  const ah = ta - (ta - a);
  const al = a - ah;
  const th = split * hi;
  const hh = th - (th - hi);
  const hl = hi - hh;
  const err = ah * hh - p + ah * hl + al * hh + al * hl; // a*hi - p, exactly
  const lo = (1 - p - err) / a;
  return Number.isFinite(lo) ? lo : 0;
}
