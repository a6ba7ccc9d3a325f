import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError, isWebhookDeliveryError } from '../../../src/index.js';
import { createWebhookHandler, type WebhookDelivery } from '../../../src/webhooks/index.js';
import { writeSkillMatrix, type ExportSummary } from '../../../src/workflows/export/skill-matrix.js';
import {
  EXPORT_SUMMARY_EVENT,
  sendExportSummary,
  writeSkillMatrixAndNotify,
  type ExportSummaryEvent,
} from '../../../src/workflows/export/summary.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const SECRET = 'wfm-test-secret';
const servers: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Receiver {
  url: string;
  events: Array<{ payload: ExportSummaryEvent; delivery: WebhookDelivery }>;
  /** HTTP statuses answered, in order. */
  statuses: number[];
}

/** A node:http receiver built with createWebhookHandler (verifies the signature); the first `failFirst` attempts get `failStatus`. */
async function receiver(options: { failFirst?: number; failStatus?: number; secret?: string } = {}): Promise<Receiver> {
  const events: Receiver['events'] = [];
  const statuses: number[] = [];
  const handler = createWebhookHandler<ExportSummaryEvent>({
    secret: options.secret ?? SECRET,
    onEvent: (payload, delivery) => void events.push({ payload, delivery }),
  });
  let failures = options.failFirst ?? 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.on('finish', () => statuses.push(res.statusCode));
    if (failures > 0) {
      failures--;
      req.resume();
      res.writeHead(options.failStatus ?? 503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
      return;
    }
    handler.node(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/skills`, events, statuses };
}

const summary: ExportSummary = {
  format: 'csv',
  users: 12,
  rows: 30,
  skills: 5,
  generatedAt: '2025-01-06T08:00:00.000Z',
  org: 'https://api.example.com',
};
const fast = { retryBackoff: { baseMs: 10, maxMs: 20 } };

describe('sendExportSummary', () => {
  it('delivers the summary signed; the receiver verifies it', async () => {
    const r = await receiver();
    const delivery = await sendExportSummary(summary, { url: r.url, secret: SECRET, ...fast });
    expect(delivery).toMatchObject({ status: 200, attempts: 1 });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.payload).toMatchObject({ type: EXPORT_SUMMARY_EVENT, version: 1, summary });
    expect(r.events[0]!.delivery.deliveryId).toBe(delivery.deliveryId);
  });

  it('retries a 503 and succeeds, with one delivery id and one processed event', async () => {
    const r = await receiver({ failFirst: 1 });
    const delivery = await sendExportSummary(summary, { url: r.url, secret: SECRET, ...fast });
    expect(delivery.attempts).toBe(2);
    expect(r.statuses).toEqual([503, 200]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.delivery.deliveryId).toBe(delivery.deliveryId);
  });

  it('a receiver with another secret refuses it (401, not retried)', async () => {
    const r = await receiver({ secret: 'another-secret' });
    const error = await sendExportSummary(summary, { url: r.url, secret: SECRET, ...fast }).catch((e: unknown) => e);
    expect(isWebhookDeliveryError(error)).toBe(true);
    expect(r.statuses).toEqual([401]);
    expect(r.events).toEqual([]);
  });

  it('gives up after maxRetries', async () => {
    const r = await receiver({ failFirst: 10 });
    const error = await sendExportSummary(summary, { url: r.url, secret: SECRET, maxRetries: 2, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(isWebhookDeliveryError(error)).toBe(true);
    expect(r.statuses).toEqual([503, 503, 503]);
  });

  it('validates the summary and the target before sending', async () => {
    const r = await receiver();
    const bad = await sendExportSummary({ ...summary, rows: -1 }, { url: r.url, secret: SECRET }).catch(
      (e: unknown) => e,
    );
    expect(isValidationError(bad)).toBe(true);
    expect((bad as Error).message).toContain('summary.rows');
    const noSecret = await sendExportSummary(summary, { url: r.url, secret: '' }).catch((e: unknown) => e);
    expect((noSecret as Error).message).toContain('secret');
    const noUrl = await sendExportSummary(summary, { url: 'not a url', secret: SECRET }).catch((e: unknown) => e);
    expect((noUrl as Error).message).toContain('url');
    expect(r.statuses).toEqual([]);
  });
});

describe('writeSkillMatrixAndNotify', () => {
  it('writes the export file, then notifies with its summary', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const r = await receiver({ failFirst: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'skills-'));
    dirs.push(dir);
    const path = join(dir, 'skills.jsonl');
    const { summary: written, delivery } = await writeSkillMatrixAndNotify(
      client,
      path,
      { format: 'jsonl' },
      { url: r.url, secret: SECRET, ...fast },
    );
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(written.rows).toBe(lines.length);
    expect(written.path).toBe(path);
    expect(delivery.attempts).toBe(2);
    expect(r.events[0]!.payload.summary).toEqual(written);
    // Same numbers as a plain export.
    const plain = await writeSkillMatrix(client, join(dir, 'again.jsonl'), { format: 'jsonl' });
    expect(plain.rows).toBe(written.rows);
  });

  it('refuses a bad webhook target before exporting anything', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const error = await writeSkillMatrixAndNotify(
      client,
      join(tmpdir(), 'never.csv'),
      { format: 'csv' },
      { url: 'ftp://x', secret: SECRET },
    ).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(emu.stats.requestLog).toEqual([]);
  });
});
