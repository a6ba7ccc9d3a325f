// The reference helper itself, checked against values that follow from the definition by hand.
import { describe, expect, it } from 'vitest';
import {
  exactErlangB,
  exactErlangC,
  exactInverseErlangB,
  ratioToNumber,
  referenceErlangB,
  referenceErlangC,
  toRational,
} from './exact.js';

describe('exact reference helper', () => {
  it('represents doubles exactly as dyadic fractions', () => {
    expect(toRational(0.5)).toEqual({ num: 1n, den: 2n });
    expect(toRational(48)).toEqual({ num: 48n, den: 1n });
    const r = toRational(0.1);
    expect(Number(r.num) / Number(r.den)).toBe(0.1);
    expect(r.den).toBe(1n << 55n);
  });

  it('converts fractions to correctly rounded doubles', () => {
    expect(ratioToNumber(1n, 3n)).toBe(1 / 3);
    expect(ratioToNumber(2n, 7n)).toBe(2 / 7);
    expect(ratioToNumber(1n, 1n << 1070n)).toBe(2 ** -1070);
    expect(ratioToNumber(0n, 5n)).toBe(0);
  });

  it('matches Erlang B by hand: B(1, A) = A/(1+A), B(2, 1) = 1/5, B(3, 2) = 4/19', () => {
    expect(exactErlangB(1, 0.25)).toBe(0.25 / 1.25);
    expect(exactErlangB(2, 1)).toBe(1 / 5);
    // B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = (4/3) / (19/3)
    expect(exactErlangB(3, 2)).toBe(4 / 19);
    expect(exactInverseErlangB(0, 3)).toEqual({ num: 1n, den: 1n });
  });

  it('matches Erlang C by hand: C(2, 1) = 1/3', () => {
    // C = N·B / (N − A(1 − B)) = 2·0.2 / (2 − 0.8)
    expect(exactErlangC(2, 1)).toBe(1 / 3);
  });

  it('fixed-point reference agrees with the rational one', () => {
    for (const [n, a] of [
      [5, 3.3],
      [60, 48],
      [300, 250.25],
      [40, 0.01],
    ] as const) {
      expect(referenceErlangB(n, a)).toBe(exactErlangB(n, a));
      expect(referenceErlangC(n, a)).toBe(exactErlangC(n, a));
    }
  });
});
