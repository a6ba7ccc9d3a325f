// Approve mode on a terminal: each proposal is printed and asked y/N until it is answered, expires or the run
// stops. Off a terminal nobody can answer, so approve mode refuses to start there.
import { UsageError } from '../args.js';
import type { AutopilotProposalResolution } from '../../workflows/autopilot/decision-log.js';
import type { AutopilotProposal } from '../../workflows/autopilot/proposals.js';
import { decisionLine } from './autopilot-line.js';

/** Approve mode needs someone at a terminal: stdin (the answers) and stdout (the questions) must be TTYs. */
export function requireTerminal(): void {
  const off = [process.stdin.isTTY ? undefined : 'stdin', process.stdout.isTTY ? undefined : 'stdout'].filter(Boolean);
  if (off.length > 0)
    throw new UsageError(
      `approve mode asks y/N on a terminal, but ${off.join(' and ')} ${off.length > 1 ? 'are' : 'is'} not a TTY: run it on a terminal, or use startAutopilot with onProposal or approve(id)`,
    );
}

/** Where the prompt hears that a proposal ended (the autopilot's handle). */
interface ProposalEvents {
  on(event: 'proposalResolved', listener: (r: AutopilotProposalResolution) => void): unknown;
  off(event: 'proposalResolved', listener: (r: AutopilotProposalResolution) => void): unknown;
}

/** The `onProposal` of the CLI: prints the proposal, asks y/N; a question left unanswered ends with the proposal. */
export function askOnTerminal(
  pilot: () => ProposalEvents,
  terminal: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stdout,
  },
): (proposal: AutopilotProposal) => Promise<boolean> {
  return async (p) => {
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface(terminal);
    // Ctrl-C at the prompt stops the autopilot as it does anywhere else (readline would only pause the input).
    rl.on('SIGINT', () => void process.emit('SIGINT', 'SIGINT'));
    const gone = new AbortController();
    // Answered elsewhere (approve/reject), expired or stopped: the question is withdrawn.
    const onResolved = (r: AutopilotProposalResolution) => {
      if (r.id !== p.id) return;
      console.log(`\nproposal ${p.id} ${r.outcome}${r.reason ? ` (${r.reason})` : ''}: no longer asked`);
      gone.abort();
    };
    pilot().on('proposalResolved', onResolved);
    try {
      console.log(`proposal ${p.id} (answer before ${p.expiresAt.slice(11, 16)} UTC): ${decisionLine(p.decision)}`);
      const answer = await rl.question(`apply these ${p.changes.length} change(s)? [y/N] `, { signal: gone.signal });
      pilot().off('proposalResolved', onResolved);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      pilot().off('proposalResolved', onResolved);
      rl.close();
    }
  };
}
