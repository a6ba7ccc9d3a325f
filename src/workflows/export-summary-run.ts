// sendExportSummary's implementation and the target check writeSkillMatrixAndNotify makes first: the documented
// functions in export-summary.ts load this module (through run.ts) on first call.
import { ValidationError } from '../errors.js';
import type { SendWebhookResult } from '../webhooks/send.js';
import type { ExportSummary } from './export.js';
import type { EXPORT_SUMMARY_EVENT, ExportSummaryEvent, ExportSummaryWebhookOptions } from './export-summary.js';

const CONTEXT = 'sendExportSummary';

function checkSummary(summary: unknown): asserts summary is ExportSummary {
  const s = summary as Partial<ExportSummary> | null;
  const issues: Array<{ path: string; message: string }> = [];
  if (typeof s !== 'object' || s === null) throw new ValidationError(CONTEXT, [{ path: 'summary', message: 'must be an ExportSummary object' }]);
  if (!['csv', 'json', 'jsonl'].includes(s.format as string)) issues.push({ path: 'summary.format', message: "must be 'csv', 'json' or 'jsonl'" });
  for (const key of ['users', 'rows', 'skills'] as const) {
    if (typeof s[key] !== 'number' || !Number.isInteger(s[key]) || (s[key] as number) < 0) issues.push({ path: `summary.${key}`, message: 'must be an integer >= 0' });
  }
  if (typeof s.generatedAt !== 'string') issues.push({ path: 'summary.generatedAt', message: 'must be an ISO date-time string' });
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
}

/** URL and secret, checked before anything is exported or sent (sendWebhook checks the rest). */
export function checkTarget(context: string, options: ExportSummaryWebhookOptions): void {
  if (typeof options !== 'object' || options === null) throw new ValidationError(context, [{ path: 'options', message: 'are required: { url, secret }' }]);
  const issues: Array<{ path: string; message: string }> = [];
  let url: URL | undefined;
  try {
    url = new URL(String(options.url));
  } catch {
    issues.push({ path: 'url', message: 'must be an absolute http(s) URL' });
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') issues.push({ path: 'url', message: 'must be an http(s) URL' });
  const secrets = Array.isArray(options.secret) ? options.secret : [options.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length === 0)) issues.push({ path: 'secret', message: 'must be a non-empty string (or a non-empty list of them)' });
  if (issues.length > 0) throw new ValidationError(context, issues);
}

export async function sendExportSummary(summary: ExportSummary & { path?: string }, options: ExportSummaryWebhookOptions): Promise<SendWebhookResult> {
  checkSummary(summary);
  checkTarget(CONTEXT, options);
  const { url, ...send } = options;
  const { sendWebhook } = await import('../webhooks/send.js');
  // The literal, not the shell's constant: importing a value from export-summary.ts would split it out of the root chunk.
  const type: typeof EXPORT_SUMMARY_EVENT = 'genesys-routing-sdk.skillMatrix.exported';
  const event: ExportSummaryEvent = { type, version: 1, sentAt: new Date().toISOString(), summary: { ...summary } };
  return sendWebhook(url, event, send);
}
