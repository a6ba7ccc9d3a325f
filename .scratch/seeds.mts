import { simulate, evaluateRouting } from '../src/optimizer/index.js';
const LOADS = [5, 10, 15, 20, 20, 20];
const STAFF = [6, 11, 17, 22, 22, 22];
const TARGET = { serviceLevel: 0.8, withinSeconds: 30 };
const queues = LOADS.map((load, i) => ({ id: `q${i + 1}`, callsPerHour: (load * 3600) / 300, ahtSeconds: 300, target: TARGET }));
// plan: each queue lends to the next two in a ring with 5 agents each
const agents = STAFF.flatMap((n, i) => Array.from({ length: n }, (_, k) => ({ id: `q${i + 1}-${k}`, skills: { [`q${i + 1}`]: 3, ...(k < 8 ? { [`q${((i + 1 + (k % 5)) % 6) + 1}`]: 1 } : {}) } as Record<string, number> })));
for (const seed of [1, 2, 104730, 987654]) {
  const r = simulate({ queues: queues.map((q) => ({ id: q.id, skill: q.id, arrivalRatePerHour: q.callsPerHour, ahtSeconds: 300 })), agents, durationSeconds: 48 * 3600, warmupSeconds: 3600, replications: 10, targetSeconds: 30, seed });
  console.log('sim', seed, r.queues.map((q) => q.serviceLevel.mean.toFixed(4)).join(' '));
  const e = evaluateRouting({ queues, agents }, { seed, contacts: 10 * 49 * 1080, replications: 10 });
  console.log('eva', seed, e.queues.map((q) => q.measures.serviceLevel.toFixed(4)).join(' '));
}
