// The report of an optimization plan: the first screen is the plan's story (queues now -> after, the changes,
// the bound), per-interval results when the optimizer gives them, staff available beside the requirement.
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/report/index.js';
import type { OptimizeRoutingResult } from '../../../src/optimizer/index.js';
import { PLAN_KIND, PLAN_VERSION, summarize, type PlannedChange } from '../../../src/workflows/plan.js';
import type { RoutingOptimizationPlan } from '../../../src/workflows/optimize/plan-routing.js';
import { dayOfStaffing } from '../fixtures.js';

/**
 * An optimizeRouting result shaped as the optimizer returns it (render.test.ts renders a real run): capacity moves
 * from 'slack' to the two busy queues. Built by hand so these tests take milliseconds.
 */
function optimized(): Promise<{ result: OptimizeRoutingResult }> {
  const m = (serviceLevel: number, holders: number) => ({
    serviceLevel,
    ci95: [serviceLevel - 0.01, Math.min(1, serviceLevel + 0.01)] as [number, number],
    asa: 12,
    occupancy: 0.8,
    holders,
  });
  const queue = (id: string, before: number, after: number, holdersBefore: number, holdersAfter: number) => ({
    id,
    target: { serviceLevel: 0.8, withinSeconds: 30 },
    trafficErlangs: 9,
    requiredDedicated: 12,
    before: m(before, holdersBefore),
    after: m(after, holdersAfter),
    meetsTarget: after - 0.01 >= 0.8,
  });
  const changes = [
    {
      agentId: 'x0',
      queueId: 'billing',
      action: 'add' as const,
      before: null,
      after: 1,
      reason: 'Billing Support 62.0% -> 84.1%',
    },
    {
      agentId: 'x1',
      queueId: 'billing',
      action: 'add' as const,
      before: null,
      after: 1,
      reason: 'Billing Support 62.0% -> 84.1%',
    },
    { agentId: 'x2', queueId: 'sales', action: 'add' as const, before: null, after: 1, reason: 'Sales 70.3% -> 86.0%' },
    {
      agentId: 'x3',
      queueId: 'slack',
      action: 'remove' as const,
      before: 2,
      after: null,
      reason: 'over maxSkillsPerAgent 3',
    },
  ];
  // Cast: newer results carry more (per-interval results); these tests add them where they need them.
  const result = {
    changes,
    agents: [
      { id: 'x0', skills: { slack: 2, billing: 1 } },
      { id: 'x1', skills: { slack: 2, billing: 1 } },
      { id: 'x2', skills: { slack: 2, sales: 1 } },
      { id: 'x3', skills: {} },
    ],
    queues: [
      queue('billing', 0.62, 0.841, 10, 12),
      queue('sales', 0.703, 0.86, 10, 11),
      queue('slack', 0.99, 0.97, 14, 13),
    ],
    feasible: true,
    shortfall: [],
    lowerBound: { changes: 3 },
    warnings: [],
    stats: {
      candidatesEvaluated: 10,
      simulatedContacts: 150_000,
      solverMs: 5,
      simulateMs: 50,
      totalMs: 60,
      groups: 3,
      seed: 3,
    },
  } as unknown as OptimizeRoutingResult;
  return Promise.resolve({ result });
}

const names: Record<string, string> = { billing: 'Billing Support', sales: 'Sales', slack: 'General' };

/** A planRoutingOptimization-shaped plan around a real optimizeRouting result. */
function planOf(result: OptimizeRoutingResult): RoutingOptimizationPlan {
  const changes: PlannedChange[] = result.changes.map((c) => ({
    userId: c.agentId,
    userName: `Agent ${c.agentId}`,
    skillId: `skill-${c.queueId}`,
    skillName: names[c.queueId]!,
    action: c.action,
    before: c.before,
    after: c.after,
    reasons: [c.reason],
  }));
  const memberships = result.changes
    .filter((c) => c.action === 'add')
    .map((c) => ({
      userId: c.agentId,
      userName: `Agent ${c.agentId}`,
      queueId: c.queueId,
      queueName: names[c.queueId],
      action: 'add' as const,
      reason: `needed for ${names[c.queueId]}`,
    }));
  const impact = result.queues.map((q) => ({
    queueId: q.id,
    queueName: names[q.id],
    before: {
      agents: q.before.holders,
      serviceLevel: q.before.serviceLevel,
      asaSeconds: q.before.asa,
      occupancy: q.before.occupancy,
    },
    after: {
      agents: q.after.holders,
      serviceLevel: q.after.serviceLevel,
      asaSeconds: q.after.asa,
      occupancy: q.after.occupancy,
    },
  }));
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: 'plan-opt',
    createdAt: '2026-11-22T13:39:10.534Z',
    source: 'planRoutingOptimization',
    org: 'http://127.0.0.1:4010',
    changes,
    memberships,
    skipped: [],
    violations: [],
    impact,
    summary: summarize(changes, [], []),
    inputs: { interval: '2026-11-15T00:00:00.000Z/2026-11-22T00:00:00.000Z' },
    optimization: {
      feasible: result.feasible,
      shortfall: result.shortfall,
      unreachable: result.unreachable ?? [],
      lowerBound: result.lowerBound ?? { changes: 2 },
      stats: result.stats,
      warnings: result.warnings,
      queues: result.queues,
    },
  } as RoutingOptimizationPlan;
}

