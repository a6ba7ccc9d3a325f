// genesys-routing autopilot --policy policy.json: the routing autopilot on the org of the GENESYS_* variables,
// one line per decision, until Ctrl-C (it then returns the org to its baseline) or --decisions N.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { isValidationError } from '../../errors/index.js';
import type { AutopilotDecision } from '../../workflows/autopilot/decision-log.js';
import type { AutopilotProposal } from '../../workflows/autopilot/types.js';

export const autopilotHelp = `genesys-routing autopilot --policy POLICY.json [--mode shadow|approve|auto] [--shadow] [--journal FILE] [--jsonl FILE] [--kill-file FILE] [--decisions N]

  Watches the day as it happens and moves agents between queues when a queue is, or will be, below target:
  each decision re-forecasts every queue from the calls seen so far, re-plans the next intervals with the agents
  on queue now, keeps to the policy's guardrails, applies the changes and reads them back; when the pressure is
  gone it returns the org to the configuration it found (its baseline). Prints one line per decision. It watches
  queue observations, agent presence and routing status on the notification stream (policy "observe":
  "aggregates" to poll only) and decides early when they show callers waiting too long.
  --policy     the policy (JSON): queueIds, decisionPeriodMinutes, surgeRatio, calmPeriods, guardrails {...}
               (see docs/guides/autopilot.md); a bad field is named and nothing runs
  --mode       auto (write each decision), shadow (decide and log, write nothing) or approve (ask on this
               terminal before each write: a proposal not answered within policy.proposalValidityMinutes is
               dropped and logged); overrides the policy's mode
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
    shadow: { type: 'boolean' },
    mode: { type: 'string' },
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
  const { parseAutopilotPolicy, startAutopilot, streamSource, FileKillSwitch, FileAutopilotStore } =
    await import('../../workflows/autopilot/index.js');
  const { FileJournal } = await import('../../workflows/journal/journals.js');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(values.policy, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the policy ${values.policy}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  let policy;
  try {
    policy = parseAutopilotPolicy(raw);
  } catch (error) {
    if (isValidationError(error)) throw new UsageError(`${values.policy}: ${error.message}`);
    throw error;
  }
  const mode = values.shadow ? 'shadow' : values.mode;
  if (mode !== undefined && !isMode(mode)) throw new UsageError(`--mode must be shadow, approve or auto, got ${mode}`);
  if (values.shadow && values.mode !== undefined && values.mode !== 'shadow')
    throw new UsageError(`--shadow and --mode ${values.mode} disagree: give one of them`);
  if (mode) policy = { ...policy, mode, shadow: mode === 'shadow' };
  if (policy.mode === 'approve' && !(process.stdin.isTTY && process.stdout.isTTY))
    throw new UsageError(
      'approve mode asks on a terminal: run it on a TTY, or use startAutopilot with onProposal or approve(id)',
    );
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
    `autopilot on ${client.org.apiBaseUrl}${policy.shadow ? ' (shadow mode: nothing is written)' : ''}: a decision every ${policy.decisionPeriodMinutes} min; Ctrl-C stops`,
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
  pilot.on('proposalResolved', (r) => console.log(`proposal ${r.id} ${r.outcome}${r.reason ? ` (${r.reason})` : ''}`));
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

const isMode = (m: string): m is 'shadow' | 'approve' | 'auto' => m === 'shadow' || m === 'approve' || m === 'auto';

/** Approve mode on a TTY: prints each proposal and asks y/N until it is answered or expires. */
function askOnTerminal(
  pilot: () => { on(event: 'proposalResolved', fn: (r: { id: string }) => void): unknown },
): (p: AutopilotProposal) => Promise<boolean> {
  return async (p) => {
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const gone = new AbortController();
    pilot().on('proposalResolved', (r) => void (r.id === p.id && gone.abort()));
    try {
      console.log(`proposal ${p.id} (until ${p.expiresAt.slice(11, 16)}): ${decisionLine(p.decision)}`);
      const answer = await rl.question(`apply these ${p.changes} change(s)? [y/N] `, { signal: gone.signal });
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

/** `11:15 adjust  +3 -0 (1 refused) Billing Support 0.36 < 0.80 … | applied 4` */
export function decisionLine(d: AutopilotDecision): string {
  const gains = d.changes.filter((c) => c.direction === 'gain').length;
  const losses = d.changes.length - gains;
  const parts = [d.at.slice(0, 16).replace('T', ' '), d.kind.padEnd(6)];
  if (d.changes.length > 0 || d.kind !== 'hold') parts.push(`+${gains} -${losses}`);
  if (d.refused.length > 0)
    parts.push(`(${d.refused.length} refused: ${[...new Set(d.refused.map((r) => r.rule))].join(', ')})`);
  if (d.trigger) parts.push('(early: the live picture)');
  parts.push(d.why);
  if (d.source?.fallback) parts.push(`[no stream: ${d.source.fallback}]`);
  if (d.apply)
    parts.push(
      `| ${Object.entries(d.apply.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  if (d.verified) parts.push(d.verified.ok ? '| verified' : `| ${d.verified.mismatches} NOT as planned`);
  return parts.join(' ');
}
