// genesys-routing staff: Erlang C staffing for one interval, or a table over a range of volumes.
import { num, optionalNum, parse, UsageError } from '../args.js';
import { percent, table } from '../output.js';

export const staffHelp = `genesys-routing staff --calls N --aht SECONDS [--interval SECONDS] (--sl 0.8 --target SECONDS | --max-asa SECONDS | --max-occupancy 0.85) [--shrinkage 0.3] [--range FROM..TO:STEP] [--patience SECONDS] [--report report.html] [--json]

  Smallest number of agents that meets every target (Erlang C), and the agents to schedule after shrinkage.
  --calls         calls offered in the interval
  --interval      interval length in seconds (default 1800)
  --range         a table over call volumes, e.g. 100..1000:100 (replaces --calls)
  --report        also write a self-contained HTML report: required agents per row as a curve, with the table
  --patience      mean caller patience in seconds: the report adds the Erlang A curve`;

export async function staff(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    calls: { type: 'string' },
    aht: { type: 'string' },
    interval: { type: 'string' },
    sl: { type: 'string' },
    target: { type: 'string' },
    'max-asa': { type: 'string' },
    'max-occupancy': { type: 'string' },
    shrinkage: { type: 'string' },
    range: { type: 'string' },
    patience: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(staffHelp);
    return 0;
  }
  const { requiredAgents, trafficFromVolume } = await import('../../optimizer/index.js');
  const ahtSeconds = num('aht', values.aht);
  const intervalSeconds = num('interval', values.interval, 1800);
  const targets = {
    serviceLevel: optionalNum('sl', values.sl),
    targetSeconds: optionalNum('target', values.target),
    maxAsaSeconds: optionalNum('max-asa', values['max-asa']),
    maxOccupancy: optionalNum('max-occupancy', values['max-occupancy']),
    shrinkage: optionalNum('shrinkage', values.shrinkage),
  };
  let volumes: number[];
  if (values.range) {
    const m = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(values.range);
    if (!m) throw new UsageError('--range must look like FROM..TO:STEP, e.g. 100..1000:100');
    const [from, to, step] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (step <= 0 || to < from || (to - from) / step > 10_000) throw new UsageError('--range: need FROM <= TO, STEP > 0 and at most 10,000 rows');
    volumes = [];
    for (let v = from; v <= to + 1e-9; v += step) volumes.push(v);
  } else volumes = [num('calls', values.calls)];

  const rows = volumes.map((calls) => {
    const traffic = trafficFromVolume({ calls, intervalSeconds, ahtSeconds });
    return { calls, traffic, ...requiredAgents({ traffic, ahtSeconds, ...targets }) };
  });
  if (values.report) {
    const { writeReport } = await import('../../report/write-report.js');
    const staffing = { name: `${ahtSeconds} s AHT, ${intervalSeconds} s intervals`, rows: rows.map((r) => ({ ...r, id: `${r.calls} calls` })), targets, ahtSeconds, patienceSeconds: optionalNum('patience', values.patience) };
    const bytes = await writeReport(values.report, { staffing, title: 'Erlang staffing' });
    console.error(`report written to ${values.report} (${Math.round(bytes / 1024)} KB)`);
  }
  if (values.json) console.log(JSON.stringify(rows.length === 1 ? rows[0] : rows, null, 2));
  else {
    console.log(
      table(
        ['calls', 'erlangs', 'agents', 'scheduled', 'service level', 'ASA s', 'occupancy'],
        rows.map((r) => [r.calls, r.traffic.toFixed(2), r.agents, r.scheduledAgents, percent(r.serviceLevel), r.asaSeconds.toFixed(1), percent(r.occupancy)]),
      ),
    );
  }
  return 0;
}
