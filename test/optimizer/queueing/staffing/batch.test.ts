import { describe, expect, it } from 'vitest';
import { requiredAgents, staffIntervals, trafficFromVolume } from '../../../../src/optimizer/index.js';
import type { IntervalForecast } from '../../../../src/optimizer/index.js';
import { expectValidationError } from '../helpers.js';

const targets = { targetSeconds: 20, serviceLevel: 0.8, maxAsaSeconds: 30, shrinkage: 0.25 };

describe('staffIntervals', () => {
  it('returns, in order, exactly what requiredAgents returns for each row', () => {
    const rows: IntervalForecast[] = [];
    for (let i = 0; i < 500; i++) {
      const calls = Math.round(2000 * Math.abs(Math.sin(i / 17)) ** 2) + (i % 7);
      rows.push(
        i % 3 === 0
          ? { traffic: (calls * 240) / 900, ahtSeconds: 240 }
          : { calls, intervalSeconds: 900, ahtSeconds: 240 + (i % 2) * 60 },
      );
    }
    const out = staffIntervals(rows, targets);
    expect(out).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      const traffic = 'traffic' in row ? row.traffic : trafficFromVolume(row);
      expect(out[i]).toEqual({ ...requiredAgents({ traffic, ahtSeconds: row.ahtSeconds, ...targets }), traffic });
    });
  });

  it('copies id and queueId through and returns independent objects for repeated inputs', () => {
    const rows = [
      { id: 'mon-08:00', queueId: 'sales', calls: 120, intervalSeconds: 900, ahtSeconds: 300 },
      { id: 'mon-08:15', queueId: 'sales', calls: 120, intervalSeconds: 900, ahtSeconds: 300 },
      { id: 7, traffic: 40, ahtSeconds: 300 },
    ];
    const out = staffIntervals(rows, targets);
    expect(out.map((r) => [r.id, r.queueId])).toEqual([
      ['mon-08:00', 'sales'],
      ['mon-08:15', 'sales'],
      [7, undefined],
    ]);
    expect(out[0]).not.toBe(out[1]);
    expect({ ...out[0], id: 0 }).toEqual({ ...out[1], id: 0 });
    expect(out[2]?.agents).toBe(out[0]?.agents); // 120 calls × 300 s / 900 s = 40 Erlangs
    expect('queueId' in (out[2] as object)).toBe(false);
  });

  it('handles an empty forecast and zero-volume intervals', () => {
    expect(staffIntervals([], targets)).toEqual([]);
    const [night] = staffIntervals([{ calls: 0, intervalSeconds: 900, ahtSeconds: 300 }], targets);
    expect(night).toMatchObject({ agents: 0, scheduledAgents: 0, serviceLevel: 1, traffic: 0 });
  });

  it('names the bad row and field', () => {
    const bad = [
      { calls: 10, intervalSeconds: 900, ahtSeconds: 300 },
      { calls: -1, intervalSeconds: 900, ahtSeconds: 300 },
    ];
    expect(() => staffIntervals(bad, targets)).toThrow(/forecasts\[1\]\.calls/);
    expect(() => staffIntervals([{ traffic: Number.NaN, ahtSeconds: 300 }], targets)).toThrow(
      /forecasts\[0\]\.traffic/,
    );
    expect(() => staffIntervals([{ calls: 5, intervalSeconds: 0, ahtSeconds: 300 }], targets)).toThrow(
      /forecasts\[0\]\.intervalSeconds/,
    );
    expect(() => staffIntervals([{ ahtSeconds: 300 } as unknown as IntervalForecast], targets)).toThrow(
      /forecasts\[0\]/,
    );
    expect(() => staffIntervals([{ traffic: 3, ahtSeconds: 300 }], { targetSeconds: 20, serviceLevel: 80 })).toThrow(
      /targets\.serviceLevel/,
    );
    expect(() => staffIntervals({} as unknown as IntervalForecast[], targets)).toThrow(/forecasts/);
    expectValidationError(() => staffIntervals(bad, targets), 'forecasts[1].calls');
  });
});
