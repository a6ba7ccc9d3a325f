import { simulate } from '../src/optimizer/index.js';
const queues = [{ id: 'q', skill: 'q', arrivalRatePerHour: 240, ahtSeconds: 300 }];
const agents = Array.from({ length: 23 }, (_, k) => ({ id: `a${k}`, skills: { q: 3 } }));
for (const seed of [1, 2, 3, 104730, 987654]) {
  const r = simulate({ queues, agents, durationSeconds: 48 * 3600, warmupSeconds: 3600, replications: 10, targetSeconds: 30, seed });
  console.log('sim', seed, r.queues[0]!.serviceLevel.mean.toFixed(4), r.queues[0]!.serviceLevel.halfWidth.toFixed(4), r.queues[0]!.offered.mean.toFixed(0));
}
