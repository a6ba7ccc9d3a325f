// A signed-webhook receiver on node:http (createWebhookHandler), and what it does with a good, a tampered, a
// replayed and a stale delivery. Then an Amazon EventBridge event from Genesys Cloud parsed with
// parseEventBridgeEvent, as a Lambda behind an EventBridge rule would.
//
//   npx tsx examples/webhook-receiver.ts                 # needs no Genesys org at all
//
// Genesys Cloud has no "register a webhook URL" API: these webhooks are the SDK's own signing scheme, for
// notifying YOUR systems (a WFM tool after a plan is applied). Events out of Genesys Cloud come through
// notification channels (client.notifications.streams.open), EventBridge or Process Automation triggers: see
// docs/notifications.md and docs/webhooks.md. To receive for real, run the handler behind HTTPS with the secret from your vault:
//   WEBHOOK_SECRET=... npx tsx examples/webhook-receiver.ts
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, parseEventBridgeEvent, sendWebhook, signWebhook } from '../src/webhooks/index.js';
import { run, table } from './_connect.js';

interface PlanApplied {
  type: 'plan.applied';
  planId: string;
  applied: number;
}

run(async () => {
  const secret = process.env.WEBHOOK_SECRET ?? 'example-secret-change-me';
  const processed: Array<{ deliveryId: string | undefined; payload: PlanApplied }> = [];

  // The receiver: verifies the HMAC signature over the raw body, rejects timestamps older than 5 minutes,
  // and remembers delivery ids so a replay is acknowledged without being processed twice.
  const handler = createWebhookHandler<PlanApplied>({
    secret, // or [newSecret, oldSecret] while rotating
    onEvent: async (payload, { deliveryId }) => {
      processed.push({ deliveryId, payload }); // your work here; throw to answer 500 and make the sender retry
    },
  });
  const server = http.createServer(handler.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/routing`;
  console.log(`Receiver listening on ${url}\n`);

  const outcomes: Array<[string, number, string]> = [];
  const post = async (name: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    outcomes.push([name, res.status, await res.text()]);
  };

  try {
    // 1. A good delivery, sent the normal way. A fetch wrapper keeps a copy of the request, as an attacker
    //    on the network path might.
    let captured: { body: string; headers: Record<string, string> } | undefined;
    const recordingFetch: typeof fetch = (input, init) => {
      captured = { body: String(init?.body), headers: { ...(init?.headers as Record<string, string>) } };
      return fetch(input, init);
    };
    const payload: PlanApplied = { type: 'plan.applied', planId: 'plan-20261121-abc', applied: 15 };
    const sent = await sendWebhook(url, payload, { secret, fetch: recordingFetch, maxRetries: 2, timeoutMs: 5_000 });
    outcomes.push([
      'good (sendWebhook)',
      sent.status,
      `delivered in ${sent.attempts} attempt(s), delivery ${sent.deliveryId}`,
    ]);

    // 2. Tampered: signed for one body, sent with another.
    const original = JSON.stringify(payload);
    const signed = await signWebhook({ body: original, secret });
    await post('tampered body', original.replace('"applied":15', '"applied":1500'), signed);

    // 3. Replayed: the captured good request, byte for byte, sent again.
    await post('replayed', captured!.body, captured!.headers);

    // 4. Stale: a correctly signed delivery whose timestamp is 10 minutes old (a capture replayed later).
    const old = await signWebhook({ body: original, secret, timestamp: Math.floor(Date.now() / 1000) - 600 });
    await post('stale timestamp', original, old);

    // 5. Signed with a secret the receiver does not know.
    const wrong = await signWebhook({ body: original, secret: 'not-the-secret' });
    await post('wrong secret', original, wrong);

    console.log(
      table(
        ['delivery', 'HTTP', 'receiver answer'],
        outcomes.map(([n, s, b]) => [n, String(s), b]),
      ),
    );
    console.log('  (a replay is acknowledged with 200 so the sender stops retrying, but it is not processed again)');
    console.log(`\nonEvent ran ${processed.length} time(s): ${JSON.stringify(processed.map((p) => p.payload))}`);
    if (processed.length !== 1) throw new Error('expected exactly one processed delivery');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // EventBridge: Genesys Cloud's partner event source wraps each notification in the AWS envelope. In a Lambda
  // the handler receives it as `event` (or as an SQS record's body).
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
        id: 'b1e1f7a4-0000-4000-8000-000000000042',
        user: { id: 'b1e1f7a4-0000-4000-8000-000000000042' },
        queueId: '2b3e1b5c-0000-4000-8000-00000000000a',
        joined: false,
      },
      metadata: { CorrelationId: '0f6c1c2e-7f5d-4c0b-9f5e-5c9a3b1d2e4f' },
    },
  };
  const event = await parseEventBridgeEvent(JSON.stringify(envelope)); // rejects with a ValidationError naming a bad field
  console.log(`\nEventBridge event ${event.eventBridge.id} (${event.kind}) from ${event.eventBridge.source}`);
  if (event.kind === 'queueMembers') {
    // eventBody is typed after narrowing on `kind`.
    console.log(
      `  user ${event.eventBody.id} ${event.eventBody.joined ? 'joined' : 'left'} queue ${event.ids.queueId}`,
    );
  }
  console.log('  (EventBridge may deliver an event more than once: de-duplicate on eventBridge.id.)');
});
