// Tool results: the structured content the output schema describes plus the same JSON as text (for clients that
// read text only); failures as `isError` results naming the field. Every output passes through the redaction.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toFailure } from './errors.js';

/** Replaces every secret (and anything shaped like a bearer or access token) in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(bearer\s+)[\w.~+/=-]{8,}/gi, '$1[redacted]');
  out = out.replace(/("?access_token"?\s*[:=]\s*"?)[\w.~+/=-]{8,}/gi, '$1[redacted]');
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

/** A successful call: `data` as structured content and as text. */
export function ok(data: Record<string, unknown>, secrets: readonly string[]): CallToolResult {
  const text = redact(JSON.stringify(data, null, 2), secrets);
  return { content: [{ type: 'text', text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
}

/** A failed call: `{ error: { name, field, reason, message } }` as text, with isError. */
export function fail(error: unknown, secrets: readonly string[]): CallToolResult {
  const text = redact(JSON.stringify({ error: toFailure(error) }, null, 2), secrets);
  return { isError: true, content: [{ type: 'text', text }] };
}

/** Runs a tool body; a thrown error becomes a failure result (never an unredacted protocol error). */
export async function guarded(
  secrets: readonly string[],
  body: () => Promise<Record<string, unknown>>,
): Promise<CallToolResult> {
  try {
    return ok(await body(), secrets);
  } catch (error) {
    return fail(error, secrets);
  }
}
