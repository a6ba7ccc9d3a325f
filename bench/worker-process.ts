// One worker process of bench/workers.ts and test/redis/workers.test.ts: a GenesysClient on the shared OAuth
// client, with or without the Redis token store and quota. Protocol over IPC: parent sends `config`, worker
// answers `ready`; parent sends `go`, worker sends its `report` and exits.
import { Redis } from 'ioredis';
import { GenesysClient, type ClientOptions } from '../src/index.js';
import { RedisQuota, RedisTokenStore } from '../src/redis/index.js';
import { transportOf } from '../src/resources/core/internals.js';

export interface WorkerConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Absent: the per-process defaults (memory token, in-process quota). */
  redisUrl?: string;
  /** base64 AES-256 key for the shared token. */
  encryptionKey?: string;
  prefix?: string;
  requests: number;
  maxConcurrency?: number;
}

export interface WorkerReport {
  pid: number;
  ok: number;
  failed: number;
  responses: Record<number, number>;
  tokenRefreshes: number;
  sharedState: string[];
  ms: number;
}

async function main(config: WorkerConfig): Promise<void> {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const options: ClientOptions = {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    apiBaseUrl: config.baseUrl,
    loginBaseUrl: config.baseUrl,
    maxConcurrency: config.maxConcurrency ?? 8,
    ...(redis
      ? {
          tokenStore: new RedisTokenStore({ redis, encryptionKey: config.encryptionKey!, prefix: config.prefix }),
          quota: new RedisQuota({ redis, prefix: config.prefix }),
        }
      : {}),
  };
  const client = new GenesysClient(options);
  const report: WorkerReport = {
    pid: process.pid,
    ok: 0,
    failed: 0,
    responses: {},
    tokenRefreshes: 0,
    sharedState: [],
    ms: 0,
  };
  client.on('response', (e) => void (report.responses[e.status] = (report.responses[e.status] ?? 0) + 1));
  client.on('tokenRefreshed', () => void report.tokenRefreshes++);
  client.on('sharedState', (e) => void report.sharedState.push(`${e.component}:${e.state}`));
  if (redis) await redis.ping();
  // Load the transport's lazily imported modules now (tsx compiles them on first import), so the timed part
  // measures requests, not compilation. Sends nothing to the emulator.
  await transportOf(client).waitForGate();
  process.send!({ type: 'ready' });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.requests }, async () => {
      try {
        await client.request({ method: 'GET', path: '/api/v2/routing/skills', query: { pageSize: 1 } });
        report.ok++;
      } catch {
        report.failed++;
      }
    }),
  );
  report.ms = performance.now() - started;
  process.send!({ type: 'report', report }, () => {
    redis?.disconnect();
    process.exit(0);
  });
}

process.once('message', (message: { type: 'config'; config: WorkerConfig }) => void main(message.config));
