// The autopilot's pure parts: the policy file's checks (errors name the field), the pressure rule, the optimizer
// input for the next intervals (guardrails turned into locks and eligibility), and plans built from assignments
// (the way back to the baseline, with membership removals).
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../src/errors/index.js';
import { parseAutopilotPolicy } from '../../../../src/workflows/autopilot/policy.js';
import { livePressure, serviceLevelUpper } from '../../../../src/workflows/autopilot/decision/evidence.js';
import {
  assessQueues,
  guardedChanges,
  replanInput,
  type QueueAssessment,
  type QueueModel,
} from '../../../../src/workflows/autopilot/decision/decide.js';
import { horizonAvailability } from '../../../../src/workflows/autopilot/observe/availability.js';
import { returningAvailability } from '../../../../src/workflows/autopilot/decision/returning.js';
import { nextBoost, replanDue } from '../../../../src/workflows/autopilot/decision/replan-due.js';
import { ratioPosterior } from '../../../../src/workflows/autopilot/decision/reforecast.js';
import {
  diffAssignments,
  sameAssignment,
  type Assignment,
} from '../../../../src/workflows/autopilot/observe/assignment.js';

const issuesOf = (value: unknown) => {
  try {
    parseAutopilotPolicy(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => i.path);
  }
  throw new Error('expected a ValidationError');
};

describe('parseAutopilotPolicy', () => {
  it('fills the defaults', () => {
    const p = parseAutopilotPolicy({});
    expect(p).toMatchObject({ decisionPeriodMinutes: 5, intervalMinutes: 15, calmPeriods: 3, shadow: false });
    expect(p.surgeRatio).toBe(1.3);
    expect(p.confirmReturn).toBe(true);
    expect(issuesOf({ confirmReturn: 'yes' })).toEqual(['confirmReturn']);
    expect(p.abandonment).toBe(false);
    expect(parseAutopilotPolicy({ abandonment: true }).abandonment).toBe(true);
    expect(issuesOf({ abandonment: 'no' })).toEqual(['abandonment']);
    expect(p).toMatchObject({ observe: 'auto', watchSeconds: 60, liveWaitFactor: 4 });
    expect(issuesOf({ observe: 'poll' })).toEqual(['observe']);
    expect(issuesOf({ watchSeconds: 0 })).toEqual(['watchSeconds']);
  });
  it("sizes a re-plan's simulations for a few intervals ahead, within optimizeRouting's bounds", () => {
    expect(parseAutopilotPolicy({})).toMatchObject({
      planContactsPerEvaluation: 30_000,
      planConfirmContacts: 75_000,
      planEffort: 0.05,
      planPatience: 0,
      planTimeLimitMs: 10_000,
    });
    expect(issuesOf({ planContactsPerEvaluation: 999 })).toEqual(['planContactsPerEvaluation']);
    expect(issuesOf({ planConfirmContacts: 60_000_000 })).toEqual(['planConfirmContacts']);
    expect(issuesOf({ planPatience: -1 })).toEqual(['planPatience']);
    expect(issuesOf({ planPatience: 1.5 })).toEqual(['planPatience']);
  });
  it('names the bad field, nested ones included', () => {
    expect(issuesOf({ guardrails: { maxChangesPerHour: -1 } })).toEqual(['guardrails.maxChangesPerHour']);
    expect(issuesOf({ surgeRatio: 0.5 })).toEqual(['surgeRatio']);
    expect(issuesOf({ intervalMinutes: 20 })).toEqual(['intervalMinutes']);
    expect(issuesOf({ guardrails: { quietPeriods: [{ start: '08:00' }] } })).toEqual([
      'guardrails.quietPeriods[0].end',
    ]);
  });
  it('refuses an empty or repeating queueIds, naming the field', () => {
    expect(issuesOf({ queueIds: [] })).toEqual(['queueIds']);
    expect(() => parseAutopilotPolicy({ queueIds: [] })).toThrow(/queueIds: must name at least one queue id/);
    expect(issuesOf({ queueIds: ['q1', 'q2', 'q1'] })).toEqual(['queueIds']);
    const many = Array.from({ length: 5_000 }, () => 'q1');
    expect(() => parseAutopilotPolicy({ queueIds: many })).toThrow(
      'queueIds: lists a queue id more than once (4999 repeats: q1)',
    );
    expect(parseAutopilotPolicy({ queueIds: ['q1', 'q2'] }).queueIds).toEqual(['q1', 'q2']);
  });
  it('refuses an unknown field (a typo is not a guardrail left at its default)', () => {
    expect(issuesOf({ guardrails: { maxChangesPerHr: 3 } }).join()).toMatch(/guardrails/);
  });
  it('checks the guardrails the schema cannot (a queue both gain-only and lose-only)', () => {
    expect(issuesOf({ guardrails: { gainOnlyQueueIds: ['q'], loseOnlyQueueIds: ['q'] } })).toEqual([
      'guardrails.gainOnlyQueueIds',
    ]);
  });
});

