// A centre of 24 queues and 260 agents in many skill groups: over 1,500 group × queue pairs, so the lower bound's
// relaxation is a large model (solved aside on a helper thread when there is one).
import type { OptimizeRoutingInput } from '../../../src/optimizer/index.js';

export function manyGroups(): OptimizeRoutingInput {
  const target = { serviceLevel: 0.8, withinSeconds: 30 };
  return {
    queues: Array.from({ length: 24 }, (_, q) => ({ id: `q${q}`, callsPerHour: 60, ahtSeconds: 300, target })),
    agents: Array.from({ length: 260 }, (_, k) => ({
      id: `a${k}`,
      skills: {
        [`q${3 + (k % 21)}`]: 3,
        ...(k % 2 === 0 ? { [`q${(k * 7 + Math.floor(k / 24)) % 24}`]: 1 + (k % 5) } : {}),
      },
    })),
    constraints: { maxSkillsPerAgent: 3 },
  };
}
