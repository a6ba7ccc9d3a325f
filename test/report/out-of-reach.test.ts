// The report's first screen says first which queues lack agents (not skills), with their demand, the agents they
// need by Erlang, the agents available and the advice; then every queue's weakest interval now and after.
import { describe, expect, it } from 'vitest';
import { summarySection } from '../../src/report/sections/summary.js';
import type { QueueView } from '../../src/report/model.js';

const measures = (serviceLevel: number) => ({ agents: 5, serviceLevel, asaSeconds: 9e4, occupancy: 1 });
const queue: QueueView = {
  id: 'q1',
  name: 'Billing Support',
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  meetsTarget: false,
  before: measures(0),
  after: measures(0),
};

describe('report summary: the queues out of reach come first', () => {
  it('names each with its demand, the Erlang need, the agents available and "add N agents or lower the target"', () => {
    const html = summarySection({
      queues: [queue],
      changes: [],
      shortfall: [{ queue: 'Billing Support', agentsMissing: 15 }],
      outOfReach: [
        {
          queue: 'Billing Support',
          callsPerHour: 126.4,
          ahtSeconds: 355,
          agentsNeeded: 16,
          agentsAvailable: 5.7,
          shortBy: 11,
        },
      ],
      source: 'simulated by the optimizer',
      intervalLabel: (i) => `interval ${i + 1}`,
    });
    const box = html.indexOf('cannot reach its target with the agents there are');
    expect(box).toBeGreaterThan(-1);
    expect(box).toBeLessThan(html.indexOf('summary-queues'));
    expect(html).toContain('Add agents (about 11 in all) or lower the targets.');
    expect(html).toContain(
      '<tr><td>Billing Support</td><td class="num">126 calls/h, AHT 355 s</td><td class="num">16</td><td class="num">5.7</td><td>add <b>11</b> agents or lower the target</td></tr>',
    );
  });

  it('says nothing of the kind when every queue is within reach', () => {
    const html = summarySection({
      queues: [{ ...queue, meetsTarget: true, after: measures(0.9) }],
      changes: [],
      shortfall: [],
      source: 'simulated by the optimizer',
      intervalLabel: (i) => `interval ${i + 1}`,
    });
    expect(html).not.toContain('out-of-reach');
  });
});
