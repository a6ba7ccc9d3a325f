// genesys-routing staff: Erlang C (or, with --patience, Erlang A) staffing for one interval, or a table over volumes.
import { asFlags, num, optionalNum, parse, UsageError } from '../args.js';
import { percent, table } from '../output.js';
import { requiredAgents, requiredAgentsErlangA, trafficFromVolume } from '../../optimizer/index.js';

export const staffHelp = `genesys-routing staff --calls N --aht SECONDS [--interval SECONDS]
                      (--sl 0.8 --target SECONDS | --max-asa SECONDS | --max-occupancy 0.85)
                      [--patience SECONDS [--max-abandon 0.05]] [--shrinkage 0.3] [--range FROM..TO:STEP] [--report report.html] [--json]

  The smallest number of agents that meets every target given, and the agents to schedule after shrinkage.
  Erlang C by default (callers wait forever); with --patience, Erlang A (callers abandon after an exponential
  patience with that mean), which needs fewer agents and also reports the abandon rate.

  --calls N            calls offered in the interval (>= 0)
  --aht SECONDS        average handle time (talk + hold + wrap-up), in seconds
  --interval SECONDS   interval length (default 1800: half an hour)
  --sl SHARE           share of calls answered within --target, between 0 and 1 (0.8 = 80 %)
  --target SECONDS     the service-level threshold (e.g. 20 for "80/20"); without --sl it only sets the answer
                       time the service-level column reports (default 20 s)
  --max-asa SECONDS    average speed of answer at most this (Erlang C only)
  --max-occupancy F    occupancy at most F, between 0 and 1 (Erlang C only)
  --patience SECONDS   mean patience before a caller hangs up: switches to Erlang A (needs --sl and --target)
  --max-abandon SHARE  with --patience: at most this share of callers abandon
  --shrinkage SHARE    share of paid time off the phones (breaks, training), between 0 and 0.99 (default 0)
  --range FROM..TO:STEP  one row per call volume instead of --calls (at most 10,000 rows)
  --json               JSON: an object, or an array with --range
  --report FILE.html   also write a self-contained HTML report: required agents per row as a curve (Erlang C,
                       and Erlang A with --patience), with the table

  Examples:
    genesys-routing staff --calls 300 --aht 240 --sl 0.8 --target 20
    genesys-routing staff --calls 300 --aht 240 --sl 0.8 --target 20 --patience 90 --shrinkage 0.3
    genesys-routing staff --range 100..1000:100 --aht 180 --max-asa 30 --json`;

/** The answer time the service-level column reports when no --target is given (the common "80/20"). */
const DEFAULT_REPORTED_SECONDS = 20;

/** Library field -> the flag that feeds it, for error messages. */
const FLAGS = {
  calls: '--calls',
  ahtSeconds: '--aht',
  intervalSeconds: '--interval',
  serviceLevel: '--sl',
  targetSeconds: '--target',
  maxAsaSeconds: '--max-asa',
  maxOccupancy: '--max-occupancy',
  shrinkage: '--shrinkage',
  patienceSeconds: '--patience',
  maxAbandonRate: '--max-abandon',
  traffic: '--calls/--aht/--interval',
};

interface Row {
  calls: number;
  traffic: number;
  agents: number;
  scheduledAgents: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  abandonRate?: number;
}

export async function staff(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    calls: { type: 'string' },
    aht: { type: 'string' },
    interval: { type: 'string' },
    sl: { type: 'string' },
    target: { type: 'string' },
    'max-asa': { type: 'string' },
    'max-occupancy': { type: 'string' },
    patience: { type: 'string' },
    'max-abandon': { type: 'string' },
    shrinkage: { type: 'string' },
    range: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(staffHelp);
    return 0;
  }
  const q = staffQuestion(values);
  const rows: Row[] = asFlags(FLAGS, () => q.volumes.map((calls) => staffRow(calls, q)));
  if (values.report) await writeStaffReport(values.report, rows, q);
  if (values.json) {
    const out = rows.map((r) => ({ ...r, serviceLevelWithinSeconds: q.withinSeconds }));
    console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  } else printTable(rows, q);
  return 0;
}

type StaffValues = Record<string, string | boolean | undefined>;

