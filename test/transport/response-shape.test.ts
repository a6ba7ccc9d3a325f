// A body of the right JSON kind but not the documented shape (a listing without `entities`, `entities: null`, a
// queue whose id is a number) is an UnexpectedResponseError in every validation mode, over real HTTP to a loopback
// server; `validation` still relaxes what a newer platform adds (an unknown field, a new enum value).
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { UnexpectedResponseError, type ValidationMode } from '../../src/index.js';
import { clientOf, hostileServer, json } from './hostile-server.js';

const MODES: ValidationMode[] = ['strict', 'warn', 'off'];
const QUEUES = '/api/v2/routing/queues';

function page(entities: unknown): Record<string, unknown> {
  return { entities, pageSize: 100, pageNumber: 1, pageCount: 1, total: 1 };
}

async function serving(body: unknown) {
  return hostileServer((req, res) => json(res, 200, body));
}

describe('a listing that is not the documented shape fails in every validation mode', () => {
  const lies: [string, unknown][] = [
    ['{}', {}],
    ['{"entities": null}', { entities: null }],
    ['entities as an object', { entities: { id: 'q1' } }],
    ['a queue whose id is a number', page([{ id: 42, name: 'Support' }])],
    ['a queue without a name', page([{ id: 'q1' }])],
    ['a queue whose mediaSettings is a string', page([{ id: 'q1', name: 'A', mediaSettings: 'call' }])],
  ];
  for (const [what, body] of lies) {
    for (const validation of MODES) {
      it(`${what}, validation '${validation}': queues.list() rejects, never []`, async () => {
        const server = await serving(body);
        const client = clientOf(server, { validation });
        const error = await client.routing.queues
          .list()
          .toArray()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UnexpectedResponseError);
        expect(error).toMatchObject({ status: 200, operation: 'routing.queues.list' });
        expect((error as Error).message).toMatch(/entities/);
      });
    }
  }

  it('names the field: entities[0].id, expected string', async () => {
    const server = await serving(page([{ id: 42, name: 'Support' }]));
    const error = (await clientOf(server, { validation: 'off' })
      .routing.queues.list()
      .toArray()
      .catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error.message).toContain('entities[0].id');
    expect(error.message).toContain('expected string, received number');
  });

  it('a single queue whose id is a number fails queues.get in every mode', async () => {
    const server = await serving({ id: 42, name: 'Support' });
    for (const validation of MODES) {
      await expect(clientOf(server, { validation }).routing.queues.get('q1')).rejects.toBeInstanceOf(
        UnexpectedResponseError,
      );
    }
  });

  it('a raw listing without a schema (client.paginate) refuses a missing list too', async () => {
    const server = await serving({});
    const listing = clientOf(server).paginate({ method: 'GET', path: QUEUES }, { style: 'pageNumber' }).toArray();
    await expect(listing).rejects.toThrow(/has no `entities` list/);
  });
});

describe('validation still relaxes only what a newer platform adds', () => {
  it('unknown fields pass in strict mode and are kept', async () => {
    const server = await serving(page([{ id: 'q1', name: 'A', skillEvaluationMethod: 'FUTURE', newField: { a: 1 } }]));
    const queues = await clientOf(server, { validation: 'strict' }).routing.queues.list().toArray();
    expect(queues).toEqual([{ id: 'q1', name: 'A', skillEvaluationMethod: 'FUTURE', newField: { a: 1 } }]);
  });

  it('an empty page with entities: [] is an empty list', async () => {
    const server = await serving({ entities: [], pageSize: 100, pageNumber: 1, pageCount: 0, total: 0 });
    expect(await clientOf(server).routing.queues.list().toArray()).toEqual([]);
  });

  const schema = z.object({ kind: z.enum(['a', 'b']) });
  it("a new enum value: 'warn' returns it and reports a validationIssue, 'strict' throws ValidationError", async () => {
    const server = await serving({ kind: 'c' });
    const warn = clientOf(server, { validation: 'warn' });
    const issues: unknown[] = [];
    warn.on('validationIssue', (e) => issues.push(e));
    expect(await warn.request({ method: 'GET', path: '/api/v2/x', schema })).toEqual({ kind: 'c' });
    expect(issues).toHaveLength(1);
    const strict = await clientOf(server, { validation: 'strict' })
      .request({ method: 'GET', path: '/api/v2/x', schema })
      .catch((e: unknown) => e);
    expect(strict).toMatchObject({ name: 'ValidationError' });
  });

  it('a number where the enum has strings is a wrong type, not a new value: fails in every mode', async () => {
    const server = await serving({ kind: 5 });
    for (const validation of MODES) {
      const error = await clientOf(server, { validation })
        .request({ method: 'GET', path: '/api/v2/x', schema })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
    }
  });
});

describe('listings whose empty pages leave the list out (analytics) still need a page', () => {
  const details = { method: 'POST', path: '/api/v2/analytics/conversations/details/query', body: {} } as const;
  const bodyStyle = { style: 'body', itemsKey: 'conversations', placement: 'paging', totalKey: 'totalHits' } as const;

  it('{ totalHits: 0 } is an empty page', async () => {
    const server = await serving({ totalHits: 0 });
    expect(await clientOf(server).paginate(details, bodyStyle).toArray()).toEqual([]);
  });

  it('{} is refused', async () => {
    const server = await serving({});
    await expect(clientOf(server).paginate(details, bodyStyle).toArray()).rejects.toBeInstanceOf(
      UnexpectedResponseError,
    );
  });

  it('{ conversations: null, totalHits: 3 } is refused', async () => {
    const server = await serving({ conversations: null, totalHits: 3 });
    await expect(clientOf(server).paginate(details, bodyStyle).toArray()).rejects.toThrow(/null for its/);
  });

  const results = { method: 'GET', path: '/api/v2/analytics/conversations/details/jobs/j1/results' } as const;
  it('a job results page: {} is refused, a page with its availability date is an empty page', async () => {
    const cursorStyle = { style: 'cursor', itemsKey: 'conversations' } as const;
    const empty = await serving({});
    await expect(clientOf(empty).paginate(results, cursorStyle).toArray()).rejects.toBeInstanceOf(
      UnexpectedResponseError,
    );
    const dated = await serving({ dataAvailabilityDate: '2026-01-01T00:00:00.000Z' });
    expect(await clientOf(dated).paginate(results, cursorStyle).toArray()).toEqual([]);
  });
});
