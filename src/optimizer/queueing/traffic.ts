import { nonNegative, objectArg, positive } from './checks.js';
import type { VolumeInput } from './types.js';

/**
 * Offered traffic in Erlangs from a call volume: A = calls × AHT / interval length (all times in seconds).
 *
 * @example
 * trafficFromVolume({ calls: 360, intervalSeconds: 1800, ahtSeconds: 240 }); // 48
 * @throws {ValidationError} naming `calls` (finite, ≥ 0), `intervalSeconds` or `ahtSeconds` (finite, > 0).
 */
export function trafficFromVolume(input: VolumeInput): number {
  const o = objectArg('trafficFromVolume', '', input);
  const calls = nonNegative('trafficFromVolume', 'calls', o.calls);
  const interval = positive('trafficFromVolume', 'intervalSeconds', o.intervalSeconds);
  const aht = positive('trafficFromVolume', 'ahtSeconds', o.ahtSeconds);
  const traffic = (calls * aht) / interval;
  if (!Number.isFinite(traffic)) positive('trafficFromVolume', 'calls', traffic);
  return traffic;
}
