// Approve mode's proposals on a virtual clock: one accepted, one rejected, one left to expire, one answered by the
// callback; answers after expiry or for unknown ids are refused.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import { ProposalBook } from '../../../src/workflows/autopilot/proposals.js';
import type { AutopilotDecision, AutopilotProposal } from '../../../src/workflows/autopilot/index.js';

const T = Date.parse('2026-11-24T10:00:00Z');
const decision = (seq: number) =>
  ({
    seq,
    at: new Date(T).toISOString(),
    kind: 'adjust',
    changes: [{ userId: 'u1', queueId: 'q1', direction: 'gain' }],
  }) as unknown as AutopilotDecision;
const never = new AbortController().signal;

describe('ProposalBook', () => {
  it('applies only what is accepted within its validity', async () => {
    const clock = virtualClock(T);
    const book = new ProposalBook(clock, 'run');
    const seen: AutopilotProposal[] = [];
    const accepted = await book.propose(
      decision(1),
      300_000,
      (p) => {
        seen.push(p);
        expect(book.list()).toEqual([p]);
        expect(book.approve(p.id)).toBe(true);
      },
      undefined,
      never,
    );
    expect(accepted.outcome).toBe('approved');
    expect(accepted.proposal).toMatchObject({ seq: 1, changes: 1, createdAt: '2026-11-24T10:00:00.000Z' });
    expect(accepted.proposal.expiresAt).toBe('2026-11-24T10:05:00.000Z');

    const rejected = await book.propose(decision(2), 300_000, (p) => book.reject(p.id, 'not now'), undefined, never);
    expect(rejected).toMatchObject({ outcome: 'rejected', reason: 'not now' });

    let late: AutopilotProposal | undefined;
    const expired = await book.propose(decision(3), 300_000, (p) => (late = p), undefined, never);
    expect(expired.outcome).toBe('expired');
    expect(clock.now()).toBe(T + 300_000); // the clock, not a timer, decided
    expect(book.approve(late!.id)).toBe(false);
    expect(book.reject(late!.id)).toBe(false);
    expect(book.approve('unknown')).toBe(false);
    expect(book.list()).toEqual([]);
    expect(seen.map((p) => p.id)).toEqual(['run-1']);
  });

  it('takes the onProposal callback as an answer, and rejects when the run stops', async () => {
    const clock = virtualClock(T);
    const book = new ProposalBook(clock, 'run');
    const yes = await book.propose(
      decision(1),
      60_000,
      () => undefined,
      async () => true,
      never,
    );
    expect(yes.outcome).toBe('approved');
    const no = await book.propose(
      decision(2),
      60_000,
      () => undefined,
      () => false,
      never,
    );
    expect(no).toMatchObject({ outcome: 'rejected', reason: 'onProposal said no' });
    const stop = new AbortController();
    const stopped = await book.propose(decision(3), 60_000, () => stop.abort(), undefined, stop.signal);
    expect(stopped).toMatchObject({ outcome: 'rejected', reason: 'the autopilot stopped' });
  });
});
