// Tracing hooks over real HTTP to the emulator: one onRequest/onResponse per attempt, with the operation, path
// template, attempt, status, duration and correlation id; never a token or the secret; a throwing hook is harmless.
import { describe, expect, it } from 'vitest';
import { ValidationError, type TraceRequest, type TraceResponse } from '../../src/index.js';
import { clientFor, emulator } from './helpers.js';

describe('tracing hooks', () => {
  it('report each attempt of an operation, a retried 429 included', async () => {
    const emu = await emulator();
    const requests: TraceRequest[] = [];
    const responses: TraceResponse[] = [];
    const client = clientFor(emu, { onRequest: (r) => requests.push(r), onResponse: (r) => responses.push(r) });
    const queueId = [...emu.state.queues.keys()][0]!;
    let armed = true;
    emu.setFaults({
      rate: 1,
      kinds: ['429'],
      retryAfterSeconds: 0,
      match: (m, p) => (armed && p === `/api/v2/routing/queues/${queueId}` ? !(armed = false) : false),
    });

    const res = await client.routing.queues.get(queueId).withResponse();
    expect(requests.map((r) => [r.operation, r.pathTemplate, r.attempt])).toEqual([
      ['routing.queues.get', '/api/v2/routing/queues/{queueId}', 1],
      ['routing.queues.get', '/api/v2/routing/queues/{queueId}', 2],
    ]);
    expect(responses.map((r) => [r.status, r.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
    const last = responses[1]!;
    expect(last.correlationId).toBe(res.correlationId);
    expect(last.durationMs).toBeGreaterThanOrEqual(0);
    expect(last.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/api/v2/routing/queues/{queueId}',
      'http.response.status_code': 200,
      'genesys.correlation_id': res.correlationId,
    });

    const everything = JSON.stringify([requests, responses]);
    expect(everything).not.toContain(emu.clientSecret);
    expect(everything.toLowerCase()).not.toContain('bearer');
  });

  it('a hook that throws does not fail the call; a non-function is refused at construction', async () => {
    const emu = await emulator();
    const client = clientFor(emu, {
      onRequest: () => {
        throw new Error('broken tracer');
      },
      onResponse: () => {
        throw new Error('broken tracer');
      },
    });
    expect((await client.routing.skills.list().toArray()).length).toBeGreaterThan(0);
    expect(() => clientFor(emu, { onResponse: 'yes' as never })).toThrow(ValidationError);
  });
});
