// Approve mode's proposals on a virtual clock: one accepted, one rejected, one left to expire, some answered by the
// callback; the first answer wins, and answers after expiry or for unknown ids are refused.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import { ProposalBook, type AutopilotProposal } from '../../../src/workflows/autopilot/proposals.js';
import { parseAutopilotPolicy, type AutopilotDecision } from '../../../src/workflows/autopilot/index.js';

const T = Date.parse('2026-11-24T10:00:00Z');
const decision = (seq: number): AutopilotDecision => ({
  seq,
  at: new Date(T).toISOString(),
  kind: 'adjust',
  queues: [],
  onQueue: 10,
  proposed: [],
  refused: [],
  changes: [{ userId: 'u1', queueId: 'q1', direction: 'gain' }],
  why: 'under pressure',
  shadow: false,
});
const never = new AbortController().signal;
const quiet = () => undefined;

describe('ProposalBook', () => {
  it('accepts one, rejects one and lets one expire, on the clock', async () => {
    const clock = virtualClock(T);
    const book = new ProposalBook(clock, 'run');
    const seen: AutopilotProposal[] = [];
    const accept = (p: AutopilotProposal) => {
      seen.push(p);
      expect(book.list()).toEqual([p]);
      expect(book.approve(p.id)).toBe(true);
      expect(book.reject(p.id, 'second thoughts')).toBe(false); // the first answer wins
    };
    expect(await book.propose(decision(1), 300_000, accept, undefined, never)).toEqual({
      id: 'run-1',
      outcome: 'approved',
    });
    expect(seen[0]).toMatchObject({
      seq: 1,
      createdAt: '2026-11-24T10:00:00.000Z',
      expiresAt: '2026-11-24T10:05:00.000Z',
      changes: [{ userId: 'u1', queueId: 'q1', direction: 'gain' }],
    });
    expect(book.list()).toEqual([]);

    const reject = (p: AutopilotProposal) => void book.reject(p.id, 'not now');
    expect(await book.propose(decision(2), 300_000, reject, undefined, never)).toEqual({
      id: 'run-2',
      outcome: 'rejected',
      reason: 'not now',
    });

    let late: AutopilotProposal | undefined;
    const expired = await book.propose(decision(3), 300_000, (p) => (late = p), undefined, never);
    expect(expired).toEqual({ id: 'run-3', outcome: 'expired' });
    expect(clock.now()).toBe(T + 300_000); // the clock, not a timer, decided
    expect(book.approve(late!.id)).toBe(false);
    expect(book.reject(late!.id)).toBe(false);
    expect(book.approve('unknown')).toBe(false);
    expect(book.list()).toEqual([]);
  });

  it('refuses an answer from the instant of expiry, even before the expiry wait wakes', async () => {
    let now = T;
    const sleepers: Array<() => void> = [];
    const held = { now: () => now, sleep: () => new Promise<void>((resolve) => sleepers.push(resolve)) };
    const book = new ProposalBook(held, 'run');
    let id = '';
    const answered = book.propose(decision(1), 60_000, (p) => (id = p.id), undefined, never);
    now = T + 59_999;
    expect(book.list().map((p) => p.id)).toEqual([id]);
    now = T + 60_000;
    expect(book.list()).toEqual([]);
    expect(book.approve(id)).toBe(false);
    sleepers.forEach((wake) => wake());
    expect(await answered).toEqual({ id, outcome: 'expired' });
  });

  it('takes the onProposal callback as an answer, and rejects when the run stops', async () => {
    const book = new ProposalBook(virtualClock(T), 'run');
    const yes = await book.propose(decision(1), 60_000, quiet, async () => true, never);
    expect(yes.outcome).toBe('approved');
    const no = await book.propose(decision(2), 60_000, quiet, () => false, never);
    expect(no).toMatchObject({ outcome: 'rejected', reason: 'onProposal said no' });
    const broken = await book.propose(decision(3), 60_000, quiet, () => Promise.reject(new Error('tty gone')), never);
    expect(broken).toMatchObject({ outcome: 'rejected', reason: 'onProposal failed: tty gone' });
    // The announcement answered first: the callback is not asked.
    let asked = false;
    const first = await book.propose(
      decision(4),
      60_000,
      (p) => book.approve(p.id),
      () => (asked = true),
      never,
    );
    expect([first.outcome, asked]).toEqual(['approved', false]);
    const stop = new AbortController();
    const stopped = await book.propose(decision(5), 60_000, () => stop.abort(), undefined, stop.signal);
    expect(stopped).toMatchObject({ outcome: 'rejected', reason: 'the autopilot stopped' });
  });
});

describe("the policy's mode", () => {
  it('is auto by default, shadow with shadow: true, and a proposal lasts one decision period unless told', () => {
    expect(parseAutopilotPolicy({})).toMatchObject({ mode: 'auto', shadow: false, proposalValidityMinutes: 5 });
    expect(parseAutopilotPolicy({ shadow: true })).toMatchObject({ mode: 'shadow', shadow: true });
    expect(parseAutopilotPolicy({ mode: 'shadow' })).toMatchObject({ mode: 'shadow', shadow: true });
    expect(parseAutopilotPolicy({ mode: 'approve', decisionPeriodMinutes: 15 })).toMatchObject({
      mode: 'approve',
      shadow: false,
      proposalValidityMinutes: 15,
    });
    expect(parseAutopilotPolicy({ mode: 'approve', proposalValidityMinutes: 2 }).proposalValidityMinutes).toBe(2);
  });
  it('refuses an unknown mode, shadow: true with another mode, and a validity of zero, naming the field', () => {
    expect(() => parseAutopilotPolicy({ mode: 'manual' })).toThrow(/mode/);
    expect(() => parseAutopilotPolicy({ mode: 'auto', shadow: true })).toThrow(
      /shadow: is true but mode is 'auto': set one of them/,
    );
    expect(() => parseAutopilotPolicy({ proposalValidityMinutes: 0 })).toThrow(/proposalValidityMinutes/);
    expect(() => parseAutopilotPolicy({ proposalValidityMinute: 5 })).toThrow(/did you mean proposalValidityMinutes/);
  });
});