const DAY = Date.parse('2026-11-24T00:00:00Z');
const Q = (id: string): QueueModel => ({
  id,
  skillId: `s-${id}`,
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  forecast: new Array<number>(96).fill(20),
});
const opts = { dayStart: DAY, intervalMinutes: 15, horizonIntervals: 4, surgeRatio: 1.2 };

describe('assessQueues', () => {
  it('sees a surge at twice the forecast and not a queue on forecast', () => {
    const now = DAY + 40 * 900_000 + 450_000; // half-way through interval 40
    const offered = (k: number) => Array.from({ length: 41 }, (_, i) => (i >= 37 ? 20 * k : 20) * (i === 40 ? 0.5 : 1));
    const [a, b] = assessQueues(
      [Q('a'), Q('b')],
      {
        a: { offered: offered(2), serviceLevel: [] },
        b: { offered: offered(1), serviceLevel: [] },
      },
      { ...opts, now },
    );
    expect(a?.pressure).toBe(true);
    expect(a?.low).toBeGreaterThan(1.2);
    expect(a?.predicted).toHaveLength(4);
    expect(b?.pressure).toBe(false);
    expect(b?.why).toMatch(/on forecast/);
  });
  it('under pressure, plans for at least the recent rate of calls, whatever the forecast', () => {
    // The forecast says 10 calls per interval; the last one had 30 and this one 15 in its first half.
    const now = DAY + 40 * 900_000 + 450_000;
    const low = { ...Q('a'), forecast: new Array<number>(96).fill(10) };
    const offered = Array.from({ length: 41 }, (_, i) => (i === 39 ? 30 : i === 40 ? 15 : 10));
    const [a] = assessQueues([low], { a: { offered, serviceLevel: [] } }, { ...opts, now });
    expect(a?.pressure).toBe(true);
    expect(a?.recentRate).toBeCloseTo(45 / 1.5, 5);
    for (const c of a!.predicted) expect(c).toBeGreaterThanOrEqual(45 / 1.5 - 1e-9);
    // A queue not under pressure keeps the re-forecast.
    const calm = Array.from({ length: 41 }, () => 10);
    const [b] = assessQueues([low], { a: { offered: calm, serviceLevel: [] } }, { ...opts, now });
    expect(b?.pressure).toBe(false);
    expect(Math.max(...b!.predicted)).toBeLessThan(11);
  });
  it('counts a missed target only with enough calls in the last interval', () => {
    const now = DAY + 41 * 900_000;
    const obs = (calls: number) => ({
      offered: Array.from({ length: 42 }, (_, i) => (i === 40 ? calls : 20)),
      serviceLevel: Array.from({ length: 42 }, () => 0.5),
    });
    expect(assessQueues([Q('a')], { a: obs(4) }, { ...opts, now })[0]?.pressure).toBe(false);
    expect(assessQueues([Q('a')], { a: obs(20) }, { ...opts, now })[0]?.pressure).toBe(true);
  });
  it('counts a miss only beyond chance: the upper end of its 90 % interval below the target', () => {
    const now = DAY + 41 * 900_000;
    const obs = (calls: number, level: number) => ({
      offered: Array.from({ length: 42 }, (_, i) => (i === 40 ? calls : 20)),
      serviceLevel: Array.from({ length: 42 }, (_, i) => (i === 40 ? level : 1)),
    });
    // 12 of 16 calls in time against 80 %: up to 0.86, chance. 18 of 30: at most 0.71, a miss.
    expect(serviceLevelUpper(0.75, 16)).toBeCloseTo(0.861, 3);
    expect(serviceLevelUpper(0.6, 30)).toBeCloseTo(0.707, 3);
    expect(assessQueues([Q('a')], { a: obs(16, 0.75) }, { ...opts, now })[0]?.pressure).toBe(false);
    const missed = assessQueues([Q('a')], { a: obs(30, 0.6) }, { ...opts, now })[0];
    expect(missed?.pressure).toBe(true);
    expect(missed?.why).toMatch(/service level 0.600 below its target 0.8 in the last interval \(30 calls\)/);
  });
  it('counts a miss on calls at forecast only when the interval before shares it (two intervals pooled)', () => {
    const now = DAY + 41 * 900_000;
    const onForecast = { ...Q('a'), forecast: new Array<number>(96).fill(30) };
    const obs = (before: number) => ({
      offered: new Array<number>(41).fill(30), // interval 41 has just begun: no calls yet
      serviceLevel: Array.from({ length: 42 }, (_, i) => (i === 40 ? 0.6 : i === 39 ? before : 1)),
    });
    // 18 of 30 is beyond chance alone, but with 30 of 30 before it the half hour is 48 of 60: up to 0.86.
    const dip = assessQueues([onForecast], { a: obs(1) }, { ...opts, now })[0];
    expect(dip?.pressure).toBe(false);
    expect(dip?.why).toMatch(/on forecast/);
    // 36 of 60 (both at 0.6): a shortage.
    expect(assessQueues([onForecast], { a: obs(0.6) }, { ...opts, now })[0]?.pressure).toBe(true);
    // The day's first complete interval stands alone.
    const first = { offered: [30, 10], serviceLevel: [0.6, 1] };
    const early = assessQueues([onForecast], { a: first }, { ...opts, now: DAY + 900_000 + 60_000 })[0];
    expect(early?.pressure).toBe(true);
  });
  it("counts a miss within chance when the day's re-forecast is at the surge ratio (a surge explains it)", () => {
    const now = DAY + 41 * 900_000;
    const ten = { ...Q('a'), forecast: new Array<number>(96).fill(10) };
    // 11 of 14 calls in time against 0.80 is chance alone; the calls of the last hours at 1.4x the forecast are not.
    const obs = (calls: number) => ({
      offered: Array.from({ length: 42 }, (_, i) => (i >= 36 && i <= 40 ? calls : 10)),
      serviceLevel: Array.from({ length: 42 }, (_, i) => (i === 40 ? 11 / 14 : 1)),
    });
    const surge = assessQueues([ten], { a: obs(14) }, { ...opts, surgeRatio: 1.3, now })[0];
    expect(surge?.ratio).toBeGreaterThanOrEqual(1.3);
    expect(surge?.low).toBeLessThan(1.3);
    expect(surge?.pressure).toBe(true);
    expect(surge?.why).toMatch(/below its target 0.8 in the last interval \(14 calls\)/);
    // The same miss on calls at forecast stays chance.
    const onForecast = { ...obs(10), serviceLevel: obs(10).serviceLevel.map((l, i) => (i === 40 ? 0.7 : l)) };
    expect(assessQueues([ten], { a: onForecast }, { ...opts, surgeRatio: 1.3, now })[0]?.pressure).toBe(false);
  });
  it('counts a miss within chance when the last two intervals ran above the forecast beyond chance', () => {
    // A x1.5 surge began half an hour ago: 26 and 24 calls where the forecast said 19 and 16. The day's posterior
    // ratio is still near 1, and 0.619 of 24 calls against 0.70 is within chance (up to 0.73).
    const now = DAY + 42 * 900_000;
    const forecast = Array.from({ length: 96 }, (_, i) => (i === 40 ? 19 : i === 41 ? 16 : 18));
    const q = { ...Q('a'), forecast, target: { ...Q('a').target, serviceLevel: 0.7 } };
    const obs = (a: number, b: number) => ({
      offered: Array.from({ length: 42 }, (_, i) => (i === 40 ? a : i === 41 ? b : forecast[i]!)),
      serviceLevel: Array.from({ length: 42 }, (_, i) => (i === 41 ? 0.619 : 1)),
    });
    expect(serviceLevelUpper(0.619, 24)).toBeGreaterThan(0.7);
    const surge = assessQueues([q], { a: obs(26, 24) }, { ...opts, surgeRatio: 1.3, now })[0];
    expect(surge?.ratio).toBeLessThan(1.3);
    expect(surge?.pressure).toBe(true);
    expect(surge?.why).toMatch(/0.619 below its target 0.7 in the last interval \(24 calls\)/);
    // The same miss with the calls at forecast is chance.
    expect(assessQueues([q], { a: obs(19, 24) }, { ...opts, surgeRatio: 1.3, now })[0]?.pressure).toBe(false);
  });
});

