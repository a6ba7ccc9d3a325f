// Cases the fuzz suite found, pinned one by one (each failed before its fix). The suite itself is in
// queueing/planning/root.test.ts; see docs/testing.md.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/optimizer/index.js';
import { diffRoutingConfig, normalizeWeights } from '../../src/optimizer/planning/index.js';
import { isValidationError, matchTopic, regionBaseUrls, type ValidationError } from '../../src/index.js';
import { isWithinWindow, nextWindow, parsePlan, parseSnapshot } from '../../src/workflows/index.js';
import { parseEventBridgeEvent } from '../../src/webhooks/index.js';

function issuePaths(fn: () => unknown): string[] {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isValidationError(caught), `expected a ValidationError, got ${String(caught)}`).toBe(true);
  return (caught as ValidationError).issues.map((i) => i.path);
}

let deep: unknown = 'x';
for (let i = 0; i < 20_000; i++) deep = [deep];

describe('fuzz findings', () => {
  it('normalizeWeights: a total of 1e308 returned Infinity shares; now beyond 2^53 units it is refused', () => {
    expect(issuePaths(() => normalizeWeights([2, 1, 1], { total: 1e308 }))).toEqual(['options.total']);
    expect(issuePaths(() => normalizeWeights([1, 1], { total: 1e20, decimals: 0 }))).toEqual(['options.total']);
    expect(normalizeWeights([1, 1], { total: 2 ** 40, decimals: 0 })).toEqual([2 ** 39, 2 ** 39]);
  });

  it('diffRoutingConfig: a `constructor` or `toString` key on one side was compared with the prototype function', () => {
    const r = diffRoutingConfig(
      { queues: [{ id: 'q', name: 'Q' }] },
      { queues: [{ id: 'q', name: 'Q', constructor: 'x', toString: 1 }] },
    );
    expect(r.changed.map((c) => [c.path.split('.').pop(), c.before, c.after])).toEqual([
      ['constructor', undefined, 'x'],
      ['toString', undefined, 1],
    ]);
  });

  it('matchTopic and regionBaseUrls: a non-string overflowed the stack (deep array) or threw TypeError (symbol)', () => {
    expect(issuePaths(() => matchTopic(deep as string))).toEqual(['topicName']);
    expect(issuePaths(() => matchTopic(Symbol('t') as unknown as string))).toEqual(['topicName']);
    expect(regionBaseUrls(deep as string)).toBeUndefined();
  });

  it('parseEventBridgeEvent: null options threw TypeError; non-JSON values in a parsed event passed through', async () => {
    const event = {
      version: '0',
      id: 'e',
      'detail-type': 't',
      source: 'aws.partner/genesys.com/x',
      account: '1',
      time: 't',
      region: 'r',
      resources: [],
      detail: { topicName: 'v2.other', eventBody: { n: Infinity } },
    };
    const paths = (p: Promise<unknown>) =>
      p.then(
        () => [],
        (e: ValidationError) => e.issues.map((i) => i.path),
      );
    expect(await paths(parseEventBridgeEvent(event, null as never))).toEqual(['options']);
    expect(await paths(parseEventBridgeEvent(event))).toEqual(['detail.eventBody.n']);
  });

  it('parsePlan: a bigint headcount and a cyclic summary passed as a valid plan', () => {
    const metrics = { agents: 1, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
    const plan = {
      kind: 'genesys-routing-sdk/skill-plan',
      version: 1,
      id: 'p',
      createdAt: 'c',
      source: 's',
      org: 'o',
      changes: [],
      skipped: [],
      violations: [],
      impact: [{ queueId: 'q', before: metrics, after: metrics }],
      summary: {},
    };
    expect(parsePlan(plan).id).toBe('p');
    expect(
      issuePaths(() =>
        parsePlan({ ...plan, impact: [{ queueId: 'q', before: { ...metrics, headcount: 1n }, after: metrics }] }),
      ),
    ).toEqual(['impact[0].before.headcount']);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(issuePaths(() => parsePlan({ ...plan, summary: cyclic }))[0]).toMatch(/^summary\.self/);
  });

  it('parseSnapshot: a wrong version was reported as a wrong kind', () => {
    expect(
      issuePaths(() =>
        parseSnapshot({
          kind: 'genesys-routing-sdk/routing-snapshot',
          version: 3,
          takenAt: 't',
          org: 'o',
          queues: [],
          skills: [],
          members: [],
          userSkills: [],
        }),
      ),
    ).toEqual(['version']);
  });

  it('change windows: days that are not an array, a bad date or zone threw TypeError / RangeError', () => {
    const w = { start: '22:00', end: '06:00' };
    expect(issuePaths(() => isWithinWindow({ ...w, days: 'mon' as never }))).toEqual(['windows[0].days']);
    expect(issuePaths(() => isWithinWindow([null as never]))).toEqual(['windows[0]']);
    expect(issuePaths(() => isWithinWindow({ start: 2200 as never, end: '06:00' }))).toEqual(['windows[0].start']);
    expect(issuePaths(() => isWithinWindow(w, new Date(Number.NaN)))).toEqual(['at']);
    expect(issuePaths(() => nextWindow(w, 'tomorrow' as never))).toEqual(['from']);
    expect(issuePaths(() => nextWindow(w, new Date(), { timeZone: 1n as never }))).toEqual(['timeZone']);
    expect(issuePaths(() => nextWindow(w, new Date(), null as never))).toEqual(['options']);
  });

  it('simulate: ahtSeconds 1e308 gave a NaN halfWidth; a duration of 1e308 or 100,000 queues ran without bound', () => {
    const model = {
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: 60 }],
      agents: [{ id: 'a', skills: { s: 1 } }],
      durationSeconds: 1000,
      targetSeconds: 20,
    };
    expect(issuePaths(() => simulate({ ...model, queues: [{ ...model.queues[0]!, ahtSeconds: 1e308 }] }))).toEqual([
      'queues[0].ahtSeconds',
    ]);
    expect(issuePaths(() => simulate({ ...model, durationSeconds: 1e308 }))).toEqual(['durationSeconds']);
    const many = Array.from({ length: 100_000 }, (_, i) => ({ ...model.queues[0]!, id: `q${i}` }));
    expect(issuePaths(() => simulate({ ...model, queues: many }))).toEqual(['queues']);
    expect(issuePaths(() => simulate({ ...model, durationSeconds: 1e9 }))).toContain('durationSeconds'); // the work cap: 1.7e8 contacts
  });
});
