// A Lambda-style function that reads queue load. A client is cheap to create per invocation, but a token
// request is not: a module-level TokenStore keeps the token across warm invocations, so three invocations
// make ONE token request. Short timeouts, few retries and a low maxRetryAfterMs keep it inside the
// function's time limit; a long Retry-After fails fast with a RateLimitError instead of sleeping.
//
//   npx tsx examples/serverless-handler.ts               # on the built-in emulator (no Genesys org needed)
//
// Against your org (reads only):
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 npx tsx examples/serverless-handler.ts
// To deploy: keep everything above "Local driver", bundle it (esbuild/tsup) and set the GENESYS_* variables
// on the function. Guide: docs/guides/serverless.md.
import { pathToFileURL } from 'node:url';
import { GenesysClient, isRateLimitError, type StoredToken, type TokenStore } from '../src/index.js';
import { connect, run } from './_connect.js';

// ---------------------------------------------------------------------------------------------------------
// The function. Module scope lives as long as the (warm) container: the token survives between invocations.
const tokens = new Map<string, StoredToken>();
const tokenStore: TokenStore = {
  get: (key) => tokens.get(key),
  set: (key, token) => void tokens.set(key, token),
  delete: (key) => void tokens.delete(key),
};
/** Token requests made by this container (a metric you would export). */
export let tokenRequests = 0;
/** Requests the client retried (429, 5xx, timeouts) in this container: another metric worth exporting. */
export let retries = 0;

export interface HandlerEvent {
  queueIds?: string[];
}
export interface HandlerContext {
  /** AWS Lambda's context method; other platforms have an equivalent deadline. */
  getRemainingTimeInMillis(): number;
}

export async function handler(
  event: HandlerEvent,
  context?: HandlerContext,
): Promise<{ statusCode: number; headers?: Record<string, string>; body: string }> {
  const client = GenesysClient.fromEnv({
    tokenStore,
    timeoutMs: 5_000, // per attempt; the default 30 s is longer than many function limits
    maxRetries: 2,
    maxRetryAfterMs: 2_000, // a longer Retry-After throws RateLimitError at once instead of sleeping
  });
  client.on('tokenRefreshed', () => tokenRequests++);
  client.on('retry', () => retries++);
  // Stop before the platform kills the function, leaving 500 ms to answer.
  const signal = AbortSignal.timeout(Math.max(1_000, (context?.getRemainingTimeInMillis() ?? 15_000) - 500));
  try {
    const queueIds =
      event.queueIds ??
      (await client.routing.queues.list({ pageSize: 5, signal }).toArray({ max: 5, ifMore: 'truncate' })).map(
        (q) => q.id,
      );
    const load = await client.analytics.observations.queueLoad(queueIds, { signal });
    const body = load.map((q) => ({
      queueId: q.queueId,
      waiting: q.waiting,
      interacting: q.interacting,
      onQueueAgents: q.onQueueUsers,
    }));
    return { statusCode: 200, body: JSON.stringify(body) };
  } catch (error) {
    if (isRateLimitError(error)) {
      // Let the caller (a scheduler, API Gateway, a queue) retry later instead of burning function time.
      const seconds = Math.ceil((error.retryAfterMs ?? 60_000) / 1000);
      return {
        statusCode: 503,
        headers: { 'retry-after': String(seconds) },
        body: JSON.stringify({ error: 'rate limited', retryAfterSeconds: seconds }),
      };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Local driver: invokes the function three times like a warm container would. It runs only when this file
// is executed (`npx tsx examples/serverless-handler.ts`), not when a runtime imports `handler` from it.
async function main(): Promise<void> {
  const conn = await connect({ readOnly: true });
  const emu = conn.emulator;
  if (emu) {
    // The function reads its configuration from the environment, as it would on the platform.
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
  }
  console.log(`Running on ${conn.target}\n`);
  const context: HandlerContext = { getRemainingTimeInMillis: () => 10_000 };
  try {
    for (let i = 1; i <= 3; i++) {
      const started = performance.now();
      const result = await handler({}, context);
      const queues = JSON.parse(result.body) as unknown[];
      console.log(
        `invocation ${i}: HTTP ${result.statusCode}, ${queues.length} queues, ${Math.round(performance.now() - started)} ms, token requests so far: ${tokenRequests}`,
      );
    }
    if (emu) {
      const fromLog = emu.stats.requestLog.filter((r) => r.path === '/oauth/token').length;
      console.log(`\nThe emulator's request log shows ${fromLog} POST /oauth/token for 3 invocations.`);

      // A rate-limited org: the platform answers 429 with Retry-After ~60 s; the function gives up at once.
      emu.setRateLimit({ requests: 1, windowSeconds: 60 });
      const started = performance.now();
      const limited = await handler({}, context);
      console.log(
        `invocation 4 (rate limit exhausted): HTTP ${limited.statusCode}, Retry-After ${limited.headers?.['retry-after']} s, after ${Math.round(performance.now() - started)} ms`,
      );
    }
    console.log(`\nToken requests: ${tokenRequests} (one per container, not one per invocation).`);
  } finally {
    await conn.close();
  }
}

const executed = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (executed) run(main);
