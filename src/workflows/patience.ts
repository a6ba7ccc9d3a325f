// A queue's mean caller patience from its history: the maximum-likelihood estimate for exponential patience,
// where an answered call's wait says its caller would have waited at least that long (censored) and an abandoned
// call's wait is its patience: every second callers spent waiting, over the calls abandoned (Brown et al.,
// "Statistical analysis of a telephone call center", JASA 2005, on patience estimated from censored waits).

/** Abandoned calls below which the estimate is left out: a handful of hang-ups says little about patience. */
export const MIN_ABANDONED_FOR_PATIENCE = 10;

export interface WaitTotals {
  /** Sum of the answered calls' time to answer (tAnswered), ms, and how many. */
  answeredWaitMs: number;
  answered: number;
  /** Sum of the abandoned calls' time to abandon (tAbandon), ms, and how many. */
  abandonWaitMs: number;
  abandoned: number;
}

/** Mean patience in seconds, or undefined with fewer than MIN_ABANDONED_FOR_PATIENCE abandoned calls. */
export function estimatePatienceSeconds(t: WaitTotals): number | undefined {
  if (!(t.abandoned >= MIN_ABANDONED_FOR_PATIENCE)) return undefined;
  const waited = Math.max(0, t.answeredWaitMs) + Math.max(0, t.abandonWaitMs);
  const seconds = waited / t.abandoned / 1000;
  return seconds > 0 ? seconds : undefined;
}
