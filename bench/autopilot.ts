// `npm run bench:autopilot [-- --case NAME] [-- --seed N] [-- --shift MIN] [-- --factor X] [-- --absence SHARE]
// [-- --arms LIST] [-- --clock manual|real] [-- --speed X] [-- --decisions] [-- --policy FILE] [-- --draws N] [-- --call-seed S]
// [-- --write-delay S] [-- --history-weeks identical|independent]`: the autopilot against threshold rules on live
// days of the emulator (bench/autopilot/cases.ts): each case is run three times on the same seed, with nothing watching
// (none), with the threshold rules of bench/autopilot/threshold-rules.ts (rules), and with startAutopilot on a
// default policy (autopilot). It prints one row per case and arm, measured from the emulator's own state:
//  - missed: half hours on the clock from the day's start (half an hour before the event, when every arm starts)
//    to an hour after the event's end in which the event queue is below its target (two queues: each counted);
//  - other queues: the same for every other queue of the org, with the names of those that missed (a day where no
//    queue misses with nothing watching has nothing to fix; a write for another queue's real miss is not a false
//    alarm);
//  - SL: the event queue's service level over the event (answered within the threshold / answered + abandoned);
//  - changes: skills and memberships written (the org's audit log: one per skill or membership of one agent, so
//    giving an agent who is not a member a queue is two), when the first was written, the most on one agent and
//    in any 60 minutes;
//  - re-added: skills or memberships of one agent gained again within an hour of losing them after a gain
//    (bench/autopilot/readds.ts);
//  - baseline: whether the org's skills and joined members at the end equal the start (the rules remove what
//    they still hold at the end; the autopilot returns on its own and on stop);
//  - the wall time and the 1-minute load average of each run.
// Held-back days: --seed draws another org and other calls, --shift moves the day and its event by MIN minutes,
// --factor sets the surges' demand factor and --absence the share of agents away (absence).
// --arms runs only the listed arms (comma list of none,rules,autopilot). --clock real runs each day on the
// emulator's real clock at --speed simulated seconds per real second (default 60), the arms waiting in real time
// and the absence wave changing presences at its instants on its own timers, the clock held at the day's start
// until the arm runs (bench/autopilot/real-clock.ts); each
// row then also gives the speed the simulation kept and how far past the day's end the figures were read. The
// default, --clock manual, moves simulated time only when the arm waits. --decisions prints, under each row, the event
// queue's service level per half hour and, for the autopilot, its decisions that saw pressure or changed something:
// time, kind, changes written, re-plan and why. --policy runs the autopilot arm on a policy file (JSON, checked by
// parseAutopilotPolicy; its queueIds are the org's) instead of the default policy, to measure another policy on
// the same days. --draws N runs each case and arm on N draws of the day's calls (bench/autopilot/draws.ts: the same
// org and event, other calls) and prints one row per case and arm: on how many draws the event queue missed a half
// hour, the half hours missed in all, the changes per draw, and (with the arm none) on how many of the draws where
// nothing watching misses no half hour on any queue the arm wrote anything. --call-seed S runs each day on one
// draw, call seed S (the emulator's live.callSeed), e.g. to read the decisions on a draw that --draws found missing.
// --write-delay S (manual clock) moves simulated time S seconds between each autopilot decision's look and its
// first write, as a real clock does while the decision re-plans (bench/autopilot/write-delay.ts).
// --history-weeks independent gives each week of the emulator's history its own calls (the default repeats one
// week), so the autopilot's forecast, a mean over its history window's same weekdays, averages several draws.
// It asserts nothing: docs/guides/autopilot.md publishes a run's table.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { CASES, type BenchCase } from './autopilot/cases.js';
import { ARMS, runDay, type Arm, type ArmResult, type DayClock } from './autopilot/day.js';
import { DRAWS_HEADER, drawsCells, runDraws, type DrawsSummary } from './autopilot/draws.js';
import { parseAutopilotPolicy, type AutopilotPolicy } from '../src/workflows/autopilot/index.js';
import type { HistoryWeeks } from '../src/testing/index.js';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
}

const caseName = option('case');
const seedArg = option('seed');
const seed = seedArg === undefined ? undefined : Number(seedArg);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got ${seedArg})`);
const numberOption = (name: string): number | undefined => {
  const text = option(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number (got ${text})`);
  return value;
};
const shift = numberOption('shift');
const factor = numberOption('factor');
const absence = numberOption('absence');
if (factor !== undefined && !(factor > 0)) throw new Error(`--factor must be above 0 (got ${factor})`);
if (absence !== undefined && !(absence > 0 && absence < 1))
  throw new Error(`--absence must be between 0 and 1 (got ${absence})`);

