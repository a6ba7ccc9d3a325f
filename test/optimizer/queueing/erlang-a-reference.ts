// Test helper: an independent Erlang A reference built directly from the birth–death chain, in log space.
//  - π: the chain's balance equations, queue terms by direct products (logs), no incomplete gamma.
//  - P(answered within T | position p): the waiting time to service is a sum of exponentials with rates
//    Nμ, Nμ+θ, …, Nμ+(p−1)θ, i.e. 1 − e^(−θD) ~ Beta(p, Nμ/θ); discounting by the caller's own patience gives
//    b/(b+p) · I_x(p, b+1) with x = 1 − e^(−θT), and for integer p the incomplete beta is a negative-binomial
//    tail: I_x(p, q) = P(K ≥ p), K ~ NegBin(q, x), summed here term by term in log space (no underflow).
//  - E[wait · 1{answered} | p] = −d/ds E[e^(−sD)] at s = θ, by a central finite difference of the Laplace
//    transform product (so the closed form used by the code is not reused here).
// Cost O(J²) for J queue positions: for moderate sizes only.

export interface ErlangAReference {
  probabilityOfWait: number;
  probabilityOfAbandon: number;
  serviceLevel: number;
  asaSeconds: number;
  meanWaitSeconds: number;
}

function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

export function referenceErlangA(
  n: number,
  a: number,
  aht: number,
  patience: number,
  target: number,
): ErlangAReference {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const lambda = a * mu;
  const b = (n * mu) / theta;
  // log(π_k / π_N) for k < N: π_k = π_{k+1} · (k+1)μ / λ.
  const logBelow: number[] = [];
  let lw = 0;
  for (let k = n - 1; k >= 0; k--) {
    lw += Math.log(((k + 1) * mu) / lambda);
    logBelow.push(lw);
  }
  // log(π_{N+j} / π_N).
  const logQueue: number[] = [0];
  let lt = 0;
  let maxLog = 0;
  for (let j = 1; ; j++) {
    lt += Math.log(lambda / (n * mu + j * theta));
    logQueue.push(lt);
    if (lt > maxLog) maxLog = lt;
    if (lambda < n * mu + j * theta && lt < maxLog - 60) break;
  }
  const logZ = logSumExp([...logBelow, ...logQueue]);
  const w = logQueue.map((l) => Math.exp(l - logZ)); // π_{N+j}
  const pWait = w.reduce((s, v) => s + v, 0);
  let pAbandon = 0;
  let queueLength = 0;
  for (let j = 0; j < w.length; j++) {
    pAbandon += ((w[j] as number) * (j + 1)) / (b + j + 1);
    queueLength += (w[j] as number) * j;
  }
  // Negative binomial K ~ NB(q = b + 1, x): P(K ≥ p) = 1 − Σ_{k<p} pmf(k).
  const q = b + 1;
  const logX = Math.log(-Math.expm1(-theta * target));
  let logPmf = -q * theta * target; // q · ln(1 − x)
  let cdf = 0;
  let within = 0;
  for (let j = 0; j < w.length; j++) {
    const p = j + 1;
    cdf += Math.exp(logPmf); // adds pmf(p − 1)
    logPmf += Math.log((q + p - 1) / p) + logX;
    within += ((w[j] as number) * b * Math.max(0, 1 - cdf)) / (b + p);
  }
  // E[D e^(−θD)] per position by a central difference of log E[e^(−sD)] = Σ ln(d_i / (d_i + s)).
  const h = theta * 1e-4;
  let servedWait = 0;
  let logLtPlus = 0;
  let logLtMinus = 0;
  for (let j = 0; j < w.length; j++) {
    const d = n * mu + j * theta; // rate of the p-th stage, p = j + 1
    logLtPlus += Math.log(d / (d + theta + h));
    logLtMinus += Math.log(d / (d + theta - h));
    const derivative = (Math.exp(logLtPlus) - Math.exp(logLtMinus)) / (2 * h);
    servedWait += (w[j] as number) * -derivative;
  }
  return {
    probabilityOfWait: pWait,
    probabilityOfAbandon: pAbandon,
    serviceLevel: 1 - pWait + within,
    asaSeconds: servedWait / (1 - pAbandon),
    meanWaitSeconds: queueLength / lambda,
  };
}
