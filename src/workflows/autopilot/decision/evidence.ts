// The evidence that a queue is under pressure, pure: a missed interval beyond chance (or explained by calls above
// the forecast), a long wait or a pile of calls in the live picture, and the recent ratios of calls to forecast.
import type { LiveQueue } from '../observe/live-picture.js';
import type { QueueObservation } from '../observe/source.js';
import { DEFAULT_PRIOR_CALLS, ratioPosterior } from './reforecast.js';

/** Fewest calls waiting at once that count as pressure, whatever the agents on queue. */
const MIN_WAITING = 3;
/**
 * Fewest calls lost to the target (waiting now, or answered late or abandoned in the last interval and this one)
 * for a long wait to count as pressure: one caller waiting long on a quiet queue is bad luck in who is free, not a
 * shortage that more agents fix.
 */
const MIN_LOST_FOR_LONG_WAIT = 2;
/** Calls waiting at once, per agent on queue, that count as pressure. */
const WAITING_PER_AGENT = 0.25;

/**
 * Pressure the live picture shows now, before any interval completes: a call has waited `waitFactor` times the
 * service-level threshold (it is lost to the target, and the ones behind it wait too), it is not the only call
 * lost to the target of late (`lostBefore`: calls answered late or lost since the last interval began), and those
 * calls with every caller waiting now put that span below its target beyond chance (`offeredBefore`: the calls
 * offered over it; see serviceLevelUpper; without it, any two lost calls do); or more calls wait at once than a
 * queue at target lets pile up (a quarter of its agents on queue, at least 3). Undefined: none.
 */
export function livePressure(
  q: { target: { withinSeconds: number; serviceLevel: number } },
  live: LiveQueue | undefined,
  now: number,
  waitFactor = 4,
  lostBefore = 0,
  offeredBefore?: number,
): string | undefined {
  if (!live || live.waiting === 0) return undefined;
  const waited = live.oldestWaitingSince === undefined ? 0 : Math.max(0, (now - live.oldestWaitingSince) / 1000);
  const limit = waitFactor * q.target.withinSeconds;
  const lost = live.waiting + lostBefore;
  if (
    waited >= limit &&
    lost >= MIN_LOST_FOR_LONG_WAIT &&
    spanBelowTarget(q.target.serviceLevel, lost, live.waiting, offeredBefore)
  )
    return `a call has waited ${Math.round(waited)} s (${waitFactor}x the ${q.target.withinSeconds} s target), ${live.waiting} waiting now, ${lostBefore} answered late or lost since the last interval began`;
  const pile = Math.max(MIN_WAITING, Math.ceil(WAITING_PER_AGENT * (live.onQueueUsers ?? 0)));
  if (live.waiting >= pile)
    return `${live.waiting} calls waiting at once (${live.onQueueUsers ?? '?'} agents on queue, pressure from ${pile})`;
  return undefined;
}

/**
 * Whether a span's calls (`offered`, plus the `waiting` ones, all counted late) miss the target beyond chance with
 * `lost` of them late; true when the span is unknown.
 */
function spanBelowTarget(target: number, lost: number, waiting: number, offered: number | undefined): boolean {
  if (offered === undefined) return true;
  const calls = Math.max(lost, offered + waiting);
  return serviceLevelUpper((calls - lost) / calls, calls) < target;
}

/** Fewest calls in an interval for its service level to count as evidence (one missed call of three is noise). */
const MIN_CALLS_FOR_SERVICE_LEVEL = 10;
/** One-sided 90 % normal quantile: the interval's service level is below target when its upper bound is. */
const Z90_ONE_SIDED = 1.2816;

/**
 * Upper end of the one-sided 90 % Wilson interval of a service level `p` measured on `n` calls: 12 of 16 calls in
 * time (0.75) is up to 0.86, chance against an 0.80 target, while 18 of 30 (0.60) is at most 0.71.
 */
export function serviceLevelUpper(p: number, n: number): number {
  const z2 = Z90_ONE_SIDED * Z90_ONE_SIDED;
  const centre = p + z2 / (2 * n);
  const spread = Z90_ONE_SIDED * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre + spread) / (1 + z2 / n);
}
/** Forecast calls so far in the current interval below which its raw ratio is noise. */
const MIN_EXPECTED_FOR_RAW_RATIO = 3;
/** Complete intervals whose calls together say a surge goes on. */
const SUSTAIN_WINDOW = 2;

/**
 * The evidence of pressure besides a surge: the last interval missed its target (when calls above the forecast
 * explain the miss, it counts as it is; otherwise only beyond chance), or the live picture shows pressure
 * now. A long wait while this interval's calls run above the forecast beyond chance is a surge beginning and needs
 * no more evidence; otherwise the span since the last interval must be below target beyond chance too.
 */
