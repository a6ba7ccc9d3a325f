// Runs every example in examples/ as a child process (node --import tsx), the way a user runs it, with no
// GENESYS_* variables (so each one starts its own emulator) and checks the exit code and a key line of output.
// At most 3 examples run at once (each starts an emulator and an esbuild transform).
// staffing-table.ts imports the package by name (it is also run under ts-node against the build in .ci/run);
// here tsx maps that name to the sources (paths in tsconfig.json), so no build is needed.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 45_000;
const MAX_PARALLEL = 3;

interface Example {
  name: string;
  /** Lines (patterns) the output must contain. */
  expect: RegExp[];
  /** Imports the package by name: needs the built package (npm run build). */
}

const EXAMPLES: Example[] = [
  {
    name: 'optimize-skills',
    expect: [
      /^Dry run: \d+ wouldApply/m,
      /^Apply: \d+ applied/m,
      /^Re-apply \(no journal\): +\d+ unchanged, 0 writes$/m,
      /^Everything unchanged: applying a plan twice is safe\.$/m,
    ],
  },
  {
    name: 'distribute-weights',
    expect: [
      /^Apply: applied, \d rings$/m,
      /balance accuracy \d+\.\d% \(final\)/,
      /^Second run: unchanged/m,
      /^Four times the traffic: blocked: /m,
    ],
  },
  {
    name: 'recommend-and-what-if',
    expect: [/^Recommendations \(\d+ adds, \d+ removals/m, /^ {2}(ADD|REMOVE) /m, /Erlang A \(patience 120 s\)/],
  },
  {
    name: 'drift-report',
    expect: [
      /^## Routing config drift$/m,
      /would exit 1 \(0 = identical/,
      /^validate routing-rules\.json: valid -> exit 0$/m,
      /^validate routing-rules\.broken\.json: \d+ error\(s\) -> exit 1$/m,
    ],
  },
  {
    name: 'audit-and-export',
    expect: [
      /matched 3 \(3 exact\), missing on the platform 0/,
      /NOT IN OUR TRAIL: /,
      /^Skill matrix: \d+ rows/m,
      /^Summary webhook: HTTP 200/m,
    ],
  },
  {
    name: 'serverless-handler',
    expect: [
      /^invocation 3: HTTP 200/m,
      /request log shows 1 POST \/oauth\/token for 3 invocations/,
      /^invocation 4 \(rate limit exhausted\): HTTP 503/m,
      /^Token requests: 1 /m,
    ],
  },
  {
    name: 'webhook-receiver',
    expect: [
      /good \(sendWebhook\) +200/,
      /tampered body +401 .*bad-signature/,
      /replayed +200 .*"duplicate":true/,
      /stale timestamp +401/,
      /^onEvent ran 1 time\(s\)/m,
      /^EventBridge event .* \(queueMembers\)/m,
    ],
  },
  {
    name: 'staffing-table',
    expect: [
      /^10:30 +\d+/m,
      /^Day: [\d.]+ agent-hours on the phones/m,
      /Erlang A, SL >= 80 % and <= 3 % abandoned: +[\d.]+/,
      /shared: \d+ agents, \d+ hold both skills +sales SL/,
    ],
  },
];

/** The environment of a user without a Genesys org: no GENESYS_* and none of the examples' own settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const own =
    /^(GENESYS_|QUEUE_IDS?$|SKILL_ID$|WEIGHTS$|BASELINE$|CALLS_PER_30_MIN$|AHT_SECONDS$|WFM_WEBHOOK_|WEBHOOK_SECRET$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !own.test(key)));
}

// EXAMPLES_AGAINST=cjs runs the examples against the built CommonJS package (npm run build first; .ci/run does).
const AGAINST_BUILD = process.env.EXAMPLES_AGAINST === 'cjs' ? ['--import', './test/package/use-cjs-build.mjs'] : [];

let running = 0;
const queue: Array<() => void> = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    queue.shift()?.();
  }
}

function runExample(
  name: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const env = cleanEnv();
    const child = spawn(process.execPath, ['--import', 'tsx', ...AGAINST_BUILD, `examples/${name}.ts`], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: performance.now() - started });
    });
  });
}

describe.concurrent('examples (npx tsx examples/<name>.ts, no Genesys org)', () => {
  for (const example of EXAMPLES) {
    it(
      example.name,
      async () => {
        const { code, signal, output } = await limited(() => runExample(example.name));
        if (code !== 0) throw new Error(`examples/${example.name}.ts exited with ${code ?? signal}:\n${output}`);
        for (const pattern of example.expect) expect(output, `examples/${example.name}.ts output`).toMatch(pattern);
      },
      TIMEOUT_MS + 15_000,
    );
  }
});

describe('example sources', () => {
  it.each(EXAMPLES.map((e) => e.name))(
    '%s starts with a comment saying what it shows and how to run it, here and on a real org',
    (name) => {
      const source = readFileSync(`${root}examples/${name}.ts`, 'utf8');
      const header = source.slice(0, source.search(/^import /m));
      expect(header).toMatch(/^\/\/ /);
      expect(header).toContain(`npx tsx examples/${name}.ts`);
      if (name !== 'staffing-table' && name !== 'webhook-receiver') expect(header).toContain('GENESYS_CLIENT_ID=');
      expect(source).not.toMatch(/from 'genesys-routing-sdk(\/testing)?'/); // examples run from sources, except the notebook
    },
  );

  it('every example in examples/ is run by this test', () => {
    const files = readdirSync(`${root}examples`).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.tmp.ts') && f !== 'demo.ts' && !f.startsWith('_'),
    );
    expect(files.sort()).toEqual(EXAMPLES.map((e) => `${e.name}.ts`).sort());
  });
});