describe('live pressure (the notification stream picture)', () => {
  const now = DAY + 44 * 900_000 + 360_000; // 11:06
  const live = (waiting: number, waitedSeconds: number, onQueueUsers = 12) => ({
    waiting,
    interacting: 8,
    onQueueUsers,
    oldestWaitingSince: waiting > 0 ? now - waitedSeconds * 1000 : undefined,
    updatedAt: now,
  });
  it('is a call waiting 4x the threshold, or more calls waiting than a quarter of the agents (at least 3)', () => {
    const q = Q('a'); // 80 % in 20 s
    expect(livePressure(q, live(2, 79), now)).toBeUndefined();
    expect(livePressure(q, live(2, 80), now)).toMatch(/waited 80 s \(4x the 20 s target\), 2 waiting now/);
    expect(livePressure(q, live(2, 50), now, 2)).toMatch(/waited 50 s/);
  });
  it('needs a second call lost to the target before a long wait counts (minimum evidence)', () => {
    const q = Q('a');
    // One caller waiting long with every other call answered in time: bad luck in who is free, not a shortage.
    expect(livePressure(q, live(1, 200), now)).toBeUndefined();
    expect(livePressure(q, live(1, 200), now, 4, 0)).toBeUndefined();
    expect(livePressure(q, live(1, 80), now, 4, 1)).toMatch(/1 waiting now, 1 answered late or lost since/);
    expect(livePressure(q, live(2, 10), now)).toBeUndefined();
    expect(livePressure(q, live(3, 10), now)).toMatch(/3 calls waiting at once/);
    expect(livePressure(q, live(3, 10, 20), now)).toBeUndefined(); // 20 agents: pressure from 5
    expect(livePressure(q, live(0, 0), now)).toBeUndefined();
    expect(livePressure(q, undefined, now)).toBeUndefined();
  });
  it('counts a long wait only when the calls lost with those waiting put the span below its target', () => {
    const q = Q('a'); // 80 %: 2 of 10 calls may miss the threshold
    // 1 lost of 22 offered, 2 waiting: 3 of 24 late at worst, 88 % in time: the queue still meets its target.
    expect(livePressure(q, live(2, 86), now, 4, 1, 22)).toBeUndefined();
    // 4 lost of 12 offered, 2 waiting: 6 of 14 late, 57 % in time.
    expect(livePressure(q, live(2, 86), now, 4, 4, 12)).toMatch(/waited 86 s/);
    // The pile rule does not wait for the span: 3 callers at once on 12 agents is pressure now.
    expect(livePressure(q, live(3, 10), now, 4, 0, 40)).toMatch(/3 calls waiting at once/);
  });
  it('puts a queue under pressure before the counts do, planning for the calls of this interval so far', () => {
    const interval = 44;
    // On forecast until interval 44, which runs at twice it so far (a surge that began minutes ago), half of its
    // calls answered late.
    const offered = Array.from({ length: interval + 1 }, (_, i) => (i === interval ? 16 : 20));
    const counts = {
      offered,
      serviceLevel: Array.from({ length: interval + 1 }, (_, i) => (i === interval ? 0.5 : 0.9)),
    };
    const [calm] = assessQueues([Q('a')], { a: counts }, { ...opts, now });
    expect(calm?.pressure).toBe(false);
    // The same long wait with the span's calls still at target (9 of 10 in time) is no evidence yet.
    const inTime = { offered, serviceLevel: Array.from({ length: interval + 1 }, () => 0.9), live: live(1, 90) };
    expect(assessQueues([Q('a')], { a: inTime }, { ...opts, now })[0]?.pressure).toBe(false);
    const [early] = assessQueues([Q('a')], { a: { ...counts, live: live(1, 90) } }, { ...opts, now });
    expect(early?.pressure).toBe(true);
    expect(early?.livePressure).toMatch(/waited 90 s/);
    expect(early?.live).toEqual({ waiting: 1, oldestWaitSeconds: 90, onQueueUsers: 12 });
    // 16 calls in 6 minutes of a 20-call interval: 2x raw; the plan takes the upper end of its posterior ratio,
    // shrunk toward the forecast by the 20 calls' worth of prior.
    const posterior = ratioPosterior(16, 8, 20);
    expect(posterior.high).toBeGreaterThan(1.5);
    expect(posterior.high).toBeLessThan(2);
    expect(early!.predicted[0]! / calm!.predicted[0]!).toBeCloseTo(posterior.high / calm!.ratio, 5);
  });
  it('plans for the calls of an interval’s first minutes when callers pile up in them', () => {
    // Two minutes into interval 44 (2.7 calls forecast so far): 9 calls, 6 waiting at once with 12 agents on
    // queue (a surge that began at the interval's start); the interval before on forecast.
    const at = DAY + 44 * 900_000 + 120_000;
    const offered = Array.from({ length: 45 }, (_, i) => (i === 44 ? 9 : 20));
    const serviceLevel = Array.from({ length: 45 }, () => 0.9);
    const pile = { ...live(6, 40), oldestWaitingSince: at - 40_000, updatedAt: at };
    const [calm] = assessQueues([Q('a')], { a: { offered, serviceLevel } }, { ...opts, now: at });
    const [early] = assessQueues([Q('a')], { a: { offered, serviceLevel, live: pile } }, { ...opts, now: at });
    expect(calm?.pressure).toBe(false);
    expect(early?.livePressure).toMatch(/6 calls waiting at once/);
    // The posterior of 9 calls where 2.7 were expected, with its 20 calls' worth of prior: 1.28x, up to 1.69x.
    const posterior = ratioPosterior(9, (20 * 2) / 15, 20);
    expect(posterior.high).toBeGreaterThan(1.65);
    expect(early!.predicted[1]! / calm!.predicted[1]!).toBeCloseTo(posterior.high / calm!.ratio, 5);
  });
  it('keeps a reinforced queue holding while its recent calls run above halfway to the surge ratio', () => {
    const at = DAY + 45 * 900_000 + 60_000;
    const obs = (last: number) => ({
      offered: Array.from({ length: 46 }, (_, i) => (i === 44 ? last : i === 45 ? 1 : 20)),
      serviceLevel: Array.from({ length: 46 }, () => 0.95),
    });
    const sustain = new Set(['a']);
    const [held] = assessQueues([Q('a')], { a: obs(30) }, { ...opts, now: at, sustain });
    expect(held?.pressure).toBe(true);
    expect(held?.holding).toBe(true);
    // 30 calls against 20 forecast: 1.25x once shrunk by the prior (50 / 40), not the raw 1.5x.
    expect(held?.why).toMatch(/still at 1.25x/);
    // 23 calls: 1.15x raw, 1.075x shrunk: a few calls over the forecast do not keep a surge alive.
    expect(assessQueues([Q('a')], { a: obs(23) }, { ...opts, now: at, sustain })[0]?.pressure).toBe(false);
    expect(assessQueues([Q('a')], { a: obs(30) }, { ...opts, now: at })[0]?.pressure).toBe(false); // not reinforced
  });
  it('holds a reinforced queue without adding to it: holding queues are not eligible for gains', () => {
    const at = DAY + 45 * 900_000 + 60_000;
    const offered = Array.from({ length: 46 }, (_, i) => (i === 44 ? 30 : i === 45 ? 1 : 20));
    const [held] = assessQueues(
      [Q('a')],
      { a: { offered, serviceLevel: offered.map(() => 0.95) } },
      {
        ...opts,
        now: at,
        sustain: new Set(['a']),
      },
    );
    const input = replanInput({
      queues: [Q('a')],
      assessments: [held!],
      holds: { u1: { b: 1 } },
      onQueue: new Set(['u1']),
      intervalMinutes: 15,
      guardrails: {},
      maxChanges: 5,
    });
    expect(input.agents[0]?.eligible).toEqual([]);
  });
});

