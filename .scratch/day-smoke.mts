import { optimizeRouting, type OptimizeRoutingInput } from '../src/optimizer/index.js';
const target = { serviceLevel: 0.8, withinSeconds: 30 };
const H = 16;
const A = Array.from({ length: H }, (_, t) => (t < 8 ? 90 : 36)); // 15 E morning, 6 E afternoon
const B = Array.from({ length: H }, (_, t) => (t < 8 ? 36 : 90));
const shift = (morning: boolean) => Array.from({ length: H }, (_, t) => (t < 8) === morning);
const team = (q: string, m: number, a: number) => [
  ...Array.from({ length: m }, (_, i) => ({ id: `${q}-m${i}`, skills: { [q]: 3 }, available: shift(true) })),
  ...Array.from({ length: a }, (_, i) => ({ id: `${q}-a${i}`, skills: { [q]: 3 }, available: shift(false) })),
];
const input: OptimizeRoutingInput = {
  queues: [
    { id: 'A', ahtSeconds: 300, target, demand: { intervalSeconds: 1800, calls: A } },
    { id: 'B', ahtSeconds: 300, target, demand: { intervalSeconds: 1800, calls: B } },
  ],
  agents: [...team('A', 18, 9), ...team('B', 9, 18)],
  constraints: { maxSkillsPerAgent: 2 },
};
const t0 = performance.now();
const r = await optimizeRouting(input, { seed: 1, timeLimitMs: 60_000 });
console.log('ms', Math.round(performance.now() - t0), 'changes', r.changes.length, 'feasible', r.feasible, 'bound', r.lowerBound, r.warnings);
for (const q of r.queues) console.log(q.id, q.worstInterval, q.intervals.map((x) => `${x.before.serviceLevel.toFixed(2)}>${x.after.serviceLevel.toFixed(2)}`).join(' '));
console.log(r.changes.map((c) => `${c.agentId}+${c.queueId}`).join(' '));
console.log(r.stats);
