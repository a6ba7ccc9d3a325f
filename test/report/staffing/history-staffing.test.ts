import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/report/index.js';
import { staffingFromHistory } from '../../../src/report/index.js';
import { staffIntervals } from '../../../src/optimizer/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const day = { from: new Date('2026-11-03T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z') };

describe('staffingFromHistory', () => {
  it("staffs every interval of each queue at the queue's own target from the org's analytics, over real HTTP", async () => {
    const emu = await emulator({ seed: 5 });
    const client = clientFor(emu);
    const result = await staffingFromHistory(client, {
      interval: day,
      granularity: 'PT1H',
      patienceSeconds: 120,
      shrinkage: 0.25,
    });
    const queues = [...emu.state.queues.values()];
    expect(Object.keys(result.names).sort()).toEqual(queues.map((q) => q.id).sort());
    expect(result.staffing.length).toBeGreaterThan(0);
    for (const s of result.staffing) {
      expect(s.rows).toHaveLength(24);
      // Dated, in the zone the curve names: a reviewer never has to guess the day or the zone.
      expect(s.rows.map((r) => r.id)).toEqual(
        Array.from({ length: 24 }, (_, h) => `2026-11-03 ${String(h).padStart(2, '0')}:00`),
      );
      expect(s.timeZone).toBe('UTC');
      expect(s.queueId).toBe(Object.entries(result.names).find(([, name]) => name === s.name)![0]);
      expect(s.rows.some((r) => (r.calls ?? 0) > 0)).toBe(true);
      const queueId = Object.entries(result.names).find(([, name]) => name === s.name)![0];
      const target = result.targets[queueId]!;
      expect(s.targets).toMatchObject({
        serviceLevel: target.serviceLevel,
        targetSeconds: target.withinSeconds,
        shrinkage: 0.25,
      });
      // Same numbers as staffIntervals on the same calls and handle time.
      const again = staffIntervals(
        s.rows.map((r) => ({ calls: r.calls!, intervalSeconds: 3600, ahtSeconds: s.ahtSeconds! })),
        s.targets,
      );
      expect(s.rows.map((r) => r.agents)).toEqual(again.map((r) => r.agents));
    }
    const html = await renderReport({ ...result });
    expect(html.match(/class="chart" data-series=/g)).toHaveLength(result.staffing.length);
    expect(html).not.toContain('Erlang A curve not drawn');
  });
});
