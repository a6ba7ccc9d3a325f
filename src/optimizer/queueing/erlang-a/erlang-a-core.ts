// Erlang A (M/M/N+M) core, unvalidated. Notation: μ = 1/AHT, θ = 1/patience, λ = Aμ,
//   b = Nμ/θ,  g = λ/θ,  π(N+j)/π(N) = t_j = g^j / ((b+1)(b+2)…(b+j)),  Σ_{k<N} π(k)/π(N) = R = (N/A)/B(N−1, A).
// A caller who finds j others queued is at position p = j+1. Ahead of it the queue empties at rates
// Nμ + (i−1)θ, i = p…1, and its own patience is Exp(θ), so with D_p = time until it would be served:
//   P(served | p) = E[e^(−θ·D_p)] = b/(b+p),  E[W·1{served} | p] = b/(b+p) · Σ_{i=1..p} 1/(Nμ + iθ),
//   P(served after T | wait) = (b/g)·P(b+1, g·e^(−θT)) / P(b, g)      (P = regularized lower incomplete gamma)
//                            = b/(b+1) · e^(−(b+1)θT + g(1−e^(−θT))) · H(b+1, g·e^(−θT)) / H(b, g),
// with H(s, y) = Σ_k y^k/((s+1)…(s+k)). These closed forms replace uniformization, whose e^(−Λt) underflows
// for Λt > ~745 and then silently reports P(no wait) as the service level.
import { inverseErlangB } from '../kernel.js';
import { MAX_SERIES_TERMS, regularizedGammaP, regularizedGammaQ, lowerSeries } from './incomplete-gamma.js';
import { digammaDifference, logPoissonDensity } from './special.js';
import type { ErlangAResult } from './erlang-a-types.js';

const EPS = 1e-17;

/** Sums over the queue distribution t_j, all relative to the same (unknown) scale. */
interface QueueSums {
  /** Σ t_j */
  total: number;
  /** Σ t_j · p/(b+p): abandons. */
  abandon: number;
  /** Σ t_j · b/(b+p): eventually served. */
  served: number;
  /** Σ t_j · b/(b+p) · Σ_{i≤p} 1/(Nμ+iθ): wait of served callers, seconds. */
  servedWait: number;
}

/**
 * Sums over j ≥ 0 starting a few √g below the largest term (t = 1 there) and stopping once the rest is below
 * 1e-17 of the total: O(√g) terms, no overflow; never more than MAX_SERIES_TERMS (a hang guard: the public
 * functions bound g so that it is not reached).
 */
function queueSums(b: number, g: number, serviceRate: number, patience: number): QueueSums {
  const patienceRate = 1 / patience;
  const peak = g > b + 1 ? Math.floor(g - b) : 0;
  const first = peak > 0 ? Math.max(0, peak - Math.ceil(9 * Math.sqrt(g) + 2)) : 0;
  // h = Σ_{i=1..p} 1/(Nμ + iθ) for p = first + 1; = (ψ(b+p+1) − ψ(b+1))/θ.
  let h = digammaDifference(b + 1, first + 1) * patience;
  let t = 1;
  let total = 0;
  let abandon = 0;
  let served = 0;
  let servedWait = 0;
  for (let j = first, end = first + MAX_SERIES_TERMS; j < end; j++) {
    const p = j + 1;
    const pServed = b / (b + p);
    total += t;
    abandon += (t * p) / (b + p);
    served += t * pServed;
    servedWait += t * pServed * h;
    const ratio = g / (b + p); // t_{j+1} / t_j, decreasing in j
    if (j >= peak && ratio < 1 && t * ratio < EPS * total * (1 - ratio)) break;
    t *= ratio;
    h += 1 / (serviceRate + (p + 1) * patienceRate);
    if (t > 1e250) {
      t *= 1e-250;
      total *= 1e-250;
      abandon *= 1e-250;
      served *= 1e-250;
      servedWait *= 1e-250;
    }
  }
  return { total, abandon, served, servedWait };
}

/** Erlang A measures for N ≥ 1 agents, traffic A ≥ 0 (Erlangs), all times in seconds. */
export function erlangACore(n: number, a: number, aht: number, patience: number, target: number): ErlangAResult {
  if (a === 0) {
    return {
      probabilityOfWait: 0,
      probabilityOfAbandon: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: 0,
    };
  }
  const serviceRate = n / aht; // Nμ
  const b = (n * patience) / aht;
  const g = (a * patience) / aht;
  // R = Σ_{k<N} π_k/π_N = (N/A)·r(N−1), r = 1/B.
  const rBelow = (n / a) * inverseErlangB(n - 1, a);
  const sums = queueSums(b, g, serviceRate, patience);
  const thetaT = target / patience;
  const y = g * Math.exp(-thetaT);
  let pWait: number;
  let answeredWithinGivenWait: number; // P(answered within T | wait)
  if (g <= b + 1) {
    // Peak at j = 0: sums.total is exactly H(b, g); everything stays in range.
    pWait = rBelow === Infinity ? 0 : sums.total / (rBelow + sums.total);
    const logE = -(b + 1) * thetaT - g * Math.expm1(-thetaT);
    const servedAfter = ((b / (b + 1)) * Math.exp(logE) * lowerSeries(b + 1, y)) / sums.total;
    answeredWithinGivenWait = sums.served / sums.total - servedAfter;
  } else {
    // Overloaded (λ > Nμ + θ): H(b, g) = P(b, g) / (g^b e^-g / Γ(b+1)) is huge; use P directly.
    const pbg = regularizedGammaP(b, g);
    const logH = Math.log(pbg) - logPoissonDensity(b, g);
    pWait = 1 / (1 + rBelow * Math.exp(-logH));
    const diff =
      y >= b + 2
        ? regularizedGammaQ(b + 1, y) - regularizedGammaQ(b + 1, g)
        : regularizedGammaP(b + 1, g) - regularizedGammaP(b + 1, y);
    answeredWithinGivenWait = ((b / g) * diff) / pbg;
  }
  if (!(answeredWithinGivenWait > 0)) answeredWithinGivenWait = 0;
  const pAbandon = (pWait * sums.abandon) / sums.total;
  let sl = 1 - pWait + pWait * answeredWithinGivenWait;
  sl = sl < 0 ? 0 : sl > 1 ? 1 : sl;
  const servedWait = (pWait * sums.servedWait) / sums.total; // E[W · 1{answered}]
  const occupancy = (a * (1 - pAbandon)) / n;
  return {
    probabilityOfWait: pWait,
    probabilityOfAbandon: pAbandon,
    serviceLevel: sl,
    asaSeconds: servedWait / (1 - pAbandon),
    meanWaitSeconds: pAbandon * patience,
    occupancy: occupancy > 1 ? 1 : occupancy,
  };
}
