// renderReport's autopilot timeline: one chart per queue (changed queues first) with the service level with and
// without the autopilot, the target and every change marked; the summary stays first; bad input names the field.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import type { AutopilotDecision } from '../../src/workflows/autopilot/decision-log.js';
import type { QueueAssessment } from '../../src/workflows/autopilot/decision/decide.js';

const DAY = '2026-11-24T00:00:00.000Z';
const at = (h: number, m: number) => new Date(Date.parse(DAY) + (h * 60 + m) * 60_000).toISOString();
const queue = (queueId: string, interval: number, sl: number): QueueAssessment => ({
  queueId,
  interval,
  offeredNow: 10,
  forecastNow: 10,
  lastServiceLevel: sl,
  target: 0.8,
  ratio: 1,
  low: 0.9,
  high: 1.1,
  predicted: [10],
  pressure: sl < 0.8,
  why: '',
});
const decision = (
  seq: number,
  h: number,
  m: number,
  kind: AutopilotDecision['kind'],
  sl: number,
): AutopilotDecision => ({
  seq,
  at: at(h, m),
  kind,
  queues: [queue('q-surge', Math.floor((h * 60 + m) / 15), sl), queue('q-calm', Math.floor((h * 60 + m) / 15), 0.95)],
  onQueue: 30,
  proposed: [],
  refused: [],
  changes:
    kind === 'hold' ? [] : [{ userId: 'u1', queueId: 'q-surge', direction: kind === 'adjust' ? 'gain' : 'lose' }],
  why:
    kind === 'adjust'
      ? 'under pressure: <b>surge</b>'
      : kind === 'return'
        ? 'calm: back to the baseline'
        : 'on forecast',
  shadow: false,
  ...(kind === 'hold'
    ? {}
    : { apply: { planId: `p${seq}`, at: at(h, m), counts: { applied: 2 } }, verified: { ok: true, mismatches: 0 } }),
});

const summary = {
  decisions: [
    decision(1, 11, 0, 'hold', 0.9),
    decision(2, 11, 15, 'adjust', 0.5),
    decision(3, 11, 30, 'hold', 0.7),
    decision(4, 11, 45, 'hold', 0.85),
    decision(5, 12, 0, 'return', 0.9),
  ],
  day: { start: DAY, intervalMinutes: 15 },
  atBaseline: true,
  queueNames: { 'q-surge': 'Billing <Support>', 'q-calm': 'Sales' },
};

describe('renderReport with an autopilot run', () => {
  it('draws a timeline per queue with each change marked, after the summary', async () => {
    const html = await renderReport({
      autopilot: {
        summary,
        without: {
          'q-surge': [
            { start: at(11, 0), serviceLevel: 0.4 },
            { start: at(11, 15), serviceLevel: 0.3 },
          ],
        },
      },
    });
    expect(html.indexOf('id="summary"')).toBeGreaterThan(-1);
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="autopilot"'));
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(2);
    expect(html.indexOf('Billing &lt;Support&gt;')).toBeLessThan(html.indexOf('Sales (target'));
    expect(html).not.toContain('<b>surge</b>');
    expect(html.match(/class="mark-adjust"/g)).toHaveLength(1);
    expect(html.match(/class="mark-return"/g)).toHaveLength(2); // a return is marked on every queue
    expect(html.match(/<polyline class="without"/g)).toHaveLength(1);
    expect(html.match(/<polyline class="with"/g)).toHaveLength(2);
    expect(html).toContain('the org ended at its baseline');
    expect(html).toContain('href="#autopilot"');
  });
  it('says when the "without" series is missing, and names a bad field', async () => {
    expect(await renderReport({ autopilot: { summary } })).toContain('No &quot;without&quot; series given');
    await expect(renderReport({ autopilot: { summary: { ...summary, decisions: 'x' } } as never })).rejects.toThrow(
      /autopilot\.summary\.decisions/,
    );
  });
  it("says when each decision's writes began, and marks the change there", async () => {
    const late = { ...summary.decisions[1]!, apply: { planId: 'p2', at: at(11, 16.8), counts: { applied: 2 } } };
    const withLate = { ...summary, decisions: summary.decisions.map((d) => (d.seq === 2 ? late : d)) };
    const html = await renderReport({ autopilot: { summary: withLate } });
    const onTime = await renderReport({ autopilot: { summary } });
    expect(html).toContain('applied 2, written from 11:16:48');
    expect(html).toContain('11:15 UTC adjust: 1 change(s), written from 11:16:48.');
    expect(onTime).toContain('applied 2, written from 11:15:00');
    const markX = (page: string) => Number(page.match(/<line class="mark-adjust" x1="([\d.]+)"/)?.[1]);
    expect(markX(html)).toBeGreaterThan(markX(onTime));
  });
  it('leaves the report as it was without an autopilot run', async () => {
    expect(await renderReport({})).not.toContain('id="autopilot"');
  });
});
