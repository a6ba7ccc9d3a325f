// Fields the platform adds after this SDK's types were written are not in the public interfaces (no index
// signature, so a typo fails to compile), yet they reach the caller at run time: the loose schemas keep them.
import { describe, expect, it } from 'vitest';
import type { ValidationMode } from '../../src/client/config.js';
import { parseEventBridgeEvent } from '../../src/webhooks/index.js';
import { clientFor, emulator } from '../transport/helpers.js';

describe('unknown fields reach the caller at run time', () => {
  it.each<ValidationMode>(['strict', 'warn', 'off'])(
    'a queue field the types do not name is on the object and on withResponse().data (%s)',
    async (validation) => {
      const emu = await emulator({ org: { users: 10, skills: 2, queues: 1 } });
      const queueId = [...emu.state.queues.keys()][0] as string;
      // The emulator sends a queue's stored extras as is: stand in for a field the platform adds later.
      emu.state.queues.get(queueId)!.extras = { futureSetting: { enabled: true } };
      const client = clientFor(emu, { validation });

      const queue = await client.routing.queues.get(queueId);
      expect(queue.id).toBe(queueId);
      expect((queue as unknown as Record<string, unknown>)['futureSetting']).toEqual({ enabled: true });

      const { data } = await client.routing.queues.get(queueId).withResponse();
      expect((data as unknown as Record<string, unknown>)['futureSetting']).toEqual({ enabled: true });
    },
  );

  it('a notification field the types do not name is on the event body', async () => {
    const event = await parseEventBridgeEvent({
      version: '0',
      id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      'detail-type': 'v2.routing.queues.q-1.users',
      source: 'aws.partner/genesys.com/cloud/8f7a3b2c-0000-4000-8000-000000000001/routing-events',
      account: '123456789012',
      time: '2024-05-01T12:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: {
        topicName: 'v2.routing.queues.q-1.users',
        version: '2',
        eventBody: { id: 'u-1', queueId: 'q-1', joined: true, futureFlag: 'kept' },
        metadata: { CorrelationId: 'corr-1', futureMeta: 7 },
      },
    });
    if (event.kind !== 'queueMembers') throw new Error(`expected a queueMembers event, got ${event.kind}`);
    expect(event.eventBody.joined).toBe(true);
    expect((event.eventBody as unknown as Record<string, unknown>)['futureFlag']).toBe('kept');
    expect((event.metadata as unknown as Record<string, unknown>)['futureMeta']).toBe(7);
  });
});
