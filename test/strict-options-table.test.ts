// Every public function and class that takes an options object or an input object refuses a misspelled key: a
// ValidationError naming the key's path and the closest known key, before any request (the emulator's request log
// stays empty through the whole table).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenesysClient, isValidationError, Paginator } from '../src/index.js';
import { renderReport, staffingFromHistory } from '../src/report/index.js';
import {
  applyMemberships,
  applyPlan,
  checkGuardrails,
  crossCheckAuditTrail,
  distributeWeights,
  driftReport,
  exportSkillMatrix,
  FileJournal,
  isWithinWindow,
  nextWindow,
  parseAutopilotPolicy,
  parsePlan,
  planProficiencyRelevel,
  planRoutingOptimization,
  recommendRoutingChanges,
  reforecast,
  resolveGuardrails,
  sendExportSummary,
  snapshotRoutingConfig,
  startAutopilot,
  streamSource,
  writeSkillMatrix,
  writeSkillMatrixAndNotify,
} from '../src/workflows/index.js';
import {
  averageSpeedOfAnswer,
  compareSimulations,
  configureSolver,
  warmUpOptimizer,
  erlangA,
  erlangB,
  erlangC,
  evaluateRouting,
  evaluateRoutingAsync,
  occupancy,
  optimizeRouting,
  requiredAgents,
  requiredAgentsErlangA,
  serviceLevel,
  simulate,
  simulateAsync,
  compareSimulationsAsync,
  staffIntervals,
  trafficFromVolume,
} from '../src/optimizer/index.js';
import {
  checkRoutingConstraints,
  diffSkillMatrix,
  expectedOfferShares,
  recommendSkillChanges,
  whatIf,
} from '../src/optimizer/planning/index.js';
import { RedisJournal, RedisKillSwitch, RedisQuota, RedisReplayStore, RedisTokenStore } from '../src/redis/index.js';
import { writeReport } from '../src/report/write-report.js';
import { startEmulator, type Emulator } from '../src/testing/index.js';
import {
  createWebhookHandler,
  MemoryReplayStore,
  parseEventBridgeEvent,
  sendWebhook,
  verifyWebhook,
} from '../src/webhooks/index.js';

let emu: Emulator;
let client: GenesysClient;
beforeAll(async () => {
  emu = await startEmulator({ org: { users: 10, skills: 4, queues: 2 } });
  client = new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
  });
});
afterAll(() => emu.close());

const dir = mkdtempSync(join(tmpdir(), 'grsdk-strict-table-'));
const redis = { evalsha: () => Promise.resolve(null), eval: () => Promise.resolve(null) } as never;
const queue = { id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } };
const agents = [{ id: 'a', skills: { q: 3 } }];
const plan = () => ({
  kind: 'genesys-routing-sdk/skill-plan' as const,
  version: 1 as const,
  id: 'plan-1',
  createdAt: '2026-11-24T00:00:00.000Z',
  source: 'test',
  org: emu.baseUrl,
  changes: [],
  skipped: [],
  violations: [],
  impact: [],
  summary: { users: 0, adds: 0, updates: 0, removes: 0, skipped: 0, violations: 0 },
});
const summary = { format: 'csv' as const, users: 1, rows: 1, skills: 1, generatedAt: '2026-11-24T00:00:00Z', org: 'x' };
const webhook = { url: 'https://example.com/hook', secret: 's'.repeat(32) };
const interval = { from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-24T00:00:00Z') };
const window = { start: '09:00', end: '17:00' };
const guardState = { now: new Date('2026-11-24T12:00:00Z'), history: [], holders: {} };
const simModel = {
  queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 10, ahtSeconds: 60 }],
  agents: [{ id: 'a', skills: { s: 1 } }],
  targetSeconds: 20,
  durationSeconds: 600,
  replications: 2,
};
const eventBridge = {
  version: '0',
  id: 'e1',
  'detail-type': 'v2.users.u1.presence',
  source: 'aws.partner/genesys.com/cloud/org/x',
  account: '1',
  time: '2026-11-24T00:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { topicName: 'v2.users.u1.presence', version: '2', eventBody: {} },
};

