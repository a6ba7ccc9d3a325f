// Approve mode: each decision that would write becomes a proposal, written only when accepted within its
// validity (by `approve(id)`, the `onProposal` callback or the CLI prompt); rejected and expired ones are dropped
// and logged. The wait runs on the autopilot's clock, so a test clock decides expiry.
import type { Clock } from '../../internal/clock.js';
import type { AutopilotDecision } from './decision-log.js';
import type { AutopilotProposal, ProposalOutcome } from './types.js';

interface Pending {
  proposal: AutopilotProposal;
  settle: (outcome: ProposalOutcome) => void;
}

/** The pending proposals of one run, and how each is answered. */
export class ProposalBook {
  readonly #pending = new Map<string, Pending>();
  #count = 0;

  constructor(
    readonly clock: Clock,
    readonly runId: string,
  ) {}

  /** The proposals waiting for an answer, oldest first (expired ones are not listed). */
  list(): AutopilotProposal[] {
    const now = this.clock.now();
    return [...this.#pending.values()].map((p) => p.proposal).filter((p) => Date.parse(p.expiresAt) > now);
  }

  /** Accepts a pending proposal; false when unknown, already answered or expired. */
  approve(id: string): boolean {
    return this.#answer(id, { outcome: 'approved' });
  }

  /** Refuses a pending proposal; false when unknown, already answered or expired. */
  reject(id: string, reason?: string): boolean {
    return this.#answer(id, { outcome: 'rejected', ...(reason !== undefined ? { reason } : {}) });
  }

  #answer(id: string, outcome: ProposalOutcome): boolean {
    const entry = this.#pending.get(id);
    if (!entry || Date.parse(entry.proposal.expiresAt) <= this.clock.now()) return false;
    entry.settle(outcome);
    return true;
  }

  /**
   * Proposes a decision and waits for its answer: `approve`/`reject`, the callback, expiry after `validityMs` of
   * the clock, or `signal` (the run stopping: rejected). `announce` is called once the proposal can be answered.
   */
  async propose(
    decision: AutopilotDecision,
    validityMs: number,
    announce: (p: AutopilotProposal) => void,
    callback: ((p: AutopilotProposal) => boolean | Promise<boolean>) | undefined,
    signal: AbortSignal,
  ): Promise<ProposalOutcome & { proposal: AutopilotProposal }> {
    const now = this.clock.now();
    this.#count += 1;
    const proposal: AutopilotProposal = {
      id: `${this.runId}-${this.#count}`,
      seq: decision.seq,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + validityMs).toISOString(),
      decision,
      changes: decision.changes.length,
    };
    const stopWait = new AbortController();
    const answered = new Promise<ProposalOutcome>((resolve) => {
      this.#pending.set(proposal.id, { proposal, settle: resolve });
      const stopped = () => resolve({ outcome: 'rejected', reason: 'the autopilot stopped' });
      if (signal.aborted) stopped();
      else signal.addEventListener('abort', stopped, { once: true, signal: stopWait.signal });
      this.clock.sleep(validityMs, stopWait.signal).then(
        () => resolve({ outcome: 'expired' }),
        () => undefined,
      );
      if (callback)
        Promise.resolve()
          .then(() => callback(proposal))
          .then(
            (ok) => resolve(ok ? { outcome: 'approved' } : { outcome: 'rejected', reason: 'onProposal said no' }),
            (error: unknown) => resolve({ outcome: 'rejected', reason: `onProposal failed: ${String(error)}` }),
          );
    });
    announce(proposal);
    const outcome = await answered;
    stopWait.abort();
    this.#pending.delete(proposal.id);
    return { ...outcome, proposal };
  }
}