const clockMode = option('clock') ?? 'manual';
if (clockMode !== 'manual' && clockMode !== 'real')
  throw new Error(`--clock must be manual or real (got ${clockMode})`);
const speedOption = numberOption('speed');
if (speedOption !== undefined && clockMode !== 'real') throw new Error('--speed is only for --clock real');
// The emulator's own bounds on live.speed.
if (speedOption !== undefined && !(speedOption >= 0.001 && speedOption <= 100_000))
  throw new Error(`--speed must be from 0.001 to 100000 (got ${speedOption})`);
const dayClock: DayClock = clockMode === 'real' ? { mode: 'real', speed: speedOption ?? 60 } : { mode: 'manual' };

const writeDelaySeconds = numberOption('write-delay');
if (writeDelaySeconds !== undefined && dayClock.mode !== 'manual')
  throw new Error('--write-delay is only for the manual clock');
if (writeDelaySeconds !== undefined && !(writeDelaySeconds >= 0 && writeDelaySeconds <= 3600))
  throw new Error(`--write-delay must be from 0 to 3600 seconds (got ${writeDelaySeconds})`);
const writeDelayMs = writeDelaySeconds === undefined ? undefined : writeDelaySeconds * 1000;

const showDecisions = process.argv.includes('--decisions');
const draws = numberOption('draws');
if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 1000))
  throw new Error(`--draws must be a whole number from 1 to 1000 (got ${draws})`);
if (draws !== undefined && (dayClock.mode === 'real' || showDecisions))
  throw new Error('--draws runs on the manual clock and prints no decisions');
const callSeed = numberOption('call-seed');
if (callSeed !== undefined && !(Number.isInteger(callSeed) && callSeed >= 0 && callSeed < 2 ** 32))
  throw new Error(`--call-seed must be a whole number from 0 to 2^32 - 1 (got ${callSeed})`);
if (callSeed !== undefined && draws !== undefined) throw new Error('--call-seed and --draws: give one of them');
const historyWeeksOption = option('history-weeks');
if (historyWeeksOption !== undefined && historyWeeksOption !== 'identical' && historyWeeksOption !== 'independent')
  throw new Error(`--history-weeks must be identical or independent (got ${historyWeeksOption})`);
const historyWeeks: HistoryWeeks | undefined = historyWeeksOption;
const policyFile = option('policy');
const policy: AutopilotPolicy | undefined =
  policyFile === undefined ? undefined : (JSON.parse(readFileSync(policyFile, 'utf8')) as AutopilotPolicy);
// Checked before any day runs, so a misspelled field fails at once.
if (policy) parseAutopilotPolicy(policy);
const armsOption = option('arms');
const arms: readonly Arm[] = armsOption === undefined ? ARMS : (armsOption.split(',').map((a) => a.trim()) as Arm[]);
const unknownArms = arms.filter((a) => !ARMS.includes(a));
if (arms.length === 0 || unknownArms.length > 0 || new Set(arms).size < arms.length)
  throw new Error(`--arms must list distinct arms of ${ARMS.join(',')} (got ${armsOption})`);
// In the order of ARMS, so nothing watching runs first and its draws judge the others'.
const armsInOrder = ARMS.filter((a) => arms.includes(a));

/** A case moved by --shift minutes, with --factor (surges) and --absence (absence waves). */
function heldBack(c: BenchCase): BenchCase {
  const moved = (iso: string) => new Date(Date.parse(iso) + (shift ?? 0) * 60_000).toISOString();
  return {
    ...c,
    anchor: moved(c.anchor),
    from: moved(c.from),
    ...(factor !== undefined && c.factor > 1 ? { factor } : {}),
    ...(absence !== undefined && c.absence !== undefined ? { absence } : {}),
  };
}

const cases = (caseName ? CASES.filter((c) => c.name === caseName) : CASES).map(heldBack);
if (cases.length === 0) throw new Error(`--case: no case ${caseName}; cases: ${CASES.map((c) => c.name).join(', ')}`);

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