describe('replanInput', () => {
  it('plans with the agents on queue now, and turns the guardrails into locks and eligibility', () => {
    const input = replanInput({
      queues: [Q('a'), Q('b'), Q('c'), Q('d')],
      // Every queue but d is under pressure: d (on forecast, at target) gains nobody.
      assessments: ['a', 'b', 'c', 'd'].map(
        (queueId) => ({ queueId, pressure: queueId !== 'd', predicted: [20] }) as unknown as QueueAssessment,
      ),
      holds: { u1: { a: 3 }, u2: { b: 2 }, u3: { c: 4 }, off: { a: 5 } },
      onQueue: new Set(['u1', 'u2', 'u3']),
      intervalMinutes: 15,
      guardrails: { lockedUserIds: ['u3'], gainOnlyQueueIds: ['a'], loseOnlyQueueIds: ['b'], minHoldersPerQueue: 2 },
      maxChanges: 5,
    });
    expect(input.agents.map((a) => a.id)).toEqual(['u1', 'u2', 'u3']);
    expect(input.constraints).toMatchObject({ maxChanges: 5, maxChangesPerAgent: 1, minHoldersPerQueue: 2 });
    expect(input.constraints?.locked).toEqual([
      { agentId: 'u1', queueId: 'a' }, // gain-only: a holder may not lose it
      { agentId: 'u3', queueId: 'c' }, // a locked agent keeps what it holds
    ]);
    expect(input.agents.find((a) => a.id === 'u3')?.eligible).toEqual([]);
    expect(input.agents.find((a) => a.id === 'u1')?.eligible).toEqual(['a', 'c']); // lose-only b and calm d gain nobody
  });
  it("models hang-ups with a queue's patience, and none for a queue without one", () => {
    const input = replanInput({
      queues: [{ ...Q('a'), patienceSeconds: 160 }, Q('b')],
      assessments: ['a', 'b'].map(
        (queueId) => ({ queueId, pressure: true, predicted: [20] }) as unknown as QueueAssessment,
      ),
      holds: { u1: { a: 3 }, u2: { b: 2 } },
      onQueue: new Set(['u1', 'u2']),
      intervalMinutes: 15,
      guardrails: {},
      maxChanges: 5,
    });
    expect(input.queues.find((q) => q.id === 'a')?.patienceSeconds).toBe(160);
    expect(input.queues.find((q) => q.id === 'b')).not.toHaveProperty('patienceSeconds');
  });
  it('lets only agents who hold a queue under pressure drop a queue; the others may still gain one', () => {
    const input = replanInput({
      queues: [Q('a'), Q('b'), Q('c')],
      // a is under pressure; b and c are calm (the model may still find them short).
      assessments: ['a', 'b', 'c'].map(
        (queueId) => ({ queueId, pressure: queueId === 'a', predicted: [20] }) as unknown as QueueAssessment,
      ),
      holds: { u1: { a: 3, b: 2 }, u2: { b: 2, c: 1 } },
      onQueue: new Set(['u1', 'u2']),
      intervalMinutes: 15,
      guardrails: {},
      maxChanges: 5,
    });
    expect(input.constraints?.locked).toEqual([
      { agentId: 'u2', queueId: 'b' },
      { agentId: 'u2', queueId: 'c' },
    ]);
    expect(input.agents.find((a) => a.id === 'u2')?.eligible).toEqual(['a']);
    expect(input.agents.find((a) => a.id === 'u1')?.eligible).toEqual(['a']);
  });
  it('gives each agent their usual time on queue over the horizon (shifts and breaks), on queue now counting as on', () => {
    const usual = new Array<number>(96).fill(0);
    for (let i = 36; i < 42; i++) usual[i] = 1; // 09:00-10:30, then off shift
    usual[42] = 0.5;
    expect(horizonAvailability(usual, 40, 4)).toEqual([1, 1, 0.5, 0]);
    expect(horizonAvailability(usual, 36, 4)).toBeUndefined(); // on queue throughout: nothing to say
    expect(horizonAvailability(undefined, 40, 4)).toBeUndefined(); // no history: as now
    const input = replanInput({
      queues: [Q('a')],
      assessments: [{ queueId: 'a', pressure: true, predicted: [20, 20, 20, 20] } as unknown as QueueAssessment],
      holds: { u1: { a: 3 }, u2: {} },
      onQueue: new Set(['u1', 'u2']),
      intervalMinutes: 15,
      guardrails: {},
      maxChanges: 5,
      availability: (id) => (id === 'u2' ? horizonAvailability(usual, 40, 4) : undefined),
    });
    expect(input.agents.find((a) => a.id === 'u2')?.available).toEqual([1, 1, 0.5, 0]);
    expect(input.agents.find((a) => a.id === 'u1')?.available).toBeUndefined();
  });
  it('counts agents who usually come back within the horizon, changing nothing of theirs', () => {
    const usual = new Array<number>(96).fill(0);
    for (let i = 36; i < 44; i++) usual[i] = 1; // 09:00-11:00
    usual[40] = 0; // a break 10:00-10:15
    usual[41] = 0.5;
    expect(returningAvailability(usual, 40, 4)).toEqual([0, 0.5, 1, 1]); // on a break now: back from 10:15
    expect(returningAvailability(usual, 38, 4)).toBeUndefined(); // usually on queue now: away, return unknown
    expect(returningAvailability(usual, 44, 4)).toBeUndefined(); // off shift for the rest of the horizon
    expect(returningAvailability(undefined, 40, 4)).toBeUndefined();
    const input = replanInput({
      queues: [Q('a'), Q('b')],
      assessments: [{ queueId: 'a', pressure: true, predicted: [20, 20, 20, 20] } as unknown as QueueAssessment],
      holds: { u1: { a: 3 }, u3: { a: 2, b: 1 }, u4: {} },
      onQueue: new Set(['u1']),
      intervalMinutes: 15,
      guardrails: {},
      maxChanges: 5,
      returning: new Map([
        ['u3', [0, 0.5, 1, 1]],
        ['u4', [0, 1, 1, 1]], // holds no watched queue: not modelled
      ]),
    });
    expect(input.agents.map((a) => a.id)).toEqual(['u1', 'u3']);
    expect(input.agents[1]).toMatchObject({ skills: { a: 2, b: 1 }, eligible: [], available: [0, 0.5, 1, 1] });
    expect(input.constraints?.locked).toEqual([
      { agentId: 'u3', queueId: 'a' },
      { agentId: 'u3', queueId: 'b' },
    ]);
  });
  it('puts gains into queues under pressure first', () => {
    const changes = guardedChanges(
      {
        changes: [
          { agentId: 'x', queueId: 'b', action: 'remove', before: 1, after: null, reason: '' },
          { agentId: 'y', queueId: 'c', action: 'add', before: null, after: 1, reason: '' },
          { agentId: 'z', queueId: 'a', action: 'add', before: null, after: 1, reason: '' },
        ],
      },
      new Set(['a']),
    );
    expect(changes.map((c) => c.userId)).toEqual(['z', 'y', 'x']);
  });
});

