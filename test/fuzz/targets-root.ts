// Fuzz targets: the pure helpers of the root entry that take input from outside the process: webhook
// signing/verification, EventBridge events, saved plans and snapshots, topic names, regions, change windows.
import { matchTopic, regionBaseUrls } from '../../src/index.js';
import { isWithinWindow, nextWindow, parsePlan, parseSnapshot } from '../../src/workflows/index.js';
import { createWebhookHandler, parseEventBridgeEvent, signWebhook, verifyWebhook } from '../../src/webhooks/index.js';
import type { Target } from './harness.js';

const NOW = Date.UTC(2026, 10, 21, 9, 30);
const SECRET = 'whsec-fuzz';
const body = JSON.stringify({ type: 'plan.applied', planId: 'p-1', applied: 15 });
const signed = await signWebhook({ body, secret: SECRET, timestamp: NOW / 1000, deliveryId: 'd-1' });
const handler = createWebhookHandler({ secret: SECRET, onEvent: () => undefined, now: () => NOW, replayStore: false });

const envelope = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'v2.routing.queues.2b3e1b5c-0000-4000-8000-00000000000a.users',
  source: 'aws.partner/genesys.com/cloud/9d5b0c0e-0000-4000-8000-000000000001/routing-events',
  account: '123456789012',
  time: '2026-11-21T09:30:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: {
    topicName: 'v2.routing.queues.2b3e1b5c-0000-4000-8000-00000000000a.users',
    version: '2',
    eventBody: {
      id: 'b1e1f7a4',
      user: { id: 'b1e1f7a4' },
      queueId: '2b3e1b5c-0000-4000-8000-00000000000a',
      joined: false,
    },
    metadata: { CorrelationId: '0f6c1c2e-7f5d-4c0b-9f5e-5c9a3b1d2e4f' },
  },
};

const metrics = { agents: 10, headcount: 10, serviceLevel: 0.8, asaSeconds: 12.5, occupancy: 0.8, abandonRate: null };
const plan = {
  kind: 'genesys-routing-sdk/skill-plan',
  version: 1,
  id: 'plan-1',
  createdAt: '2026-11-21T09:30:00.000Z',
  source: 'planSkillOptimization',
  org: 'https://api.mypurecloud.ie',
  changes: [
    { userId: 'u1', skillId: 's1', action: 'add', before: null, after: 3, reasons: ['handled 14'] },
    { userId: 'u2', skillId: 's1', action: 'update', before: 2, after: 4, reasons: [] },
    { userId: 'u3', skillId: 's2', action: 'remove', before: 1, after: null, reasons: ['unused'] },
  ],
  skipped: [{ kind: 'limit', userId: 'u4', message: 'at 50 skills' }],
  violations: [],
  impact: [{ queueId: 'q1', before: metrics, after: { ...metrics, serviceLevel: 0.85 } }],
  summary: { users: 3, adds: 1, updates: 1, removes: 1, skipped: 1, violations: 0 },
};

const snapshot = {
  kind: 'genesys-routing-sdk/routing-snapshot',
  version: 1,
  takenAt: '2026-11-21T09:30:00.000Z',
  org: 'https://api.mypurecloud.ie',
  queues: [{ id: 'q1', name: 'Sales', acwSettings: { timeoutMs: 30000 } }],
  skills: [{ id: 's1', name: 'Billing' }],
  members: [{ queueId: 'q1', queueName: 'Sales', id: 'u1', name: 'Ann', ringNumber: 1 }],
  userSkills: [{ userId: 'u1', userName: 'Ann', id: 's1', name: 'Billing', proficiency: 3 }],
};

const windows = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' },
  { days: ['sat'], start: '08:00', end: '12:00' },
];

/** Windows errors number a single window as `windows[0]` and name the zone `timeZone` (documented paths). */
function windowPaths(issue: string, planted: string): boolean {
  const mapped = planted.replace(/^windows(?!\[)/, 'windows[0]');
  const inside = issue === mapped || issue.startsWith(`${mapped}.`) || issue.startsWith(`${mapped}[`);
  return inside || (issue === 'timeZone' && planted.startsWith('options.timeZone'));
}

export const rootTargets: Target[] = [
  {
    name: 'verifyWebhook',
    argNames: [''],
    bases: [
      [{ body, headers: signed, secret: SECRET, now: NOW, replayStore: false }],
      [
        {
          body: Buffer.from(body),
          headers: signed,
          secret: [SECRET, 'old'],
          now: NOW,
          replayStore: false,
          toleranceSeconds: 60,
        },
      ],
    ],
    call: (o) => verifyWebhook(o as never),
  },
  {
    name: 'signWebhook',
    argNames: [''],
    bases: [[{ body, secret: SECRET, timestamp: NOW / 1000, deliveryId: 'd-2' }], [{ body: 'x', secret: ['a', 'b'] }]],
    call: (o) => signWebhook(o as never),
  },
  {
    name: 'createWebhookHandler (request)',
    argNames: [''],
    bases: [[{ body, headers: signed }]],
    call: (r) => handler(r as never),
    check: (r) => {
      const status = (r as { status: number }).status;
      return status === 200 || status === 400 || status === 401 ? undefined : `status ${status}`;
    },
  },
  {
    name: 'parseEventBridgeEvent',
    argNames: ['', 'options'],
    bases: [
      [envelope, {}],
      [JSON.stringify(envelope), { bodyValidation: 'off', allowAnySource: true }],
    ],
    call: (e, o) => parseEventBridgeEvent(e as never, o as never),
  },
  { name: 'parsePlan', argNames: [''], bases: [[plan], [JSON.stringify(plan)]], call: (p) => parsePlan(p) },
  {
    name: 'parseSnapshot',
    argNames: [''],
    bases: [[snapshot], [JSON.stringify(snapshot)]],
    call: (s) => parseSnapshot(s),
  },
  {
    name: 'matchTopic',
    argNames: ['topicName'],
    bases: [
      ['v2.routing.queues.q1.users'],
      ['v2.users.u1.routingStatus'],
      ['v2.detail.events.conversation.c1.acd.end'],
    ],
    call: (t) => matchTopic(t as never),
  },
  {
    name: 'regionBaseUrls',
    argNames: ['region'],
    bases: [['eu_west_1'], ['mypurecloud.ie']],
    call: (r) => regionBaseUrls(r as never) ?? null,
  },
  {
    name: 'isWithinWindow',
    argNames: ['windows', 'at', 'options'],
    bases: [
      [windows, new Date(NOW), { timeZone: 'Europe/Dublin' }],
      [windows[0], new Date(NOW), {}],
    ],
    call: (w, at, o) => isWithinWindow(w as never, at as never, o as never),
    related: windowPaths,
  },
  {
    name: 'nextWindow',
    argNames: ['windows', 'from', 'options'],
    bases: [[windows, new Date(NOW), { timeZone: 'America/New_York' }]],
    call: (w, from, o) => nextWindow(w as never, from as never, o as never) ?? null,
    related: windowPaths,
  },
];