/** [what is called, the call, the key's path, the suggested key]. */
const CASES: Array<[string, () => unknown, string, string]> = [
  [
    'new GenesysClient',
    () => new GenesysClient({ clientId: 'i', clientSecret: 's', region: 'eu_west_1', timeoutMS: 1 } as never),
    'timeoutMS',
    'timeoutMs',
  ],
  ['applyPlan', () => applyPlan(client, plan(), { dryrun: true } as never), 'options.dryrun', 'dryRun'],
  ['applyMemberships', () => applyMemberships(client, [], { dryrun: true } as never), 'options.dryrun', 'dryRun'],
  [
    'planRoutingOptimization',
    () => planRoutingOptimization(client, { keepWhenMeetingTarget: false } as never),
    'options.keepWhenMeetingTarget',
    'keepWhenMeetingTargets',
  ],
  ['planProficiencyRelevel', () => planProficiencyRelevel(client, { dayz: 7 } as never), 'options.dayz', 'days'],
  [
    'recommendRoutingChanges',
    () => recommendRoutingChanges(client, { queueIDs: [] } as never),
    'options.queueIDs',
    'queueIds',
  ],
  [
    'distributeWeights',
    () =>
      distributeWeights(client, { queueId: 'q', memberWeights: [{ memberId: 'a', weight: 1 }], dryrun: true } as never),
    'options.dryrun',
    'dryRun',
  ],
  [
    'distributeWeights memberWeights[]',
    () => distributeWeights(client, { queueId: 'q', memberWeights: [{ memberId: 'a', wieght: 1 }] } as never),
    'options.memberWeights[0].wieght',
    'weight',
  ],
  [
    'snapshotRoutingConfig',
    () => snapshotRoutingConfig(client, { member: false } as never),
    'options.member',
    'members',
  ],
  [
    'driftReport',
    () => driftReport(client, client, { ignoreField: [] } as never),
    'options.ignoreField',
    'ignoreFields',
  ],
  [
    'exportSkillMatrix',
    () => exportSkillMatrix(client, { format: 'csv', userIDs: [] } as never),
    'options.userIDs',
    'userIds',
  ],
  [
    'writeSkillMatrix',
    () => writeSkillMatrix(client, join(dir, 'm.csv'), { format: 'csv', signl: undefined } as never),
    'options.signl',
    'signal',
  ],
  [
    'crossCheckAuditTrail',
    () => crossCheckAuditTrail(client, [], { clockSkewMS: 1 } as never),
    'options.clockSkewMS',
    'clockSkewMs',
  ],
  [
    'staffingFromHistory',
    () => staffingFromHistory(client, { interval, granularty: 'PT15M' } as never),
    'options.granularty',
    'granularity',
  ],
  [
    'sendExportSummary',
    () => sendExportSummary(summary, { ...webhook, timeoutMS: 5 } as never),
    'options.timeoutMS',
    'timeoutMs',
  ],
  [
    'writeSkillMatrixAndNotify',
    () => writeSkillMatrixAndNotify(client, join(dir, 'n.csv'), { format: 'csv' }, { ...webhook, retries: 1 } as never),
    'options.retries',
    'maxRetries',
  ],
  ['renderReport', () => renderReport({ titel: 'x' } as never), 'input.titel', 'title'],
  ['writeReport', () => writeReport(join(dir, 'r.html'), { timezone: 'UTC' } as never), 'input.timezone', 'timeZone'],
  ['parseAutopilotPolicy', () => parseAutopilotPolicy({ surgeRatioo: 1.5 }), 'surgeRatioo', 'surgeRatio'],
  [
    'startAutopilot options',
    () => startAutopilot(client, { shadow: true }, { killswitch: undefined } as never),
    'options.killswitch',
    'killSwitch',
  ],
  [
    'streamSource',
    () => streamSource(client, { heartbeatTimeout: 5 } as never),
    'options.heartbeatTimeout',
    'heartbeatTimeoutMs',
  ],
  ['parsePlan', () => parsePlan({ ...plan(), languageChange: [] }), 'languageChange', 'languageChanges'],
  [
    'parsePlan changes[]',
    () =>
      parsePlan({
        ...plan(),
        changes: [{ userId: 'u', skillId: 's', action: 'add', before: null, after: 2, reasons: [], skilName: 'x' }],
      }),
    'changes[0].skilName',
    'skillName',
  ],
  [
    'isWithinWindow',
    () => isWithinWindow(window, new Date(), { timezone: 'UTC' } as never),
    'options.timezone',
    'timeZone',
  ],
  ['nextWindow windows[]', () => nextWindow({ ...window, day: ['mon'] } as never), 'windows[0].day', 'days'],
  [
    'optimizeRouting options',
    () => optimizeRouting({ queues: [queue], agents }, { timeLimitMS: 5000 } as never),
    'options.timeLimitMS',
    'timeLimitMs',
  ],
  [
    'optimizeRouting evaluation',
    () => optimizeRouting({ queues: [queue], agents }, { evaluation: { replication: 4 } } as never),
    'options.evaluation.replication',
    'replications',
  ],
  [
    'optimizeRouting constraints',
    () => optimizeRouting({ queues: [queue], agents, constraints: { maxSkillPerAgent: 2 } } as never),
    'constraints.maxSkillPerAgent',
    'maxSkillsPerAgent',
  ],
  [
    'optimizeRouting agents[]',
    () => optimizeRouting({ queues: [queue], agents: [{ id: 'a', skills: {}, elegible: ['q'] }] } as never),
    'agents[0].elegible',
    'eligible',
  ],
  [
    'evaluateRouting',
    () => evaluateRouting({ queues: [queue], agents }, { contact: 1000 } as never),
    'options.contact',
    'contacts',
  ],
  [
    'evaluateRoutingAsync',
    () => evaluateRoutingAsync({ queues: [queue], agents }, { signl: undefined } as never),
    'options.signl',
    'signal',
  ],
  ['configureSolver', () => configureSolver({ wasmm: 'x' } as never), 'options.wasmm', 'wasm'],
  ['warmUpOptimizer', () => warmUpOptimizer({ keepWarm: 1 } as never), 'options.keepWarm', 'keepWarmMs'],
  ['erlangB', () => erlangB({ agents: 2, trafic: 1 } as never), 'trafic', 'traffic'],
  ['erlangC', () => erlangC({ agent: 2, traffic: 1 } as never), 'agent', 'agents'],
  [
    'serviceLevel',
    () => serviceLevel({ agents: 2, traffic: 1, ahtSeconds: 60, targetSecond: 20 } as never),
    'targetSecond',
    'targetSeconds',
  ],
  [
    'averageSpeedOfAnswer',
    () => averageSpeedOfAnswer({ agents: 2, traffic: 1, ahtSecond: 60 } as never),
    'ahtSecond',
    'ahtSeconds',
  ],
  ['occupancy', () => occupancy({ agents: 2, trafic: 1 } as never), 'trafic', 'traffic'],
  [
    'erlangA',
    () => erlangA({ agents: 2, traffic: 1, ahtSeconds: 60, patienceSecond: 30, targetSeconds: 20 } as never),
    'patienceSecond',
    'patienceSeconds',
  ],
  [
    'requiredAgents',
    () => requiredAgents({ traffic: 10, ahtSeconds: 60, serviceLevel: 0.8, targetSeconds: 20, shrinkge: 0.3 } as never),
    'shrinkge',
    'shrinkage',
  ],
  [
    'requiredAgentsErlangA',
    () =>
      requiredAgentsErlangA({
        traffic: 10,
        ahtSeconds: 60,
        patienceSeconds: 30,
        targetSeconds: 20,
        serviceLevel: 0.8,
        maxAbandonRat: 0.1,
      } as never),
    'maxAbandonRat',
    'maxAbandonRate',
  ],
  [
    'trafficFromVolume',
    () => trafficFromVolume({ calls: 10, intervalSecond: 900, ahtSeconds: 60 } as never),
    'intervalSecond',
    'intervalSeconds',
  ],
  [
    'staffIntervals',
    () => staffIntervals([], { serviceLevl: 0.8, targetSeconds: 20 } as never),
    'targets.serviceLevl',
    'serviceLevel',
  ],
  ['simulate', () => simulate({ ...simModel, replication: 2 } as never), 'replication', 'replications'],
  ['simulateAsync', () => simulateAsync(simModel as never, { signl: undefined } as never), 'options.signl', 'signal'],
  [
    'compareSimulationsAsync',
    () => compareSimulationsAsync(simModel as never, simModel as never, { signl: undefined } as never),
    'options.signl',
    'signal',
  ],
  [
    'simulate queues[]',
    () => simulate({ ...simModel, queues: [{ ...simModel.queues[0], patienceSecond: 30 }] } as never),
    'queues[0].patienceSecond',
    'patienceSeconds',
  ],
  [
    'compareSimulations agents[]',
    () => compareSimulations(simModel, { ...simModel, agents: [{ id: 'a', skills: { s: 1 }, sped: 2 }] } as never),
    'variant.agents[0].sped',
    'speed',
  ],
  [
    'whatIf',
    () => whatIf({ queues: [], membership: { members: [], userSkills: {} }, changes: [], option: {} } as never),
    'option',
    'options',
  ],
  [
    'recommendSkillChanges',
    () => recommendSkillChanges({ usage: [], threshold: {} } as never),
    'threshold',
    'thresholds',
  ],
  [
    'checkRoutingConstraints',
    () => checkRoutingConstraints({ changes: [], users: [], option: {} } as never),
    'option',
    'options',
  ],
  [
    'expectedOfferShares',
    () => expectedOfferShares([], { lever: 'rings', load: 1, overflowThreshhold: 0.8 } as never),
    'options.overflowThreshhold',
    'overflowThreshold',
  ],
  [
    'diffSkillMatrix',
    () => diffSkillMatrix({}, {}, { maxSkilsPerUser: 3 } as never),
    'options.maxSkilsPerUser',
    'maxSkillsPerUser',
  ],
  [
    'checkGuardrails',
    () => checkGuardrails([], guardState, { maxChangesPerHr: 5 } as never),
    'maxChangesPerHr',
    'maxChangesPerHour',
  ],
  [
    'resolveGuardrails quietPeriods[]',
    () => resolveGuardrails({ quietPeriods: [{ start: '01:00', end: '02:00', day: ['mon'] }] } as never),
    'quietPeriods[0].day',
    'days',
  ],
  ['reforecast', () => reforecast({ forecast: [10], observed: [12], horizn: 2 } as never), 'horizn', 'horizon'],
  ['FileJournal', () => new FileJournal(join(dir, 'j.jsonl'), { synch: false } as never), 'options.synch', 'sync'],
  ['Paginator', () => new Paginator(null as never, { onpage: () => undefined } as never), 'options.onpage', 'onPage'],
  ['startEmulator', () => startEmulator({ sed: 1 } as never), 'options.sed', 'seed'],
  ['startEmulator org', () => startEmulator({ org: { userz: 1 } } as never), 'options.org.userz', 'users'],
  ['startEmulator live', () => startEmulator({ live: { sped: 2 } } as never), 'options.live.sped', 'speed'],
  ['startEmulator faults', () => startEmulator({ faults: { rat: 0.1 } } as never), 'options.faults.rat', 'rate'],
  [
    'startEmulator rateLimit',
    () => startEmulator({ rateLimit: { request: 5, windowSeconds: 1 } } as never),
    'options.rateLimit.request',
    'requests',
  ],
  [
    'startEmulator analytics',
    () => startEmulator({ analytics: { trafficScal: 0 } } as never),
    'options.analytics.trafficScal',
    'trafficScale',
  ],
  [
    'startEmulator clients[]',
    () => startEmulator({ clients: [{ clientId: 'c', clientSecret: 's', nam: 'x' }] } as never),
    'options.clients[0].nam',
    'name',
  ],
  ['RedisQuota', () => new RedisQuota({ redis, prefx: 'x' } as never), 'prefx', 'prefix'],
  ['RedisJournal', () => new RedisJournal({ redis, retention: 1000 } as never), 'retention', 'retentionMs'],
  ['RedisTokenStore', () => new RedisTokenStore({ redis, plainText: true } as never), 'plainText', 'plaintext'],
  ['RedisKillSwitch', () => new RedisKillSwitch({ redis, keys: 'k' } as never), 'keys', 'key'],
  [
    'RedisReplayStore',
    () => new RedisReplayStore({ redis, commandTimeout: 5 } as never),
    'commandTimeout',
    'commandTimeoutMs',
  ],
  ['MemoryReplayStore', () => new MemoryReplayStore({ maxEntry: 5 } as never), 'options.maxEntry', 'maxEntries'],
  [
    'parseEventBridgeEvent',
    () => parseEventBridgeEvent(eventBridge, { allowAnysource: true } as never),
    'options.allowAnysource',
    'allowAnySource',
  ],
  [
    'sendWebhook',
    () => sendWebhook(webhook.url, {}, { secret: webhook.secret, timeoutMS: 5 } as never),
    'options.timeoutMS',
    'timeoutMs',
  ],
  [
    'verifyWebhook',
    () => verifyWebhook({ body: '{}', headers: {}, secret: 's', toleranceSecond: 5 } as never),
    'toleranceSecond',
    'toleranceSeconds',
  ],
  [
    'createWebhookHandler',
    () => createWebhookHandler({ secret: 's', onEvent: () => undefined, maxBodyByte: 10 } as never),
    'options.maxBodyByte',
    'maxBodyBytes',
  ],
  [
    'a resource listing',
    () => client.routing.skills.list({ pageSise: 10 } as never).toArray(),
    'options.pageSise',
    'pageSize',
  ],
  [
    "a listing's own option",
    () => client.routing.users.list({ stat: 'active' } as never).toArray(),
    'options.stat',
    'state',
  ],
  [
    'notifications.streams.open',
    () =>
      client.notifications.streams.open({ topics: ['v2.users.u1.presence'], reconnect: { maxAttempt: 2 } } as never),
    'options.reconnect.maxAttempt',
    'maxAttempts',
  ],
  ['Paginator.toArray', () => client.routing.queues.list().toArray({ maxx: 5 } as never), 'options.maxx', 'max'],
  [
    'client.request',
    () => client.request({ method: 'GET', path: '/api/v2/routing/skills', qurey: { pageSize: 1 } } as never),
    'request.qurey',
    'query',
  ],
  [
    'client.request options',
    () => client.request({ method: 'GET', path: '/api/v2/routing/skills' }, { signl: undefined } as never),
    'options.signl',
    'signal',
  ],
  [
    'client.paginate paging',
    () =>
      client
        .paginate({ method: 'GET', path: '/api/v2/routing/skills' }, { style: 'pageNumber', itemKey: 'x' } as never)
        .toArray(),
    'paging.itemKey',
    'itemsKey',
  ],
  [
    'client.paginate options',
    () =>
      client
        .paginate({ method: 'GET', path: '/api/v2/routing/skills' }, { style: 'pageNumber' }, { pageSise: 5 } as never)
        .toArray(),
    'options.pageSise',
    'pageSize',
  ],
  [
    'a resource read',
    () => client.routing.queues.get('q', { validaton: 'off' } as never),
    'options.validaton',
    'validation',
  ],
];

describe('one misspelled key per options-taking function', () => {
  it('a resource call whose own options are not known to the check names the key without a wrong list', async () => {
    const error = await client.routing.queues.get('q', { zzz: 1 } as never).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'routing.queues.get: options.zzz: unknown key; not an option of routing.queues.get',
    );
    expect(emu.stats.requestLog).toEqual([]);
  });

  for (const [name, call, path, suggestion] of CASES) {
    it(`${name}: ${path}`, async () => {
      let error: unknown;
      try {
        await call();
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error), `${name}: expected a ValidationError, got ${String(error)}`).toBe(true);
      expect((error as Error).message).toContain(`${path}: unknown key; did you mean ${suggestion}?`);
      expect(emu.stats.requestLog).toEqual([]);
    });
  }
});
