// Where Erlang A can be evaluated exactly in bounded time, and a ValidationError naming the field otherwise.
// The cost of the sums behind Erlang A grows like √g, g = traffic × patience / AHT (the queue length, in
// callers, at which abandonment balances arrivals), without limit as g grows (docs/optimizer.md gives the times).
// Beyond the bounds below the question is absurd (patience of millennia, or a microsecond AHT), and at
// the large end Erlang A equals Erlang C anyway, so the input is rejected instead of approximated.
import { invalid } from '../../field-error.js';
import { MAX_TRAFFIC } from '../checks.js';
import { volumeTraffic } from '../traffic.js';

/** Largest traffic × patienceSeconds / ahtSeconds accepted (√ of it bounds the work of one evaluation). */
export const MAX_ERLANG_A_SCALE = 1e11;
/** Largest patienceSeconds / ahtSeconds: patience a trillion handle times long means callers never abandon. */
export const MAX_PATIENCE_RATIO = 1e12;
/** Smallest patienceSeconds / ahtSeconds: callers who abandon a billion times faster than a call lasts. */
export const MIN_PATIENCE_RATIO = 1e-9;

/** Typical magnitudes (seconds, Erlangs): the field furthest from its typical size is the one blamed. */
const TYPICAL_SECONDS = 100;
const TYPICAL_TRAFFIC = 100;

function exp10(x: number): string {
  return Number.isFinite(x) ? x.toExponential(1) : String(x);
}

/**
 * Checks the combination of already-validated fields (traffic ≥ 0, aht > 0, patience > 0, all finite).
 * `prefix` is prepended to field paths (e.g. `queues[2].`). When a combination is out of range, the field
 * that contributes most (in orders of magnitude from its typical size) is named.
 */
export function checkErlangAScale(context: string, traffic: number, aht: number, patience: number, prefix = ''): void {
  const ratio = patience / aht;
  // Orders of magnitude each field pushes the ratio (or the scale) up; the largest push is the culprit.
  const longPatience = Math.log10(patience / TYPICAL_SECONDS);
  const shortAht = Math.log10(TYPICAL_SECONDS / aht);
  if (!(ratio <= MAX_PATIENCE_RATIO)) {
    const field = longPatience >= shortAht ? 'patienceSeconds' : 'ahtSeconds';
    invalid(
      context,
      prefix + field,
      `patienceSeconds / ahtSeconds = ${exp10(ratio)} exceeds ${exp10(MAX_PATIENCE_RATIO)} (callers that patient never abandon: use Erlang C, requiredAgents / erlangC)`,
    );
  }
  if (!(ratio >= MIN_PATIENCE_RATIO)) {
    const field = -longPatience >= -shortAht ? 'patienceSeconds' : 'ahtSeconds';
    invalid(
      context,
      prefix + field,
      `patienceSeconds / ahtSeconds = ${exp10(ratio)} is below ${exp10(MIN_PATIENCE_RATIO)}: not a meaningful patience for this handle time`,
    );
  }
  const scale = traffic * ratio;
  if (scale > MAX_ERLANG_A_SCALE) {
    const bigTraffic = Math.log10(traffic / TYPICAL_TRAFFIC);
    const field =
      bigTraffic >= longPatience && bigTraffic >= shortAht
        ? 'traffic'
        : longPatience >= shortAht
          ? 'patienceSeconds'
          : 'ahtSeconds';
    invalid(
      context,
      prefix + field,
      `traffic × patienceSeconds / ahtSeconds = ${exp10(scale)} exceeds ${exp10(MAX_ERLANG_A_SCALE)}, beyond which Erlang A cannot be evaluated in bounded time; with patience this long relative to the handle time, Erlang C (requiredAgents, erlangC) gives the same answer for a stable queue`,
    );
  }
}

/**
 * A queue given by volume (whatIf's rows): its traffic must stay within the Erlang functions' range, and with a
 * patience, within the Erlang A bounds; the error names the row's field (`queues[2].intervalSeconds`).
 */
export function checkQueueLoad(
  context: string,
  prefix: string,
  q: { calls: number; intervalSeconds: number; ahtSeconds: number; patienceSeconds?: number | undefined },
): void {
  const traffic = volumeTraffic(context, prefix, q.calls, q.ahtSeconds, q.intervalSeconds, MAX_TRAFFIC);
  if (q.patienceSeconds !== undefined) checkErlangAScale(context, traffic, q.ahtSeconds, q.patienceSeconds, prefix);
}
