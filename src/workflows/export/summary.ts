// Push the WFM export summary to a receiver with the SDK's signed outbound webhooks (Genesys Cloud has no outbound
// webhook API among its Platform API operations: the SDK signs and sends the call itself). The checks and the
// sending are in export-summary-run.
import type { GenesysClient } from '../../client/client.js';
import type { SendWebhookOptions, SendWebhookResult } from '../../webhooks/send.js';
import { writeSkillMatrix, type ExportOptions, type ExportSummary } from './skill-matrix.js';
import { ValidationError } from '../../errors/index.js';
import { keysOf, rejectUnknownKeys } from '../../internal/unknown-keys.js';

/** Event type of the payload. */
export const EXPORT_SUMMARY_EVENT = 'genesys-routing-sdk.skillMatrix.exported';

/** The JSON body the receiver gets. */
export interface ExportSummaryEvent {
  /** Always `genesys-routing-sdk.skillMatrix.exported`. */
  type: typeof EXPORT_SUMMARY_EVENT;
  /** Payload version (1). */
  version: 1;
  /** When it was sent, ISO-8601. */
  sentAt: string;
  /** What the export wrote, and the file's path when it was written to one. */
  summary: ExportSummary & { path?: string };
}

/** Options of `sendExportSummary`: where to send it and the `sendWebhook` options. */
export interface ExportSummaryWebhookOptions extends Omit<SendWebhookOptions, 'secret'> {
  /** The receiver's URL (http or https). */
  url: string | URL;
  /** Signing secret (several while rotating). */
  secret: string | readonly string[];
}

/**
 * Sends the export summary as a signed JSON webhook (`x-genesys-routing-signature`), retrying network errors,
 * timeouts, 429 and 5xx. Resolves with the delivery (status, attempts, delivery id); throws
 * WebhookDeliveryError when the receiver refuses or retries run out. The delivery id stays the same across
 * retries, so a receiver built with `createWebhookHandler` processes the summary once.
 *
 * @example
 * const summary = await writeSkillMatrix(client, 'skills.csv', { format: 'csv' });
 * const delivery = await sendExportSummary(summary, { url: 'https://wfm.example.com/hooks/skills', secret: process.env.WFM_SECRET! });
 * console.log(delivery.status, delivery.attempts, delivery.deliveryId);
 */
export async function sendExportSummary(
  summary: ExportSummary & { path?: string },
  options: ExportSummaryWebhookOptions,
): Promise<SendWebhookResult> {
  checkSummary(summary);
  checkTarget(CONTEXT, options);
  const { url, ...send } = options;
  const { sendWebhook } = await import('../../webhooks/send.js');
  // The literal, not the shell's constant: importing a value from export/summary.ts would split it out of the root chunk.
  const type: typeof EXPORT_SUMMARY_EVENT = 'genesys-routing-sdk.skillMatrix.exported';
  const event: ExportSummaryEvent = { type, version: 1, sentAt: new Date().toISOString(), summary: { ...summary } };
  return sendWebhook(url, event, send);
}

/**
 * Writes the skill matrix to `path` (writeSkillMatrix), then sends its summary (sendExportSummary).
 * The file is written even if the notification fails; the WebhookDeliveryError is thrown after it.
 *
 * @example
 * const { summary, delivery } = await writeSkillMatrixAndNotify(client, 'skills.jsonl', { format: 'jsonl' }, { url, secret });
 * console.log(summary.rows, delivery.status);
 */
export async function writeSkillMatrixAndNotify(
  client: GenesysClient,
  path: string,
  exportOptions: ExportOptions,
  webhookOptions: ExportSummaryWebhookOptions,
): Promise<{ summary: ExportSummary & { path: string }; delivery: SendWebhookResult }> {
  checkTarget('writeSkillMatrixAndNotify', webhookOptions);
  const summary = await writeSkillMatrix(client, path, exportOptions);
  const delivery = await sendExportSummary(summary, { signal: exportOptions.signal, ...webhookOptions });
  return { summary, delivery };
}

const CONTEXT = 'sendExportSummary';
const WEBHOOK_KEYS = keysOf<ExportSummaryWebhookOptions>({
  url: true,
  secret: true,
  timeoutMs: true,
  maxRetries: true,
  signal: true,
  headers: true,
  fetch: true,
  retryBackoff: true,
  maxRetryAfterMs: true,
  deliveryId: true,
});

function checkSummary(summary: unknown): asserts summary is ExportSummary {
  const s = summary as Partial<ExportSummary> | null;
  const issues: Array<{ path: string; message: string }> = [];
  if (typeof s !== 'object' || s === null)
    throw new ValidationError(CONTEXT, [{ path: 'summary', message: 'must be an ExportSummary object' }]);
  if (!['csv', 'json', 'jsonl'].includes(s.format as string))
    issues.push({ path: 'summary.format', message: "must be 'csv', 'json' or 'jsonl'" });
  for (const key of ['users', 'rows', 'skills'] as const) {
    if (typeof s[key] !== 'number' || !Number.isInteger(s[key]) || (s[key] as number) < 0)
      issues.push({ path: `summary.${key}`, message: 'must be an integer >= 0' });
  }
  if (typeof s.generatedAt !== 'string')
    issues.push({ path: 'summary.generatedAt', message: 'must be an ISO date-time string' });
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
}

/** URL and secret, checked before anything is exported or sent (sendWebhook checks the rest). */
export function checkTarget(context: string, options: ExportSummaryWebhookOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(context, [{ path: 'options', message: 'are required: { url, secret }' }]);
  rejectUnknownKeys(context, options, WEBHOOK_KEYS, 'options');
  const issues: Array<{ path: string; message: string }> = [];
  let url: URL | undefined;
  try {
    url = new URL(String(options.url));
  } catch {
    issues.push({ path: 'url', message: 'must be an absolute http(s) URL' });
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:')
    issues.push({ path: 'url', message: 'must be an http(s) URL' });
  const secrets = Array.isArray(options.secret) ? options.secret : [options.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length === 0))
    issues.push({ path: 'secret', message: 'must be a non-empty string (or a non-empty list of them)' });
  if (issues.length > 0) throw new ValidationError(context, issues);
}
