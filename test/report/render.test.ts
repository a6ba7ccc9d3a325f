import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../src/index.js';
import { renderReport } from '../../src/report/index.js';
import { type ReportInput } from '../../src/report/index.js';
import { requiredAgentsErlangA } from '../../src/optimizer/index.js';
import { dayOfStaffing, demoSizedPlan, smallOptimization } from './fixtures.js';

/** The JSON the page's script draws from. */
function chartData(html: string): {
  staffing: { name: string; labels: string[]; erlangC: number[]; erlangA: (number | null)[] | null }[];
} {
  const m = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]!);
}

const staffing = Array.from({ length: 10 }, (_, i) => dayOfStaffing(`Queue ${i}`, 120 + 20 * i, 120));

describe('renderReport', () => {
  it('has every section: header (org, plan id, window, assumptions), queues, staffing curves, skill matrix, change list', async () => {
    const html = await renderReport({ plan: demoSizedPlan(), staffing, generatedAt: new Date('2026-11-22T14:00:00Z') });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The org by name (not its API address); times with a date and a zone.
    for (const text of [
      'the org at mypurecloud.com',
      'plan-20261122133910-demo',
      '2026-11-15 00:00 UTC → 2026-11-22 00:00 UTC',
      'Model and assumptions',
      'Erlang A:',
      '2026-11-22 14:00 UTC',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('https://api.mypurecloud.com');
    // The summary comes first, then the details.
    const order = ['summary', 'queues', 'staffing', 'changes', 'matrix'].map((id) => html.indexOf(`<h2 id="${id}">`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Queue table: now -> after with the simulation's interval; occupancy and agents.
    expect(html).toContain('70.0% <span class="ci">[69.0% – 71.0%]</span>');
    expect(html).toContain('81.0% → 81.0%');
    expect(html.match(/<circle /g)).toHaveLength(20);
    // One chart container and one table per curve; the heat maps; the filter controls and every change row.
    expect(html.match(/class="chart" data-series=/g)).toHaveLength(10);
    expect(html.match(/<details data-print="closed"><summary>Table: /g)).toHaveLength(10);
    expect(html).toContain('class="heatmap counts"');
    expect(html).toContain('Per agent with a change (167)');
    expect(html).toContain('id="change-filter"');
    const changeTable = html.slice(html.indexOf('id="change-table"'));
    expect(changeTable.slice(0, changeTable.indexOf('</table>')).match(/<tr>/g)!.length).toBe(221);
    // Long details are collapsed: every change with its reasons, and the full matrix (left closed in print too).
    expect(html).toContain(
      '<details class="changes"><summary>Every change with its reasons: 220 change(s) for 167 agent(s)</summary>',
    );
    expect(html).toMatch(
      /<details data-print="closed"><summary>The full matrix: 10 skill\(s\), 167 agent\(s\) changing<\/summary>/,
    );
    // uPlot and the page script are inline.
    expect(html).toContain('uPlot');
    expect(html).toContain("getElementById('change-filter')");
  });

  it('draws Erlang C as given and Erlang A computed at the same target, for every interval', async () => {
    const s = dayOfStaffing('Billing', 200, 90);
    const data = chartData(await renderReport({ staffing: s }));
    expect(data.staffing[0]!.erlangC).toEqual(s.rows.map((r) => r.agents));
    const expected = s.rows.map((r) =>
      r.traffic === 0
        ? 0
        : requiredAgentsErlangA({
            traffic: r.traffic!,
            ahtSeconds: 300,
            patienceSeconds: 90,
            targetSeconds: 20,
            serviceLevel: 0.8,
          }).agents,
    );
    expect(data.staffing[0]!.erlangA).toEqual(expected);
    expect(data.staffing[0]!.labels.slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
  });

  it('escapes every user string: queue, agent and skill names, reasons, titles and curve names', async () => {
    const evil = (kind: string) => (i: number) =>
      `<img src=x onerror=alert('${kind}${i}')>"'&</script><script>alert(1)</script>`;
    const plan = demoSizedPlan({ queue: evil('q'), agent: evil('a'), skill: evil('s') });
    plan.changes[0]!.reasons = ['<b onmouseover=alert(2)>bold</b>'];
    plan.skipped = [{ kind: '<i>kind</i>', message: '<svg onload=alert(3)>' }];
    const html = await renderReport({
      plan,
      staffing: { ...dayOfStaffing('x', 50), name: '</script><script>alert(4)</script>' },
      title: '<title>t</title>',
      assumptions: ['<u>a</u>'],
    });
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<b onmouseover/);
    expect(html).not.toMatch(/<svg onload/);
    expect(html).not.toMatch(/<i>kind/);
    expect(html).not.toContain('<u>a</u>');
    expect(html).not.toContain('<title>t</title>');
    // Exactly the page's own three scripts and one data block; the hostile "</script>" never closes one.
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;q0&#39;)&gt;&quot;&#39;&amp;&lt;/script&gt;');
    expect(chartData(html).staffing[0]!.name).toBe('</script><script>alert(4)</script>');
  });

  it('loads nothing from the network: no external src, href, stylesheet link, import or url()', async () => {
    const html = await renderReport({ plan: demoSizedPlan(), staffing });
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('stays within 300 KB for a demo-sized org (10 queues, 220 changes, 10 curves of 48 intervals)', async () => {
    const html = await renderReport({ plan: demoSizedPlan(), staffing });
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(300 * 1024);
  });

  it('renders an optimizeRouting result: targets, the whole matrix before (changes reverted) and after', async () => {
    const { input, result } = await smallOptimization();
    const html = await renderReport({ optimization: result, names: { billing: 'Billing Support' } });
    expect(html).toContain('Billing Support');
    expect(html).toContain('80% in 30 s');
    expect(html).toContain('Agents at each proficiency (all agents)');
    expect(html).toContain('simulated by the optimizer');
    expect(html).toContain(`Per agent with a change (${new Set(result.changes.map((c) => c.agentId)).size})`);
    // Counts per level: "before" is the optimizer's input (10 billing agents at 4), "after" its assignment.
    const counts = html.slice(html.indexOf('class="heatmap counts"'));
    const cells = [
      .../<tr><td>Billing Support<\/td>(.*?)<\/tr>/.exec(counts)![1]!.matchAll(/<td>(?:<span[^>]*>)?(\d*)/g),
    ].map((m) => Number(m[1] || 0));
    const level = (v: number | undefined) => (v === undefined ? 0 : Math.round(v) + 1);
    const tally = (skills: readonly { skills: Record<string, number> }[]) => {
      const n = [0, 0, 0, 0, 0, 0, 0];
      for (const a of skills) n[level(a.skills.billing)]! += 1;
      return n;
    };
    expect(cells).toEqual([...tally(input.agents), ...tally(result.agents)]);
    expect(cells[5]).toBe(10);
    expect(html).toContain('No staffing rows in the inputs');
  }, 60_000);

  it('renders what exists and names what is missing, never failing on absent data', async () => {
    const empty = await renderReport({});
    expect(empty).toContain('No queue measures in the inputs');
    expect(empty).toContain('No staffing rows in the inputs');
    expect(empty).toContain('No skill changes and no assignment');
    expect(empty).toContain('No changes in the inputs');
    expect(empty).toContain('Not in the inputs: no plan and no optimization result; no staffing rows');

    const plan = demoSizedPlan();
    plan.impact = plan.impact.map((q) => ({ ...q, after: { ...q.after, ci95: undefined } })) as typeof plan.impact;
    delete plan.inputs;
    const html = await renderReport({
      plan,
      staffing: dayOfStaffing('No patience', 100),
      targets: { q1: { serviceLevel: 0.8, withinSeconds: 20 } },
    });
    expect(html).toContain('9 of 10 queue(s) have no service-level target');
    expect(html).toContain('No simulation interval in the inputs');
    expect(html).toContain('Erlang A curve not drawn: no caller patience given');
    expect(html).toContain('<dt>Time window</dt><dd>not given</dd>');
    expect(html).toContain('blank cells are skills the plan does not touch');
    expect(chartData(html).staffing[0]!.erlangA).toBeNull();

    // Non-finite numbers and empty curves draw nothing rather than broken SVG.
    const odd = await renderReport({
      plan,
      targets: { q0: { serviceLevel: Number.NaN, withinSeconds: 20 } },
      staffing: { name: 'Empty', rows: [], targets: { serviceLevel: 0.8, targetSeconds: 20 } },
    });
    expect(odd).not.toContain('NaN');
    expect(odd).toContain('No rows: nothing to draw.');
  });

  it('refuses input of the wrong shape with a ValidationError naming the field', async () => {
    const cases: [unknown, string][] = [
      [null, ''],
      [{ plan: 'x' }, 'plan'],
      [{ plan: { changes: 3 } }, 'plan.changes'],
      [{ optimization: { queues: [] } }, 'optimization.changes'],
      [{ staffing: [{ rows: [{ agents: 'many' }], targets: {} }] }, 'staffing[0].rows[0].agents'],
      [{ staffing: { rows: [] } }, 'staffing.targets'],
      [{ names: [] }, 'names'],
    ];
    for (const [input, path] of cases) {
      const error = await renderReport(input as ReportInput).catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
      expect((error as { issues: { path: string }[] }).issues[0]!.path).toBe(path);
    }
  });
});
