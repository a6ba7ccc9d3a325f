// npm run check:serverless (after `npm run build`): bundles examples/serverless-handler.ts the way AWS CDK's
// NodejsFunction or SST deploy a function (esbuild, platform node, one file) against the BUILT package, into a
// temporary folder with no node_modules, then invokes it against the emulator: a list, a retried fault
// (the client's `retry` event), and a rate limit answered through the typed error's guard.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build first');
const out = mkdtempSync(join(tmpdir(), 'grs-lambda-'));

// The example imports the SDK from ../src (to run with tsx); a deployed function imports the package.
const asDeployed = {
  name: 'as-deployed',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/src\/index\.js$/ }, () => ({ path: join(root, 'dist', 'index.js') }));
    // The local driver's emulator connection is not part of the function.
    b.onResolve({ filter: /^\.\/_connect\.js$/ }, () => ({ path: '_connect', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const connect = () => { throw new Error("not in a function"); }; export const run = () => {};',
      loader: 'js',
    }));
  },
};

try {
  const bundled = await build({
    entryPoints: [join(root, 'examples', 'serverless-handler.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(out, 'handler.mjs'),
    // As docs/guides/serverless.md shows: ofetch's Node build imports node-fetch-native, whose default entry
    // carries node-fetch for runtimes without a global fetch; Lambda's Node has one, so its native entry does.
    alias: { 'node-fetch-native': 'node-fetch-native/native' },
    plugins: [asDeployed],
    logLevel: 'warning',
  });
  // A consumer's build stays quiet: e.g. no ignored-bare-import for chunk imports the package does not need.
  assert.deepEqual(
    bundled.warnings.map((w) => w.text),
    [],
    'bundling the SDK prints no esbuild warning',
  );
  assert.deepEqual(readdirSync(out), ['handler.mjs'], 'the function folder holds the bundle only (no node_modules)');
  const code = readFileSync(join(out, 'handler.mjs'), 'utf8');
  assert.ok(!/createRequire\(import\.meta\.url\)\(/.test(code), 'no dependency is loaded through createRequire');
  assert.ok(
    !/node-fetch-native[\\/]dist[\\/](node|index)\.mjs/.test(code),
    'node-fetch (node-fetch-native) is not bundled: the function uses the global fetch',
  );
  assert.ok(
    !/node_modules[\\/]ws[\\/]/.test(code) && !code.includes('WebSocketServer'),
    'no WebSocket library is bundled (streams use the global or an injected one)',
  );

  const { startEmulator } = await import(pathToFileURL(join(root, 'dist', 'testing', 'index.js')).href);
  const emu = await startEmulator({ seed: 7 });
  try {
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    const fn = await import(pathToFileURL(join(out, 'handler.mjs')).href);
    const context = { getRemainingTimeInMillis: () => 10_000 };

    const listed = await fn.handler({}, context);
    assert.equal(listed.statusCode, 200, `list: ${listed.body}`);
    const queues = JSON.parse(listed.body);
    assert.ok(Array.isArray(queues) && queues.length > 0, 'list: queues with their load');
    console.log(`serverless: list -> HTTP 200, ${queues.length} queues`);

    // Every API request fails once with a 503: the client retries and the function still answers.
    let failedOnce = false;
    emu.setFaults({ rate: 1, kinds: ['503'], match: () => (failedOnce ? false : (failedOnce = true)) });
    const before = fn.retries;
    const retried = await fn.handler({}, context);
    emu.setFaults(null);
    assert.equal(retried.statusCode, 200, `retry: ${retried.body}`);
    assert.ok(fn.retries > before, 'retry: the client emitted a retry event');
    console.log(`serverless: a 503 -> retried (${fn.retries - before} retry event), HTTP 200`);

    // The org's quota is spent and the platform asks for ~60 s: isRateLimitError turns it into a 503 at once.
    emu.setRateLimit({ requests: 1, windowSeconds: 60 });
    const limited = await fn.handler({}, context);
    assert.equal(limited.statusCode, 503, `rate limit: ${limited.body}`);
    assert.ok(Number(limited.headers?.['retry-after']) > 0, 'rate limit: Retry-After from RateLimitError.retryAfterMs');
    console.log(
      `serverless: rate limited -> RateLimitError (isRateLimitError) -> HTTP 503, Retry-After ${limited.headers['retry-after']} s`,
    );
  } finally {
    await emu.close();
  }
  console.log(`serverless: ok on Node ${process.versions.node}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
