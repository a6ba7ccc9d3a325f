// optimizeRouting's safety cap on wall-clock time. A cap the caller sets is the cap. The default one scales with
// the run's own pace: it is reached only once the run has simulated CAP_FACTOR times the work its options imply,
// so a busy machine gives the same plan later, not another plan (the work budget decides, not the load).
import { DEFAULT_TIME_LIMIT_MS } from '../types.js';

/** The default cap allows this many times the expected simulated work. */
const CAP_FACTOR = 4;
/** Largest cap (the schema's bound on timeLimitMs): also what an idle start (no work done yet) projects to. */
const MAX_CAP_MS = 86_400_000;

/**
 * The cap in ms from `started`, read as the run goes. `workShare` is the simulated work done so far as a share of
 * the work the options imply (the search's budget and the confirmation's runs).
 */
export function safetyCap(
  limitMs: number | undefined,
  started: number,
  workShare: () => number,
  now: () => number = () => performance.now(),
): () => number {
  if (limitMs !== undefined) return () => limitMs;
  return () => {
    const share = workShare();
    const projected = share > 0 ? (CAP_FACTOR * (now() - started)) / share : MAX_CAP_MS;
    return Math.min(MAX_CAP_MS, Math.max(DEFAULT_TIME_LIMIT_MS, projected));
  };
}
