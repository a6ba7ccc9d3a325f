// Approve mode: each decision that would write becomes a proposal, written only when accepted within its
// validity (by `approve(id)`, the `onProposal` callback or the CLI prompt); rejected and expired ones are dropped
// and logged. The wait runs on the autopilot's clock, so a test clock decides expiry.
import type { Clock } from '../../internal/clock.js';
import type { GuardedChange } from './decision/guardrails.js';
import type { AutopilotDecision, AutopilotProposalResolution } from './decision-log.js';

/** Approve mode: a decision that is written only when accepted before `expiresAt`. */
export interface AutopilotProposal {
  /** Unique within the run; pass it to `approve` or `reject`. */
  id: string;
  /** The decision's number. */
  seq: number;
  /** ISO time proposed (the autopilot's clock). */
  createdAt: string;
  /** ISO time from which it can no longer be accepted (`policy.proposalValidityMinutes` after `createdAt`). */
  expiresAt: string;
  /** The decision: what it saw, why, and (in `changes`) what it would write. */
  decision: AutopilotDecision;
  /** The changes it would write (the decision's). */
  changes: GuardedChange[];
}

/** What answers a proposal besides `approve`/`reject`: true accepts it, false refuses it. */
export type ProposalCallback = (proposal: AutopilotProposal) => boolean | Promise<boolean>;

type Outcome = Omit<AutopilotProposalResolution, 'id'>;

interface Pending {
  proposal: AutopilotProposal;
  /** Settles the proposal; false when it was already settled (the first answer wins). */
  settle: (outcome: Outcome) => boolean;
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

  #answer(id: string, outcome: Outcome): boolean {
    const entry = this.#pending.get(id);
    if (!entry || Date.parse(entry.proposal.expiresAt) <= this.clock.now()) return false;
    return entry.settle(outcome);
  }

  /**
   * Proposes a decision and waits for its answer: `approve`/`reject`, the callback, expiry after `validityMs` of
   * the clock, or `stopping` (the run stops: rejected). `announce` is called once the proposal can be answered.
   */
  async propose(
    decision: AutopilotDecision,
    validityMs: number,
    announce: (proposal: AutopilotProposal) => void,
    callback: ProposalCallback | undefined,
    stopping: AbortSignal,
  ): Promise<AutopilotProposalResolution> {
    const now = this.clock.now();
    this.#count += 1;
    const proposal: AutopilotProposal = {
      id: `${this.runId}-${this.#count}`,
      seq: decision.seq,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + validityMs).toISOString(),
      decision,
      changes: decision.changes,
    };
    const answered = this.#await(proposal, validityMs, stopping);
    announce(proposal);
    // Not asked when the announcement already answered it.
    if (callback && this.#pending.has(proposal.id))
      void answerBy(callback, proposal, (outcome) => this.#answer(proposal.id, outcome));
    const outcome = await answered;
    return { id: proposal.id, ...outcome };
  }

  /** Registers the proposal and resolves with its first answer: expiry, the run stopping, or approve/reject. */
  #await(proposal: AutopilotProposal, validityMs: number, stopping: AbortSignal): Promise<Outcome> {
    const done = new AbortController();
    return new Promise<Outcome>((resolve) => {
      const settle = (outcome: Outcome) => {
        if (done.signal.aborted) return false;
        done.abort(); // ends the expiry wait and the stop listener
        this.#pending.delete(proposal.id);
        resolve(outcome);
        return true;
      };
      this.#pending.set(proposal.id, { proposal, settle });
      const stopped = () => settle({ outcome: 'rejected', reason: 'the autopilot stopped' });
      if (stopping.aborted) return void stopped();
      stopping.addEventListener('abort', stopped, { once: true, signal: done.signal });
      this.clock.sleep(validityMs, done.signal).then(
        () => settle({ outcome: 'expired' }),
        () => undefined,
      );
    });
  }
}

/** The callback's answer counts like approve/reject (first answer, within validity); its failure is a rejection. */
async function answerBy(
  callback: ProposalCallback,
  proposal: AutopilotProposal,
  answer: (outcome: Outcome) => boolean,
): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = (await callback(proposal))
      ? { outcome: 'approved' }
      : { outcome: 'rejected', reason: 'onProposal said no' };
  } catch (error) {
    outcome = {
      outcome: 'rejected',
      reason: `onProposal failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  answer(outcome);
}
