// `--beside=N`: N CPU-bound processes run beside the bench while it measures (a loaded machine), ended with it.
import { spawn, type ChildProcess } from 'node:child_process';

const count = Number(process.argv.find((a) => a.startsWith('--beside='))?.slice('--beside='.length) ?? 0);
if (!Number.isInteger(count) || count < 0) throw new Error(`--beside must be a whole number of processes`);

/** How many CPU-bound processes run beside, for the bench's first line. */
export const beside = count;

// Unreferenced, so they never keep the bench alive; killed when it exits.
const spinners: ChildProcess[] = Array.from({ length: count }, () => {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  child.unref();
  return child;
});
const stop = (): void => spinners.forEach((p) => p.kill());
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
