// npm run bench:workers — 1, 4 and 8 processes sharing one OAuth client against the emulator's rate limit, each
// with its own token and quota (the default) and through Redis (RedisTokenStore + RedisQuota). Prints the share
// of requests answered 429, the token requests and the wall time over the floor the limit imposes; asserts
// nothing. Targets with Redis, 8 processes: <= 0.5 % 429s, 1 token request, wall <= 1.1x the floor.
// Needs redis-server on PATH. Size: BENCH_TOTAL requests (default 800) under BENCH_LIMIT per BENCH_WINDOW_S
// seconds (default 100 per 5 s); BENCH_PROCESSES (default 1,4,8).
import { randomBytes } from 'node:crypto';
import { startEmulator } from '../src/testing/index.js';
import { startRedis } from '../test/redis/redis-server.js';
import { floorMs, runWorkers } from './workers-run.js';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 800);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 100);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 5);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,4,8').split(',').map(Number);

const redis = await startRedis();
const emu = await startEmulator({
  org: { users: 5, skills: 3, queues: 1 },
  rateLimit: { requests: LIMIT, windowSeconds: WINDOW_S },
});
const floor = floorMs(TOTAL, LIMIT, WINDOW_S);
const rows: Record<string, string | number>[] = [];
try {
  for (const processes of PROCESSES) {
    for (const shared of [false, true]) {
      // A fresh platform window for each run: wait out the one the previous run left open.
      await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
      const result = await runWorkers(emu, processes, {
        requests: Math.ceil(TOTAL / processes),
        ...(shared
          ? { redisUrl: redis.url, encryptionKey: randomBytes(32).toString('base64'), prefix: `bench-${Date.now()}:` }
          : {}),
      });
      const ok = result.workers.reduce((n, w) => n + w.ok, 0);
      const failed = result.workers.reduce((n, w) => n + w.failed, 0);
      const row = {
        processes,
        mode: shared ? 'redis' : 'per-process',
        ok,
        failed,
        apiRequests: result.apiRequests,
        '429 %': Number(((100 * result.refused) / result.apiRequests).toFixed(2)),
        tokenRequests: result.tokenRequests,
        // Redis answered too late somewhere: processes worked alone for a while (see docs/guides/multi-worker.md).
        fallbacks: result.workers.reduce((n, w) => n + w.sharedState.filter((s) => s.endsWith(':fallback')).length, 0),
        'wall s': Number((result.wallMs / 1000).toFixed(2)),
        'floor s': floor / 1000,
        'wall/floor': Number((result.wallMs / floor).toFixed(3)),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
} finally {
  await emu.close();
  await redis.stop();
}
console.log(
  `\n${TOTAL} requests per run, emulator limit ${LIMIT} per ${WINDOW_S} s (floor ${floor / 1000} s); node ${process.version}`,
);
console.table(rows);
