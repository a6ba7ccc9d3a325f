// EventBridge envelopes and the topic builders/matcher.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../src/index.js';
import {
  matchTopic,
  topics,
  type QueueMemberNotification,
  type TopicEvent,
  type UserRoutingStatusNotification,
} from '../../src/resources/webhooks/index.js';
import { parseEventBridgeEvent, type EventBridgeNotification } from '../../src/webhooks/index.js';

function envelope(detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': detail['topicName'],
    source: 'aws.partner/genesys.com/cloud/8f7a3b2c-0000-4000-8000-000000000001/routing-events',
    account: '123456789012',
    time: '2024-05-01T12:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
    ...overrides,
  };
}

const memberDetail = {
  topicName: 'v2.routing.queues.q-1.users',
  version: '2',
  eventBody: { id: 'u-1', user: { id: 'u-1' }, queueId: 'q-1', joined: true },
  metadata: { CorrelationId: 'corr-1' },
};

async function validationError(fn: () => unknown): Promise<ValidationError> {
  try {
    await fn();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseEventBridgeEvent', () => {
  it('parses a JSON string or an object into the typed event union plus the envelope', async () => {
    for (const input of [JSON.stringify(envelope(memberDetail)), envelope(memberDetail)]) {
      const event = await parseEventBridgeEvent(input);
      expect(event).toMatchObject({
        kind: 'queueMembers',
        topicName: 'v2.routing.queues.q-1.users',
        ids: { queueId: 'q-1' },
        eventBody: { id: 'u-1', joined: true },
        metadata: { CorrelationId: 'corr-1' },
        version: '2',
        eventBridge: {
          id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
          account: '123456789012',
          region: 'eu-west-1',
          detailType: 'v2.routing.queues.q-1.users',
        },
      });
      if (event.kind === 'queueMembers') expectTypeOf(event.eventBody).toEqualTypeOf<QueueMemberNotification>();
    }
    const status = await parseEventBridgeEvent(
      envelope({
        topicName: 'v2.users.u-9.routingStatus',
        eventBody: { id: 'u-9', routingStatus: { status: 'IDLE' } },
      }),
    );
    expect(status).toMatchObject({
      kind: 'userRoutingStatus',
      ids: { userId: 'u-9' },
      version: undefined,
      metadata: {},
    });
    expectTypeOf(status).toEqualTypeOf<EventBridgeNotification>();
  });

  it('names the bad field of a bad envelope', async () => {
    expect((await validationError(() => parseEventBridgeEvent('{not json'))).issues).toEqual([
      { path: '', message: 'is not valid JSON' },
    ]);
    expect((await validationError(() => parseEventBridgeEvent('[]'))).message).toContain(
      'must be an EventBridge event object',
    );
    const missing = await validationError(() => parseEventBridgeEvent(envelope({ topicName: 'v2.users.u.presence' })));
    expect(missing.issues.map((i) => i.path)).toEqual(['detail.eventBody']);
    const noDetail = await validationError(() =>
      parseEventBridgeEvent({ ...envelope(memberDetail), detail: undefined, account: 42 }),
    );
    expect(noDetail.issues.map((i) => i.path).sort()).toEqual(['account', 'detail']);
    const foreign = await validationError(() =>
      parseEventBridgeEvent(envelope(memberDetail, { source: 'aws.events' })),
    );
    expect(foreign.issues[0]?.path).toBe('source');
    expect(
      (await parseEventBridgeEvent(envelope(memberDetail, { source: 'aws.events' }), { allowAnySource: true })).kind,
    ).toBe('queueMembers');
  });

  it('validates the payload against its topic model unless bodyValidation is off', async () => {
    const bad = envelope({ ...memberDetail, eventBody: { id: 'u-1', joined: 'yes' } });
    expect((await validationError(() => parseEventBridgeEvent(bad))).issues).toEqual([
      { path: 'detail.eventBody.joined', message: expect.any(String) },
    ]);
    expect((await parseEventBridgeEvent(bad, { bodyValidation: 'off' })).eventBody).toEqual({
      id: 'u-1',
      joined: 'yes',
    });
    // Unknown topics pass through untyped.
    const other = await parseEventBridgeEvent(envelope({ topicName: 'v2.flows.f-1', eventBody: { anything: 1 } }));
    expect(other).toMatchObject({ kind: 'unknown', ids: {}, eventBody: { anything: 1 } });
  });
});

describe('topics', () => {
  it('builds topic names and maps them back to kinds and ids', async () => {
    const cases: Array<[string, string, Record<string, string | undefined>]> = [
      [topics.queueMembers('q1'), 'queueMembers', { queueId: 'q1' }],
      [topics.queueConversations('q1'), 'queueConversations', { queueId: 'q1', media: undefined }],
      [topics.queueConversations('q1', 'calls'), 'queueConversations', { queueId: 'q1', media: 'calls' }],
      [topics.userRoutingStatus('u1'), 'userRoutingStatus', { userId: 'u1' }],
      [topics.userActivity('u1'), 'userActivity', { userId: 'u1' }],
      [topics.userPresence('u1'), 'userPresence', { userId: 'u1' }],
      [topics.userConversationSummary('u1'), 'userConversationSummary', { userId: 'u1' }],
      [topics.queueObservations('q1'), 'queueObservations', { queueId: 'q1' }],
      [topics.queueActivity('q1'), 'queueActivity', { queueId: 'q1' }],
      [topics.userAggregates('u1'), 'userAggregates', { userId: 'u1' }],
      [topics.wrapupAggregates('w1'), 'wrapupAggregates', { wrapupCodeId: 'w1' }],
      [
        topics.conversationDetailEvents('c1', 'acd.end'),
        'conversationDetailEvents',
        { conversationId: 'c1', eventType: 'acd.end' },
      ],
      [topics.audits('Queue', 'q1'), 'audits', { entityType: 'Queue', entityId: 'q1' }],
      [topics.detailsJobsAvailability(), 'detailsJobsAvailability', {}],
      ['v2.something.else', 'unknown', {}],
    ];
    for (const [topic, kind, ids] of cases) expect(matchTopic(topic)).toEqual({ kind, ids });
    expect(topics.queueConversations('q1', 'calls')).toBe('v2.routing.queues.q1.conversations.calls');
    expect(topics.audits('Queue', 'q1')).toBe('v2.audits.entitytype.Queue.entityid.q1');
    expect((await validationError(() => topics.queueMembers('a.b'))).issues).toEqual([
      { path: 'queueId', message: expect.stringContaining('without dots') },
    ]);
  });

  it('types events by the subscribed topic patterns', async () => {
    const topicList = [topics.queueMembers('q1'), topics.userRoutingStatus('u1')];
    type E = TopicEvent<(typeof topicList)[number]>;
    expectTypeOf<E['kind']>().toEqualTypeOf<'queueMembers' | 'userRoutingStatus'>();
    expectTypeOf<
      Extract<E, { kind: 'userRoutingStatus' }>['eventBody']
    >().toEqualTypeOf<UserRoutingStatusNotification>();
    expectTypeOf<TopicEvent<string>['kind']>().toEqualTypeOf<ReturnType<typeof matchTopic>['kind']>();
    expect(topicList).toHaveLength(2);
  });
});
