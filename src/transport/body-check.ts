// A success answer must carry the JSON its operation returns, whatever the validation mode: lax modes relax
// unknown fields and enum values, never the body itself. A proxy's HTML login page, truncated JSON, an empty
// body or an array where a page object is expected would otherwise read as an empty list (an "empty org").
import { UnexpectedResponseError } from '../errors/index.js';
import { safeParse } from '../internal/parse.js';
import type { SchemaLike } from './operation.js';

interface Answer {
  status: number;
  headers: Headers;
  data: unknown;
}

interface Where {
  operation: string;
  method: string;
  url: string;
  correlationId: string | undefined;
}

/** Which JSON containers a schema accepts at its root, found once per schema by asking it about `{}` and `[]`. */
const rootKinds = new WeakMap<object, { object: boolean; array: boolean }>();

function kindsOf(schema: SchemaLike<unknown>): { object: boolean; array: boolean } {
  let kinds = rootKinds.get(schema);
  if (!kinds) {
    const rootOk = (value: unknown) => {
      const r = safeParse(schema, value);
      return r.success || !r.error.issues.some((issue) => issue.path.length === 0);
    };
    kinds = { object: rootOk({}), array: rootOk([]) };
    // A schema that refuses both at its root (a root-level refinement) tells nothing: accept either container.
    if (!kinds.object && !kinds.array) kinds = { object: true, array: true };
    rootKinds.set(schema, kinds);
  }
  return kinds;
}

/**
 * Throws UnexpectedResponseError when a 2xx answer to an operation with a response schema is not a JSON object or
 * array of the kind the schema expects. `redact` cleans the body excerpt quoted in the message.
 */
export function checkResponseBody(
  schema: SchemaLike<unknown> | undefined,
  answer: Answer,
  where: Where,
  redact: (text: string) => string,
): void {
  if (!schema || answer.status < 200 || answer.status >= 300 || answer.status === 204) return;
  const contentType = answer.headers.get('content-type') ?? undefined;
  const data = answer.data;
  const kinds = kindsOf(schema);
  let problem: string | undefined;
  if (contentType !== undefined && !/json/i.test(contentType)) problem = `is ${contentType.split(';')[0]}, not JSON`;
  else if (data === undefined) problem = 'is empty';
  else if (typeof data === 'string') problem = 'is not valid JSON (truncated or not JSON at all)';
  else if (typeof data !== 'object' || data === null)
    problem = `is ${data === null ? 'null' : `a ${typeof data}`}, not a JSON ${kinds.object ? 'object' : 'array'}`;
  else if (Array.isArray(data) && !kinds.array) problem = 'is an array where an object (a page) is expected';
  else if (!Array.isArray(data) && !kinds.object) problem = 'is an object where an array is expected';
  if (problem === undefined) return;
  const excerpt = typeof data === 'string' ? ` (starts with ${JSON.stringify(redact(data).slice(0, 80))})` : '';
  throw new UnexpectedResponseError(
    `${where.operation}: unexpected response`,
    `the HTTP ${answer.status} answer ${problem}${excerpt}; a proxy or gateway may have answered instead of the API. Nothing was read from it`,
    { ...where, status: answer.status, contentType },
  );
}
