// `--verbose` for the optimizer benches: one line per phase change of optimizeRouting's progress, with the wall and
// CPU time so far and the search's work against its budget (where the time and the work go).
import type { OptimizeProgress } from '../src/optimizer/index.js';

/** An `onProgress` that prints each phase change, or undefined unless `--verbose` was given. */
export function phaseLines(indent = '    '): ((p: OptimizeProgress) => void) | undefined {
  if (!process.argv.includes('--verbose')) return undefined;
  const cpu0 = process.cpuUsage();
  let lastPhase = '';
  return (p) => {
    if (p.phase === lastPhase) return;
    lastPhase = p.phase;
    const cpu = process.cpuUsage(cpu0);
    const seconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${indent}[${(p.elapsedMs / 1000).toFixed(1)} s wall, ${seconds.toFixed(1)} s CPU] ${p.phase}: ${p.changes} changes, ${p.queuesBelowTarget} below target, work ${p.work.used} of ${p.work.budget}`,
    );
  };
}
