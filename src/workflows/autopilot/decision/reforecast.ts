// Short-term re-forecast: how far today's calls run above or below the day's forecast, from what has been seen,
// and what that means for the next intervals. Pure. The ratio observed/forecast gets a Gamma prior centred on 1
// (Poisson counts, conjugate update), so a handful of calls cannot swing it and a real surge shows within an
// interval or two.
import { ValidationError } from '../../../errors/index.js';
import { parseOptions, strictOptions } from '../../../internal/options.js';

/** One queue's day so far against its forecast, the input of the short-term re-forecast. */
export interface ReforecastInput {
  /** The day's forecast: offered calls per interval (from a WFM forecast or history). */
  forecast: readonly number[];
  /** Offered calls seen so far, one entry per interval from the first; the last may be the current, partial one. */
  observed: readonly number[];
  /** Share of the last observed interval that has elapsed (0..1]. Default 1. */
  currentShare?: number;
  /** Only the last this-many observed intervals inform the ratio (a surge is recent). Default 4. */
  window?: number;
  /** How many forecast calls' worth of evidence the forecast itself counts as (the prior's weight). Default 20. */
  priorCalls?: number;
  /** How many intervals ahead to predict, from the current one. Default 4. */
  horizon?: number;
}

/** One queue's re-forecast: the ratio of calls seen to forecast and the calls expected in the next intervals. */
export interface Reforecast {
  /** Estimated observed/forecast ratio for now (1 = on forecast). */
  ratio: number;
  /** Lower bound of a 90 % interval for the ratio. */
  low: number;
  /** Upper bound of that 90 % interval. */
  high: number;
  /** Index of the current interval (the last observed). */
  from: number;
  /** Predicted offered calls for intervals `from`, `from + 1`, … (the forecast times the ratio). */
  calls: number[];
}

const CONTEXT = 'reforecast';
// The keys only: each value's range is checked below, with the messages the autopilot's decisions quote.
const InputKeys = /* @__PURE__ */ (() =>
  strictOptions<ReforecastInput>({
    forecast: true,
    observed: true,
    currentShare: true,
    window: true,
    priorCalls: true,
    horizon: true,
  }))();

function check(path: string, ok: boolean, message: string): void {
  if (!ok) throw new ValidationError(CONTEXT, [{ path, message }]);
}

function counts(path: string, list: readonly number[]): void {
  check(path, Array.isArray(list), 'must be an array of call counts');
  list.forEach((n, i) =>
    check(`${path}[${i}]`, Number.isFinite(n) && n >= 0, `must be a finite number >= 0, got ${String(n)}`),
  );
}

/** The standard normal's 95th percentile: the ends of a 90 % interval. */
const Z90 = 1.6449;
/** The prior's weight, in forecast calls, when `priorCalls` is not given. */
export const DEFAULT_PRIOR_CALLS = 20;

/** Gamma(shape, rate) quantile for p in (0, 1), by Wilson–Hilferty (good to about 1 % for shape >= 1). */
function gammaQuantile(shape: number, rate: number, z: number): number {
  const c = 1 / (9 * shape);
  const cube = 1 - c + z * Math.sqrt(c);
  return (shape * Math.max(0, cube) ** 3) / rate;
}

/**
 * Re-forecasts the next intervals from the calls seen so far.
 * @example
 * const next = reforecast({ forecast: [40, 60, 80, 80], observed: [42, 118], currentShare: 0.5 });
 * // next.ratio ≈ 2: calls run at twice the forecast; next.calls predicts intervals 1..4
 */
export function reforecast(input: ReforecastInput): Reforecast {
  parseOptions(CONTEXT, InputKeys, input, '');
  counts('forecast', input.forecast);
  counts('observed', input.observed);
  check('observed', input.observed.length >= 1, 'needs at least the current interval');
  check(
    'observed',
    input.observed.length <= input.forecast.length,
    `has ${input.observed.length} intervals, the forecast ${input.forecast.length}`,
  );
  const share = input.currentShare ?? 1;
  check('currentShare', Number.isFinite(share) && share > 0 && share <= 1, 'must be in (0, 1]');
  const window = input.window ?? 4;
  check('window', Number.isSafeInteger(window) && window >= 1, 'must be a whole number >= 1');
  const prior = input.priorCalls ?? DEFAULT_PRIOR_CALLS;
  check('priorCalls', Number.isFinite(prior) && prior > 0, 'must be > 0');
  const horizon = input.horizon ?? 4;
  check('horizon', Number.isSafeInteger(horizon) && horizon >= 1, 'must be a whole number >= 1');

  const from = input.observed.length - 1;
  let seen = 0;
  let expected = 0;
  for (let i = Math.max(0, from - window + 1); i <= from; i++) {
    seen += input.observed[i] as number;
    expected += (input.forecast[i] as number) * (i === from ? share : 1);
  }
  const { ratio, low, high } = ratioPosterior(seen, expected, prior);
  const calls: number[] = [];
  for (let i = from; i < Math.min(input.forecast.length, from + horizon); i++)
    calls.push((input.forecast[i] as number) * ratio);
  return { ratio, low, high, from, calls };
}

/**
 * The ratio of calls to forecast after `seen` calls where the forecast expected `expected`: the Gamma(prior,
 * prior) prior (mean 1, worth `priorCalls` calls) updated by the Poisson count, Gamma(prior + seen, prior +
 * expected); its mean and 90 % interval. Few calls leave it near 1; many calls take it to seen / expected.
 */
export function ratioPosterior(
  seen: number,
  expected: number,
  priorCalls: number,
): { ratio: number; low: number; high: number } {
  const shape = priorCalls + seen;
  const rate = priorCalls + expected;
  return { ratio: shape / rate, low: gammaQuantile(shape, rate, -Z90), high: gammaQuantile(shape, rate, Z90) };
}