describe('replanDue', () => {
  const at = DAY + 44 * 900_000 + 360_000; // 11:06, interval 44
  const last = { at, ratios: new Map([['a', 2]]), calls: new Map([['a', 30]]) };
  const a = (o: Partial<QueueAssessment>) =>
    ({ queueId: 'a', ratio: 2, recentRate: 25, lastServiceLevel: 0.9, target: 0.8, ...o }) as QueueAssessment;
  it('re-plans on new pressure, growth, a recent rate above the plan, a new interval or a miss after the plan', () => {
    expect(replanDue(undefined, DAY, 15, [a({})], at)).toEqual({ missed: [] });
    expect(replanDue(last, DAY, 15, [a({})], at + 5 * 60_000)).toBeUndefined(); // same interval, nothing new
    expect(replanDue(last, DAY, 15, [a({ queueId: 'b' })], at + 5 * 60_000)).toEqual({ missed: [] });
    expect(replanDue(last, DAY, 15, [a({ ratio: 2.4 })], at + 5 * 60_000)).toEqual({ missed: [] });
    expect(replanDue(last, DAY, 15, [a({ recentRate: 36 })], at + 5 * 60_000)).toEqual({ missed: [] });
    expect(replanDue(last, DAY, 15, [a({})], at + 10 * 60_000)).toEqual({ missed: [] }); // 11:16: a new interval
    // 11:16: the interval that missed (11:00-11:15) began before the plan: not the plan's miss.
    expect(replanDue(last, DAY, 15, [a({ lastServiceLevel: 0.5 })], at + 10 * 60_000)).toEqual({ missed: [] });
    // 11:31: 11:15-11:30 began after the plan and still missed.
    expect(replanDue(last, DAY, 15, [a({ lastServiceLevel: 0.5 })], at + 25 * 60_000)).toEqual({ missed: ['a'] });
    // 11:31: b missed too, but the plan at 11:06 did not size b (no pressure then): new pressure, not a plan's miss.
    const both = [a({ lastServiceLevel: 0.5 }), a({ queueId: 'b', lastServiceLevel: 0.5 })];
    expect(replanDue(last, DAY, 15, both, at + 25 * 60_000)).toEqual({ missed: ['a'] });
  });
  it('sizes the next plan 1.25x larger per miss, up to 2x', () => {
    expect(nextBoost(undefined)).toBe(1.25);
    expect(nextBoost(1.25)).toBeCloseTo(1.5625, 10);
    expect(nextBoost(1.9)).toBe(2);
  });
});

describe('diffAssignments', () => {
  it('gives the plan entries back to a baseline, membership removals included', () => {
    const baseline: Assignment = { skills: { u: { s1: 3 } }, queues: { u: ['q1'] } };
    const now: Assignment = { skills: { u: { s1: 3, s2: 1 } }, queues: { u: ['q1', 'q2'] } };
    const back = diffAssignments(now, baseline, 'back');
    expect(back.changes).toEqual([
      { userId: 'u', skillId: 's2', action: 'remove', before: 1, after: null, reasons: ['back'] },
    ]);
    expect(back.memberships).toEqual([{ userId: 'u', queueId: 'q2', action: 'remove', reason: 'back' }]);
    expect(sameAssignment(baseline, now)).toBe(false);
    expect(sameAssignment(baseline, structuredClone(baseline))).toBe(true);
  });
});