/** The flags as one staffing question, checked for the combinations that make sense. */
function staffQuestion(values: StaffValues) {
  const str = (name: string) => values[name] as string | undefined;
  const ahtSeconds = num('aht', str('aht'));
  const intervalSeconds = num('interval', str('interval'), 1800);
  const targets = {
    serviceLevel: optionalNum('sl', str('sl')),
    targetSeconds: optionalNum('target', str('target')),
    maxAsaSeconds: optionalNum('max-asa', str('max-asa')),
    maxOccupancy: optionalNum('max-occupancy', str('max-occupancy')),
    shrinkage: optionalNum('shrinkage', str('shrinkage')),
  };
  const patienceSeconds = optionalNum('patience', str('patience'));
  const maxAbandonRate = optionalNum('max-abandon', str('max-abandon'));
  if (targets.serviceLevel !== undefined && targets.targetSeconds === undefined)
    throw new UsageError('--sl needs --target (the threshold in seconds), e.g. --sl 0.8 --target 20');
  if (patienceSeconds !== undefined) {
    if (targets.serviceLevel === undefined) throw new UsageError('--patience (Erlang A) needs --sl and --target');
    if (targets.maxAsaSeconds !== undefined || targets.maxOccupancy !== undefined)
      throw new UsageError(
        '--max-asa and --max-occupancy are Erlang C targets; with --patience use --sl/--target and --max-abandon',
      );
  } else if (maxAbandonRate !== undefined) throw new UsageError('--max-abandon needs --patience');
  if (targets.serviceLevel === undefined && targets.maxAsaSeconds === undefined && targets.maxOccupancy === undefined) {
    throw new UsageError('give at least one target: --sl with --target, --max-asa or --max-occupancy');
  }
  const volumes = str('range') ? rangeOf(str('range')!) : [num('calls', str('calls'))];
  // The service level reported is the share answered within T seconds: the target's T, else the common 20 s
  // (never 0 s, "answered at once", which reads as a much worse service level than any target means).
  const withinSeconds = targets.targetSeconds ?? DEFAULT_REPORTED_SECONDS;
  const staffTargets = { ...targets, targetSeconds: withinSeconds };
  return {
    ahtSeconds,
    intervalSeconds,
    targets,
    staffTargets,
    patienceSeconds,
    maxAbandonRate,
    volumes,
    withinSeconds,
  };
}

type StaffQuestion = ReturnType<typeof staffQuestion>;

/** One volume's answer: Erlang C, or Erlang A with --patience. */
function staffRow(calls: number, q: StaffQuestion): Row {
  const { ahtSeconds, intervalSeconds, targets, patienceSeconds } = q;
  const traffic = trafficFromVolume({ calls, intervalSeconds, ahtSeconds });
  if (patienceSeconds === undefined)
    return { calls, traffic, ...requiredAgents({ traffic, ahtSeconds, ...q.staffTargets }) };
  const a = requiredAgentsErlangA({
    traffic,
    ahtSeconds,
    patienceSeconds,
    serviceLevel: targets.serviceLevel!,
    targetSeconds: targets.targetSeconds!,
    maxAbandonRate: q.maxAbandonRate,
  });
  return {
    calls,
    traffic,
    agents: a.agents,
    scheduledAgents: Math.ceil(a.agents / (1 - (targets.shrinkage ?? 0)) - 1e-9),
    serviceLevel: a.serviceLevel,
    asaSeconds: a.asaSeconds,
    occupancy: a.occupancy,
    abandonRate: a.probabilityOfAbandon,
  };
}

/** The HTML report: Erlang C rows, and the Erlang A curve drawn from them when --patience is given. */
async function writeStaffReport(path: string, rows: readonly Row[], q: StaffQuestion): Promise<void> {
  const { writeReport } = await import('../../report/write-report.js');
  const { ahtSeconds, intervalSeconds, staffTargets, patienceSeconds } = q;
  const staffing = {
    name: `${ahtSeconds} s AHT, ${intervalSeconds} s intervals`,
    rows: asFlags(FLAGS, () =>
      rows.map(({ calls, traffic }) => ({
        id: `${calls} calls`,
        calls,
        traffic,
        ...requiredAgents({ traffic, ahtSeconds, ...staffTargets }),
      })),
    ),
    targets: staffTargets,
    ahtSeconds,
    patienceSeconds,
  };
  const bytes = await writeReport(path, { staffing, title: 'Erlang staffing' });
  console.error(`report written to ${path} (${Math.round(bytes / 1024)} KB)`);
}

function printTable(rows: readonly Row[], q: StaffQuestion): void {
  const { withinSeconds, patienceSeconds } = q;
  const erlangA = patienceSeconds !== undefined;
  const header = ['calls', 'erlangs', 'agents', 'scheduled', `answered in ${withinSeconds} s`, 'ASA s', 'occupancy'];
  console.log(
    table(
      [...header, ...(erlangA ? ['abandon'] : [])],
      rows.map((r) => [
        r.calls,
        r.traffic.toFixed(2),
        r.agents,
        r.scheduledAgents,
        percent(r.serviceLevel),
        r.asaSeconds.toFixed(1),
        percent(r.occupancy),
        ...(erlangA ? [percent(r.abandonRate!)] : []),
      ]),
    ),
  );
  if (q.targets.targetSeconds === undefined)
    console.log(
      `\nanswered in ${withinSeconds} s: the share of calls answered within ${withinSeconds} s (no --target given).`,
    );
  if (erlangA)
    console.log(`\nErlang A: callers abandon after ${patienceSeconds} s on average; abandoned calls count as missed.`);
}

function rangeOf(range: string): number[] {
  const m = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(range);
  if (!m) throw new UsageError('--range must look like FROM..TO:STEP, e.g. 100..1000:100');
  const [from, to, step] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (step <= 0 || to < from || (to - from) / step > 10_000)
    throw new UsageError('--range: need FROM <= TO, STEP > 0 and at most 10,000 rows');
  const volumes: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) volumes.push(v);
  return volumes;
}
