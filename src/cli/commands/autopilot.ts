// genesys-routing autopilot --policy policy.json: the routing autopilot on the org of the GENESYS_* variables,
// one line per decision, until Ctrl-C (it then returns the org to its baseline) or --decisions N.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { isValidationError } from '../../errors/index.js';
import type { AutopilotMode, ResolvedPolicy } from '../../workflows/autopilot/policy.js';
import type { AutopilotHandle } from '../../workflows/autopilot/types.js';
import { askOnTerminal, requireTerminal } from './autopilot-prompt.js';

import { decisionLine } from './autopilot-line.js';

export { decisionLine };

export const autopilotHelp = `genesys-routing autopilot --policy POLICY.json [--mode auto|shadow|approve] [--journal FILE] [--jsonl FILE] [--kill-file FILE] [--decisions N]

  Watches the day as it happens and moves agents between queues when a queue is, or will be, below target:
  each decision re-forecasts every queue from the calls seen so far, re-plans the next intervals with the agents
  on queue now, keeps to the policy's guardrails, applies the changes and reads them back; when the pressure is
  gone it returns the org to the configuration it found (its baseline). Prints one line per decision. It watches
  queue observations, agent presence and routing status on the notification stream (policy "observe":
  "aggregates" to poll only) and decides early when they show callers waiting too long.
  --policy     the policy (JSON): queueIds, decisionPeriodMinutes, surgeRatio, calmPeriods, guardrails {...}
               (see docs/guides/autopilot.md); a bad field is named and nothing runs
  --mode       auto: write each decision; shadow: decide and log, write nothing; approve: ask y/N on this
               terminal before each write (a question not answered within the policy's proposalValidityMinutes,
               default one decision period, is dropped and logged; refused when stdin is not a terminal).
               Overrides the policy's mode
  --shadow     same as --mode shadow
  --journal    the apply journal and the org's autopilot lease (a file; one autopilot per org on this host),
               with the baseline kept next to it in FILE.state.json: a crashed run is resumed from it
  --jsonl      append every decision (what it saw, predicted, changed and why) as one JSON line
  --kill-file  writes stop while this file exists (checked before every write)
  --decisions  stop after N decisions (default: until Ctrl-C)
  Ctrl-C stops after the decision in progress and returns the org to its baseline (unless the policy says
  restoreOnStop: false). Exit code 0 when it stopped cleanly, 1 on an error, 2 on bad usage.

  Examples:
    genesys-routing autopilot --policy policy.json --shadow --jsonl decisions.jsonl
    genesys-routing autopilot --policy policy.json --mode approve --journal autopilot.journal
    genesys-routing autopilot --policy policy.json --journal autopilot.journal --kill-file /run/autopilot.stop`;

export async function autopilot(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    policy: { type: 'string' },
    mode: { type: 'string' },
    shadow: { type: 'boolean' },
    journal: { type: 'string' },
    jsonl: { type: 'string' },
    'kill-file': { type: 'string' },
    decisions: { type: 'string' },
  });
  if (values.help) {
    console.log(autopilotHelp);
    return 0;
  }
  if (!values.policy) throw new UsageError('give the policy file: genesys-routing autopilot --policy policy.json');
  const max = values.decisions === undefined ? undefined : Number(values.decisions);
  if (max !== undefined && !(Number.isInteger(max) && max >= 1))
    throw new UsageError(`--decisions must be a whole number >= 1, got ${values.decisions}`);
  const mode = modeOf(values.mode, values.shadow);
  const policy = withMode(await readPolicy(values.policy), mode);
  if (policy.mode === 'approve') requireTerminal();
  const { startAutopilot, streamSource, FileKillSwitch, FileAutopilotStore } =
    await import('../../workflows/autopilot/index.js');
  const { FileJournal } = await import('../../workflows/journal/journals.js');
  const client = clientFromEnv();
  const journal = values.journal ? new FileJournal(values.journal) : undefined;
  // The stream source needs a WebSocket: Node 22+ has a global one; on Node 20 the `ws` package (a dependency).
  const hasGlobal = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
  const source =
    policy.observe === 'aggregates' || hasGlobal
      ? undefined
      : streamSource(client, { WebSocket: (await import('ws')).WebSocket as never });
  const pilot = startAutopilot(client, policy, {
    ...(source ? { source } : {}),
    ...(journal ? { journal, lease: { journal }, store: new FileAutopilotStore(`${values.journal}.state.json`) } : {}),
    ...(values.jsonl ? { auditPath: values.jsonl } : {}),
    ...(values['kill-file'] ? { killSwitch: new FileKillSwitch(values['kill-file']) } : {}),
    ...(policy.mode === 'approve' ? { onProposal: askOnTerminal(() => pilot) } : {}),
  });
  console.log(
    `autopilot on ${client.org.apiBaseUrl}${MODE_NOTE[policy.mode]}: a decision every ${policy.decisionPeriodMinutes} min; Ctrl-C stops`,
  );
  pilot.on('lease', (l) =>
    console.log(
      l.state === 'waiting' ? `waiting for the autopilot lease (held by ${l.holder ?? 'another'})` : 'lease taken',
    ),
  );
  pilot.on('decision', (d) => {
    console.log(decisionLine(d));
    if (max !== undefined && d.seq >= max) void pilot.stop();
  });
  pilot.on('error', (e) => console.error(`autopilot: ${e.message}`));
  return untilStopped(pilot, policy);
}

const MODE_NOTE: Record<AutopilotMode, string> = {
  auto: '',
  shadow: ' (shadow mode: nothing is written)',
  approve: ' (approve mode: each write is asked for here first)',
};

/** --mode, or --shadow (its older spelling); both only when they agree. */
function modeOf(mode: string | undefined, shadow: boolean | undefined): AutopilotMode | undefined {
  if (mode !== undefined && mode !== 'auto' && mode !== 'shadow' && mode !== 'approve')
    throw new UsageError(`--mode must be auto, shadow or approve, got ${mode}`);
  if (shadow && mode !== undefined && mode !== 'shadow')
    throw new UsageError(`--shadow and --mode ${mode} disagree: give one of them`);
  return shadow ? 'shadow' : mode;
}

function withMode(policy: ResolvedPolicy, mode: AutopilotMode | undefined): ResolvedPolicy {
  return mode ? { ...policy, mode, shadow: mode === 'shadow' } : policy;
}

/** The policy file, checked: a bad field is a usage error naming it. */
async function readPolicy(path: string): Promise<ResolvedPolicy> {
  const { parseAutopilotPolicy } = await import('../../workflows/autopilot/policy.js');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the policy ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  try {
    return parseAutopilotPolicy(raw);
  } catch (error) {
    if (isValidationError(error)) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Waits for the run's end (Ctrl-C or SIGTERM stops it after the decision in progress); prints its summary. */
async function untilStopped(pilot: Pick<AutopilotHandle, 'stop' | 'done'>, policy: ResolvedPolicy): Promise<number> {
  const onSignal = () => {
    console.log('stopping after this decision…');
    void pilot.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await pilot.done;
    console.log(
      `stopped (${summary.stoppedBy}): ${summary.decisions.length} decisions, ${summary.changes} changes${policy.shadow ? ' (shadow)' : ''}, ${summary.refused} refused by the guardrails; ${summary.atBaseline ? 'the org is at its baseline' : 'the org is NOT at its baseline'}`,
    );
    return summary.error ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
