import { VOLUME_KEYS } from './input-keys.js';
import { invalid } from '../field-error.js';
import { nonNegative, objectArg, positive } from './checks.js';
import type { VolumeInput } from './types.js';

/** Typical magnitudes: when a product overflows, the field furthest from its typical size is named. */
const TYPICAL = { calls: 100, ahtSeconds: 300, intervalSeconds: 900 };

/**
 * A = calls × AHT / interval for already-validated fields (calls ≥ 0, AHT and interval > 0, all finite), with a
 * ValidationError on overflow (or above `max`) that names the field pushing the product up the most in orders of
 * magnitude: a 1e-308 s interval is blamed, not the 100 calls that met it.
 */
export function volumeTraffic(
  context: string,
  prefix: string,
  calls: number,
  aht: number,
  interval: number,
  max = Infinity,
): number {
  const traffic = (calls * aht) / interval;
  if (Number.isFinite(traffic) && traffic <= max) return traffic === 0 ? 0 : traffic; // no -0
  const push: Array<[string, number]> = [
    ['calls', Math.log10(calls / TYPICAL.calls)],
    ['ahtSeconds', Math.log10(aht / TYPICAL.ahtSeconds)],
    ['intervalSeconds', Math.log10(TYPICAL.intervalSeconds / interval)],
  ];
  const [field] = push.reduce((best, next) => (next[1] > best[1] ? next : best));
  const limit = max === Infinity ? 'overflows' : `is above ${max} Erlangs`;
  return invalid(
    context,
    prefix + field,
    `calls × ahtSeconds / intervalSeconds = ${traffic.toExponential(2)} ${limit}`,
  );
}

/**
 * Offered traffic in Erlangs from a call volume: A = calls × AHT / interval length (all times in seconds).
 *
 * @example
 * trafficFromVolume({ calls: 360, intervalSeconds: 1800, ahtSeconds: 240 }); // 48
 * @throws {ValidationError} naming `calls` (finite, ≥ 0), `intervalSeconds` or `ahtSeconds` (finite, > 0); when
 *   the result overflows, the field furthest from a typical size (e.g. an interval of 1e-308 s).
 */
export function trafficFromVolume(input: VolumeInput): number {
  const o = objectArg('trafficFromVolume', '', input, VOLUME_KEYS);
  const calls = nonNegative('trafficFromVolume', 'calls', o.calls);
  const interval = positive('trafficFromVolume', 'intervalSeconds', o.intervalSeconds);
  const aht = positive('trafficFromVolume', 'ahtSeconds', o.ahtSeconds);
  return volumeTraffic('trafficFromVolume', '', calls, aht, interval);
}