/** The optimizer's per-interval results (as newer versions give them): a day of 4 intervals per queue. */
function withIntervals(result: OptimizeRoutingResult): OptimizeRoutingResult {
  const queues = result.queues.map((q) => {
    const intervals = [0, 1, 2, 3].map((index) => ({
      index,
      offered: index === 0 ? 0 : 20 * index,
      before: { serviceLevel: q.before.serviceLevel - 0.05 * index, low: 0, high: 1 },
      after: {
        serviceLevel: index === 3 ? q.target.serviceLevel - 0.1 : q.after.serviceLevel,
        low: q.after.ci95[0],
        high: q.after.ci95[1],
      },
    }));
    return {
      ...q,
      intervals,
      worstInterval: { index: 3, before: intervals[3]!.before.serviceLevel, after: intervals[3]!.after.serviceLevel },
    };
  });
  return { ...result, queues };
}

describe('renderReport of an optimization plan', () => {
  it('leads with the summary: the changes, what they achieve, the bound, every queue now -> after', async () => {
    const { result } = await optimized();
    const plan = planOf(result);
    const html = await renderReport({
      plan,
      org: 'Acme Contact Centre',
      division: 'Home',
      generatedAt: new Date('2026-11-22T14:00:00Z'),
    });
    const summary = html.slice(html.indexOf('<h2 id="summary">'), html.indexOf('<h2 id="queues">'));
    expect(html.indexOf('<h2 id="summary">')).toBeLessThan(html.indexOf('<h2 id="queues">'));
    const skills = plan.changes.length;
    expect(summary).toContain(`<b>${skills} skill change${skills === 1 ? '' : 's'}</b>`);
    expect(summary).toContain(
      `No plan that meets every target can need fewer than ${plan.optimization.lowerBound!.changes}`,
    );
    if (result.feasible) expect(summary).toContain(`bring <b>all ${result.queues.length} queues to their targets</b>`);
    for (const q of result.queues) {
      expect(summary).toContain(
        `<td>${names[q.id]}</td><td>80% in 30 s</td><td class="num">${(q.before.serviceLevel * 100).toFixed(1)}%</td><td class="num"><b>${(q.after.serviceLevel * 100).toFixed(1)}%</b></td>`,
      );
    }
    // The first changes are listed by agent; the details stay collapsed below.
    expect(summary).toContain(`Agent ${plan.changes[0]!.userId}:`);
    expect(summary).not.toContain(plan.changes[0]!.reasons[0]);
    // The header names the org and division, not the API address.
    expect(html).toContain('<dt>Org</dt><dd>Acme Contact Centre</dd><dt>Division</dt><dd>Home</dd>');
    expect(html).not.toContain('127.0.0.1:4010</dd>');
    expect(html).toContain('<title>Routing optimization review</title>');
    // The matrix columns are the plan's skills, labelled as skills.
    expect(html).toContain('<th>Skill</th><th>before none</th>');
  }, 60_000);

  it('shows the per-interval results when the result carries them, with times when the horizon is known', async () => {
    const { result } = await optimized();
    const plan = planOf(withIntervals(result));
    const html = await renderReport({ plan, horizon: { start: '2026-11-21T08:00:00Z', intervalSeconds: 1800 } });
    expect(html).toContain('<h3 id="intervals">Through the day: service level per interval</h3>');
    expect(html.match(/class="iv-bad"/g)!.length).toBeGreaterThanOrEqual(result.queues.length); // interval 3 after is below target in every queue
    expect(html).toContain('class="iv-none"'); // interval 0 has no calls
    // The first screen: the weakest interval now and after (each with its time), then the whole day.
    expect(html).toContain('<th>Weakest interval now</th><th>after</th><th>Whole day now</th>');
    const q0 = withIntervals(result).queues[0]!;
    expect(html).toContain(
      `${(q0.intervals[3]!.before.serviceLevel * 100).toFixed(1)}% <span class="muted">at 2026-11-21 09:30 UTC</span>`,
    ); // index 3 of half hours from 08:00: the lowest now
    expect(html).toContain(
      `<b>${(q0.intervals[3]!.after.serviceLevel * 100).toFixed(1)}% <span class="muted">at 2026-11-21 09:30 UTC</span></b>`,
    );
    // Without the horizon the intervals are numbered; without intervals nothing is drawn.
    expect(await renderReport({ plan })).toContain('at interval 4');
    const plain = await renderReport({ plan: planOf(result) });
    expect(plain).not.toContain('id="intervals"');
    expect(plain).not.toContain('Weakest interval');
  }, 60_000);

  it('draws the agents holding each queue skill, now and after, beside the required agents; the legend is static', async () => {
    const { result } = await optimized();
    const plan = planOf(result);
    const staffing = [
      { ...dayOfStaffing('Billing Support', 120, 120), queueId: 'billing' },
      dayOfStaffing('Sales', 100),
    ];
    const html = await renderReport({ plan, staffing });
    const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)![1]!) as {
      staffing: { available: { label: string; values: number[] }[] }[];
    };
    const billing = result.queues.find((q) => q.id === 'billing')!;
    const sales = result.queues.find((q) => q.id === 'sales')!;
    expect(data.staffing[0]!.available.map((a) => a.label)).toEqual([
      `agents holding the skill now (${billing.before.holders})`,
      `after the plan (${billing.after.holders})`,
    ]);
    expect(data.staffing[0]!.available[1]!.values).toEqual(Array(48).fill(billing.after.holders));
    // Matched by name when the curve carries no queue id.
    expect(data.staffing[1]!.available[0]!.label).toBe(`agents holding the skill now (${sales.before.holders})`);
    expect(html).toContain('<span class="key"><span class="swatch"');
    expect(html).toContain('legend: { show: false }');
    expect(html).not.toMatch(/Interval: --|Erlang C: --/);
  }, 60_000);

  it('dates the staffing axis and names its zone', async () => {
    const s = dayOfStaffing('Billing', 100);
    const rows = s.rows.map((r) => ({ ...r, id: `2026-11-21 ${String(r.id)}` }));
    const html = await renderReport({ staffing: { ...s, rows, timeZone: 'UTC' } });
    const data = JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!) as {
      staffing: { ticks: string[]; axisLabel: string }[];
    };
    expect(data.staffing[0]!.axisLabel).toBe('2026-11-21 (UTC)');
    expect(data.staffing[0]!.ticks.slice(0, 2)).toEqual(['00:00', '00:30']);
    expect(html).toContain('<th>Interval (2026-11-21 (UTC))</th>');
  });

  it('a plan of a day draws its own curves: the demand it planned for, beside the agents on queue holding the skill now and after', async () => {
    const { result } = await optimized();
    const plan = planOf(withIntervals(result)) as RoutingOptimizationPlan & { day: unknown };
    const calls = [0, 10, 30, 20];
    plan.day = { date: '2026-11-21', intervalMinutes: 30, source: 'history', agentsOnShift: 3 };
    plan.inputs = {
      ...plan.inputs,
      queueSkills: { billing: 'skill-billing', sales: 'skill-sales' },
      model: {
        queues: [
          {
            id: 'billing',
            ahtSeconds: 300,
            target: { serviceLevel: 0.8, withinSeconds: 30 },
            demand: { intervalSeconds: 1800, calls },
          },
          {
            id: 'sales',
            ahtSeconds: 300,
            target: { serviceLevel: 0.8, withinSeconds: 30 },
            demand: { intervalSeconds: 1800, calls: [5, 5, 5, 5] },
          },
        ],
        agents: [
          { id: 'a1', skills: { billing: 3 }, available: [1, 1, 0.5, 0] },
          { id: 'a2', skills: { sales: 2 }, available: [0, 1, 1, 1] },
          { id: 'a3', skills: { billing: 4, sales: 1 }, available: [true, true, false, true] },
        ],
      },
    };
    // a2 gains billing; a3 loses sales.
    plan.changes = [
      {
        userId: 'a2',
        userName: 'Agent a2',
        skillId: 'skill-billing',
        skillName: 'Billing Support',
        action: 'add',
        before: null,
        after: 1,
        reasons: ['r'],
      },
      {
        userId: 'a3',
        userName: 'Agent a3',
        skillId: 'skill-sales',
        skillName: 'Sales',
        action: 'remove',
        before: 1,
        after: null,
        reasons: ['r'],
      },
    ];
    const html = await renderReport({ plan });
    const data = JSON.parse(/id="report-data">([^<]*)</.exec(html)![1]!) as {
      staffing: {
        name: string;
        labels: string[];
        axisLabel: string;
        erlangC: number[];
        available: { label: string; values: number[] }[];
      }[];
    };
    expect(data.staffing.map((c) => c.name)).toEqual(['Billing Support', 'Sales']);
    const billing = data.staffing[0]!;
    expect(billing.labels).toEqual(['2026-11-21 00:00', '2026-11-21 00:30', '2026-11-21 01:00', '2026-11-21 01:30']);
    expect(billing.axisLabel).toBe('2026-11-21 (UTC)');
    expect(billing.erlangC[0]).toBe(0);
    expect(billing.erlangC[2]).toBeGreaterThan(billing.erlangC[1]!);
    expect(billing.available.map((a) => a.values)).toEqual([
      [2, 2, 0.5, 1], // a1 + a3 now
      [2, 3, 1.5, 2], // a2 joins
    ]);
    expect(data.staffing[1]!.available.map((a) => a.values)).toEqual([
      [1, 2, 1, 2], // a2 + a3 now
      [0, 1, 1, 1], // a3 leaves
    ]);
    // The interval strip and the summary name intervals by the planned day's times.
    expect(html).toContain('at 2026-11-21 01:30 UTC');
    expect(html).toContain('<dt>Planned day</dt><dd>2026-11-21 (UTC), 30-minute intervals</dd>');
  }, 60_000);
});
