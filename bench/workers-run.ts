// Forks N worker processes (bench/worker-process.ts, run from source through tsx) on one OAuth client against an
// emulator, starts them together once all are ready, and gathers what they and the emulator counted.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../src/testing/index.js';
import type { WorkerConfig, WorkerReport } from './worker-process.js';

export interface RunResult {
  workers: WorkerReport[];
  /** API requests the emulator answered, and how many of them with 429. */
  apiRequests: number;
  refused: number;
  tokenRequests: number;
  wallMs: number;
}

const SCRIPT = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

export async function runWorkers(
  emu: Emulator,
  count: number,
  config: Omit<WorkerConfig, 'baseUrl' | 'clientId' | 'clientSecret'>,
): Promise<RunResult> {
  const children: ChildProcess[] = [];
  try {
    const ready: Promise<void>[] = [];
    const reports: Promise<WorkerReport>[] = [];
    for (let i = 0; i < count; i++) {
      const child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      ready.push(
        new Promise((resolve, reject) => {
          child.once('error', reject);
          child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
          child.once('message', () => resolve());
        }),
      );
      reports.push(
        new Promise((resolve) =>
          child.on(
            'message',
            (m: { type: string; report?: WorkerReport }) => m.type === 'report' && resolve(m.report!),
          ),
        ),
      );
      child.send({
        type: 'config',
        config: { ...config, baseUrl: emu.baseUrl, clientId: emu.clientId, clientSecret: emu.clientSecret },
      });
    }
    await Promise.all(ready);
    for (const child of children) child.removeAllListeners('exit');
    emu.resetStats();
    const started = performance.now();
    for (const child of children) child.send({ type: 'go' });
    const workers = await Promise.all(reports);
    const wallMs = performance.now() - started;
    const api = Object.entries(emu.stats.byRoute).filter(([route]) => route.includes('/api/v2/'));
    return {
      workers,
      apiRequests: api.reduce((n, [, r]) => n + r.count, 0),
      refused: api.reduce((n, [, r]) => n + (r.byStatus[429] ?? 0), 0),
      tokenRequests: emu.stats.byRoute['POST /oauth/token']?.count ?? 0,
      wallMs,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

/**
 * The least time `total` requests can take under `limit` per `windowSeconds`: the platform's window opens with
 * the first request, so the last window can only start (ceil(total / limit) - 1) windows later.
 */
export function floorMs(total: number, limit: number, windowSeconds: number): number {
  return (Math.ceil(total / limit) - 1) * windowSeconds * 1000;
}
