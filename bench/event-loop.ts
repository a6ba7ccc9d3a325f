// npm run bench:event-loop — how long optimizeRouting holds the event loop when it runs on the calling thread (a
// browser, an edge function, a one-file Node bundle): the longest gap between the ticks of a 5 ms interval timer
// while the call runs, up to the moment it settles (a loop held to the end never ticks at all). Cases: a three-queue plan to its work budget (first as the optimizer loads, then
// again, warmed up), and one queue at 2,000,000 calls an hour (one simulation takes minutes) given up by
// timeLimitMs. Prints the longest stall, the number of stalls over 100 ms and the call's wall time; asserts nothing. Target: no
// stall over a fraction of a second (the slices are 50 ms).
import type { OptimizeRoutingInput, OptimizeRoutingOptions } from '../src/optimizer/index.js';
import { runOptimizeRouting } from '../src/optimizer/routing/run/run-optimize.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function teams(calls: number[], staff: number[]): OptimizeRoutingInput {
  return {
    queues: calls.map((c, i) => ({ id: `q${i}`, callsPerHour: c, ahtSeconds: 300, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i}-${k}`, skills: { [`q${i}`]: 3 } as Record<string, number> })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 30 },
  };
}

const cases: Array<[string, OptimizeRoutingInput, OptimizeRoutingOptions]> = [
  ['three queues, effort 0.25', teams([60, 110, 90], [5, 9, 7]), { seed: 3, effort: 0.25 }],
  // The same again: the optimizer's code is loaded and warmed up now.
  ['three queues, effort 0.25, again', teams([60, 110, 90], [5, 9, 7]), { seed: 3, effort: 0.25 }],
  ['one queue at 2,000,000 calls/h, timeLimitMs 3000', teams([2e6], [10]), { timeLimitMs: 3_000 }],
];

/** Runs `call` while a 5 ms interval timer ticks: the longest gap between ticks (or until `call` settled). */
async function stalls(call: () => Promise<string>): Promise<{ longest: number; over100: number; outcome: string }> {
  let last = performance.now();
  let longest = 0;
  let over100 = 0;
  const gap = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last > 100) over100++;
    last = now;
  };
  const ticker = setInterval(gap, 5);
  const outcome = await call();
  gap();
  clearInterval(ticker);
  return { longest, over100, outcome };
}

for (const [name, input, options] of cases) {
  const started = performance.now();
  const { longest, over100, outcome } = await stalls(() =>
    runOptimizeRouting(input, options).then(
      (r) => `${r.changes.length} changes, stopped by ${r.stats?.stoppedBy}`,
      (e: unknown) => (e as Error).name,
    ),
  );
  const wall = performance.now() - started;
  console.log(
    `${name.padEnd(50)} longest stall ${longest.toFixed(0).padStart(5)} ms, ${String(over100).padStart(3)} over 100 ms, wall ${(wall / 1000).toFixed(1)} s (${outcome})`,
  );
}