export function evidence(
  q: { target: { withinSeconds: number; serviceLevel: number } },
  obs: QueueObservation | undefined,
  o: { now: number; surgeRatio: number; liveWaitFactor?: number | undefined },
  interval: number,
  seen: {
    last: number | null;
    lastCalls: number;
    lastRatio: number;
    dayRatio: number;
    windowLow: number;
    nowLow: number;
  },
): { missed: boolean; early: string | undefined; lostToTarget: number; offeredSinceLastInterval: number } {
  const { last, lastCalls } = seen;
  const target = q.target.serviceLevel;
  const missed =
    last !== null &&
    lastCalls >= MIN_CALLS_FOR_SERVICE_LEVEL &&
    last < target &&
    (surgeExplainsMiss(seen, o.surgeRatio) ||
      (serviceLevelUpper(last, lastCalls) < target && pooledBelowTarget(obs, interval - 1, target)));
  const lostToTarget = lostSince(obs, interval - 1);
  const offeredSinceLastInterval = offeredSince(obs, interval - 1);
  const span = seen.nowLow > 1 ? undefined : offeredSinceLastInterval;
  const early = livePressure(q, obs?.live, o.now, o.liveWaitFactor, lostToTarget, span);
  return { missed, early, lostToTarget, offeredSinceLastInterval };
}

/**
 * Whether calls above the forecast explain a missed interval: the last interval's or the day's posterior ratio at
 * `surgeRatio`, or the last two complete intervals' calls above the forecast beyond chance (the 90 % lower end of
 * their posterior ratio above 1). A miss with more calls than planned for is a shortage, not chance.
 */
function surgeExplainsMiss(
  seen: { lastRatio: number; dayRatio: number; windowLow: number },
  surgeRatio: number,
): boolean {
  return Math.max(seen.lastRatio, seen.dayRatio) >= surgeRatio || seen.windowLow > 1;
}

/**
 * Whether the two complete intervals up to `lastIndex` together are below `target` beyond chance (true with one
 * complete interval): with ten queues watched all day, one interval below its target beyond chance at 90 % comes
 * by chance several times a day, and a dip that the interval before does not share is noise more often than a
 * shortage. A surge or an absence needs no such wait: they have their own evidence.
 */
function pooledBelowTarget(obs: QueueObservation | undefined, lastIndex: number, target: number): boolean {
  if (!obs || lastIndex < 1) return true;
  let calls = 0;
  let lost = 0;
  for (const i of [lastIndex - 1, lastIndex]) {
    calls += obs.offered[i] ?? 0;
    lost += lostIn(obs, i);
  }
  return calls === 0 || serviceLevelUpper((calls - lost) / calls, calls) < target;
}

function offeredSince(obs: QueueObservation | undefined, from: number): number {
  let offered = 0;
  for (let i = Math.max(0, from); i < (obs?.offered.length ?? 0); i++) offered += obs?.offered[i] ?? 0;
  return offered;
}

/** Calls offered from interval `from` on that were not answered within the target (service level's complement). */
function lostSince(obs: QueueObservation | undefined, from: number): number {
  if (!obs) return 0;
  let lost = 0;
  for (let i = Math.max(0, from); i < obs.offered.length; i++) lost += lostIn(obs, i);
  return lost;
}

/** Calls of interval `i` not answered within the target. */
function lostIn(obs: QueueObservation, i: number): number {
  return Math.round((obs.offered[i] ?? 0) * (1 - (obs.serviceLevel[i] ?? 1)));
}

export interface RecentRatios {
  /** The last complete interval's posterior ratio. */
  lastRatio: number;
  /** The current interval's so far (zero until the forecast expects a few calls in it). */
  nowPosterior: { ratio: number; low: number; high: number };
  /** The highest of those and the last two complete intervals' together. */
  recent: number;
  /** The 90 % lower end of the last two complete intervals' posterior ratio. */
  windowLow: number;
}

/**
 * The recent ratios of calls to forecast, each a posterior of reforecast's model (one interval's calls are few: 16
 * calls against a forecast of 8 is 1.29x, not 2x): the last complete interval's, the current one's so far (zero
 * until the forecast expects a few calls in it), and `recent`, the highest of those and the last two complete
 * intervals' together. A reinforced queue holds until `recent` is back below halfway to the surge ratio: one
 * interval's few calls would end a surge by chance, two together lag a surge that just began, and the day's window
 * would keep it alive for the intervals it still spans.
 */
export function recentRatios(
  forecast: readonly number[],
  offered: readonly number[],
  interval: number,
  share: number,
  dayRatio: number,
): RecentRatios {
  const lastForecast = interval > 0 ? (forecast[interval - 1] ?? 0) : 0;
  const lastCalls = interval > 0 ? (offered[interval - 1] ?? 0) : 0;
  const lastRatio = lastForecast > 0 ? ratioPosterior(lastCalls, lastForecast, DEFAULT_PRIOR_CALLS).ratio : dayRatio;
  const expectedNow = (forecast[interval] ?? 0) * share;
  const nowPosterior =
    expectedNow >= MIN_EXPECTED_FOR_RAW_RATIO
      ? ratioPosterior(offered[interval] ?? 0, expectedNow, DEFAULT_PRIOR_CALLS)
      : { ratio: 0, low: 0, high: 0 };
  let seen = 0;
  let expected = 0;
  const end = Math.min(interval, forecast.length);
  for (let i = Math.max(0, end - SUSTAIN_WINDOW); i < end; i++) {
    seen += offered[i] ?? 0;
    expected += forecast[i] ?? 0;
  }
  const window = interval > 0 ? ratioPosterior(seen, expected, DEFAULT_PRIOR_CALLS) : { ratio: 0, low: 0 };
  const recent = Math.max(window.ratio, lastRatio, nowPosterior.ratio);
  return { lastRatio, nowPosterior, recent, windowLow: window.low };
}