console.log(
  `bench:autopilot ${new Date().toISOString()}, ${availableParallelism()} cores` +
    (seed === undefined ? '' : `, seed ${seed} for every case`) +
    (shift === undefined ? '' : `, shifted ${shift} min`) +
    (factor === undefined ? '' : `, factor ${factor}`) +
    (absence === undefined ? '' : `, ${pct(absence)} away`) +
    (dayClock.mode === 'real' ? `, real clock x${dayClock.speed}` : ', manual clock') +
    (policyFile === undefined ? '' : `, policy ${policyFile}: ${JSON.stringify(policy)}`) +
    (draws === undefined ? '' : `, ${draws} draws of each day's calls (call seeds 1-${draws})`) +
    (callSeed === undefined ? '' : `, call seed ${callSeed}`) +
    (writeDelaySeconds === undefined ? '' : `, the autopilot's writes ${writeDelaySeconds} s after its look`) +
    (historyWeeks === undefined ? '' : `, history weeks ${historyWeeks}`),
);
/** One row per case and arm over `n` draws of each day's calls. */
async function printDraws(n: number): Promise<void> {
  console.log(row(DRAWS_HEADER));
  console.log(row(DRAWS_HEADER.map(() => '---')));
  for (const c of cases) {
    let none: DrawsSummary | undefined;
    for (const arm of armsInOrder) {
      const summary = await runDraws(c, arm, n, { seed, clock: dayClock, policy, writeDelayMs, historyWeeks });
      if (arm === 'none') none = summary;
      console.log(row(drawsCells(c.name, arm, summary, none)));
    }
  }
}

/** One row per case and arm on the day's own calls, with --decisions the decisions under it. */
async function printDays(): Promise<void> {
  console.log(
    row([
      'case',
      'arm',
      'missed ½ h',
      'other queues missed ½ h',
      'SL over the event (target)',
      'changes',
      'first change',
      'most on one agent',
      'most in 1 h',
      're-added within 1 h',
      'back at baseline',
      'wall s',
      'load',
      ...(dayClock.mode === 'real' ? ['speed kept', 'read past end'] : []),
    ]),
  );
  console.log(row(Array.from({ length: dayClock.mode === 'real' ? 15 : 13 }, () => '---')));
  for (const c of cases) {
    for (const arm of armsInOrder) {
      const lines: string[] = [];
      const r: ArmResult = await runDay(c, arm, {
        seed,
        clock: dayClock,
        log: showDecisions ? (l) => lines.push(l) : undefined,
        policy,
        callSeed,
        writeDelayMs,
        historyWeeks,
      });
      const missed = r.queues.reduce((s, q) => s + q.missed, 0);
      const halves = r.queues.reduce((s, q) => s + q.halfHours, 0);
      console.log(
        row([
          `${c.name}${r.absent ? ` (${r.absent} away)` : ''}`,
          arm + (r.error ? ` (error: ${r.error})` : ''),
          `${missed}/${halves}`,
          `${r.others.missed}/${r.others.halfHours}${r.others.missedBy.length ? ` (${r.others.missedBy.join(', ')})` : ''}`,
          r.queues.map((q) => `${pct(q.eventServiceLevel)} (${pct(q.target)})`).join(', '),
          r.changes,
          r.firstChangeAt === undefined ? '—' : new Date(r.firstChangeAt).toISOString().slice(11, 16),
          r.perAgent,
          r.perHour,
          r.readds,
          r.atBaseline ? 'yes' : 'no',
          (r.wallMs / 1000).toFixed(1),
          r.load.toFixed(2),
          ...(r.rate === undefined ? [] : [`x${r.rate.toFixed(1)}`, `${((r.pastEndMs ?? 0) / 60_000).toFixed(1)} min`]),
        ]),
      );
      if (showDecisions)
        for (const q of r.queues)
          console.log(
            `    ${q.queueId} per half hour: ${q.levels.map((l) => `${new Date(l.at).toISOString().slice(11, 16)} ${pct(l.serviceLevel)}`).join(', ')}`,
          );
      for (const line of lines) console.log(line);
    }
  }
}

const started = performance.now();
if (draws === undefined) await printDays();
else await printDraws(draws);
console.log(
  `\n${cases.length} case(s) x ${arms.length} arm(s)${draws === undefined ? '' : ` x ${draws} draws`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
for (const c of cases) console.log(`${c.name}: ${c.title} (seed ${seed ?? c.seed}, ${c.from.slice(11, 16)} UTC)`);
