// Push the WFM export summary to a receiver with the SDK's signed outbound webhooks (Genesys Cloud has no
// outbound webhook API among its Platform API operations: the SDK signs and sends the call itself). The checks
// and the sending are in export-summary-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { SendWebhookOptions, SendWebhookResult } from '../webhooks/send.js';
import { writeSkillMatrix, type ExportOptions, type ExportSummary } from './export.js';

/** Event type of the payload. */
export const EXPORT_SUMMARY_EVENT = 'genesys-routing-sdk.skillMatrix.exported';

/** The JSON body the receiver gets. */
export interface ExportSummaryEvent {
  type: typeof EXPORT_SUMMARY_EVENT;
  version: 1;
  sentAt: string;
  summary: ExportSummary & { path?: string };
}

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
export async function sendExportSummary(summary: ExportSummary & { path?: string }, options: ExportSummaryWebhookOptions): Promise<SendWebhookResult> {
  const run = await import('./run.js');
  return run.sendExportSummary(summary, options);
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
  const run = await import('./run.js');
  run.checkTarget('writeSkillMatrixAndNotify', webhookOptions);
  const summary = await writeSkillMatrix(client, path, exportOptions);
  const delivery = await run.sendExportSummary(summary, { signal: exportOptions.signal, ...webhookOptions });
  return { summary, delivery };
}
