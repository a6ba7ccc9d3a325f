// Request body reading with the platform's payload cap (request.bytes.max = 512000, second-hand), plus
// JSON / form parsing with the platform's 400 / 413 / 415 answers.
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest } from '../respond/error-body.js';

/** The largest request body the emulator reads, in bytes; a larger one answers 413. */
export const MAX_BODY_BYTES = 512_000;
/** Past this we stop draining and drop the connection: no test needs to upload more. */
const HARD_CAP_BYTES = 16 * 1024 * 1024;

/**
 * Reads the whole body. An oversized body is still drained (up to a hard cap) before the 413, so the
 * client gets a readable response instead of a reset while it is still sending.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > HARD_CAP_BYTES) {
      req.destroy();
      break;
    }
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) {
    throw new ApiError(413, 'request.entity.too.large', `The request payload exceeds the maximum of ${limit} bytes.`, {
      limit: { namespace: 'platform.api', key: 'request.bytes.max', value: limit },
    });
  }
  return Buffer.concat(chunks);
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const isJsonType = (type: string) => type === 'application/json' || type.endsWith('+json');

export function parseJson(req: IncomingMessage, raw: Buffer, required: boolean): unknown {
  if (raw.length === 0) {
    if (required) throw badRequest('A request body is required.', [{ errorCode: 'missing.body', fieldName: 'body' }]);
    return undefined;
  }
  const type = mediaType(req);
  if (!isJsonType(type)) {
    throw new ApiError(
      415,
      'unsupported.media.type',
      `Unsupported Media Type: ${type || '(none)'}. Expected application/json.`,
    );
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (err) {
    throw badRequest(`Unable to parse the request body as JSON: ${(err as Error).message}`, [
      { errorCode: 'invalid.json', fieldName: 'body' },
    ]);
  }
}

/** OAuth form body; `undefined` when the content type is not a form (the token endpoint then answers 400). */
export function parseForm(req: IncomingMessage, raw: Buffer): Record<string, string> | undefined {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return undefined;
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}
