// Fuzz targets that drive the discrete-event simulator: `simulate`, `compareSimulations`, `evaluateRouting` and
// short `optimizeRouting` runs. The simulator's work cap (maxContacts) makes every input that passes validation
// finish in bounded time; bases are small so a sane call takes milliseconds.
import { compareSimulations, evaluateRouting, optimizeRouting, simulate } from '../../src/optimizer/index.js';
import type { Target } from './harness.js';

const simulation = {
  queues: [
    {
      id: 'billing',
      skill: 'billing',
      arrivalRatePerHour: 120,
      ahtSeconds: 180,
      patienceSeconds: 90,
      priority: 1,
      ringSeconds: [10, 30],
    },
    {
      id: 'sales',
      skill: 'sales',
      arrivals: { intervalSeconds: 900, callsPerInterval: [20, 0, 40] },
      ahtSeconds: 240,
      targetSeconds: 30,
    },
    { id: 'quiet', skill: 'sales', callsPerInterval: 3, intervalSeconds: 1800, ahtSeconds: 60 },
  ],
  agents: [
    { id: 'ann', skills: { billing: 5, sales: 1 }, speed: 1.2 },
    { id: 'bob', skills: { billing: 2 }, rings: { billing: 2 } },
    { id: 'cat', skills: { sales: 3, billing: 1 }, rings: { billing: 3 } },
    { id: 'dan', skills: { sales: 4 } },
  ],
  routing: 'bestAvailable',
  durationSeconds: 3_600,
  warmupSeconds: 300,
  replications: 3,
  targetSeconds: 20,
  seed: 5,
  maxContacts: 200_000,
};
const plain = {
  queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 300, ahtSeconds: 120 }],
  agents: [
    { id: 'a', skills: { s: 1 } },
    { id: 'b', skills: { s: 3 } },
    { id: 'c', skills: { s: 0 } },
  ],
  durationSeconds: 2_000,
  replications: 2,
  targetSeconds: 0,
};

const problem = {
  queues: [
    {
      id: 'billing',
      callsPerHour: 110,
      ahtSeconds: 300,
      target: { serviceLevel: 0.8, withinSeconds: 30 },
      patienceSeconds: 120,
      priority: 1,
    },
    { id: 'sales', callsPerHour: 60, ahtSeconds: 240, target: { serviceLevel: 0.8, withinSeconds: 20 } },
  ],
  agents: [
    { id: 'a1', skills: { billing: 4 } },
    { id: 'a2', skills: { sales: 4, language_es: 3 }, eligible: ['sales', 'billing'] },
    { id: 'a3', skills: { billing: 0 }, speed: 1.5 },
    { id: 'a4', skills: {} },
  ],
  constraints: { maxSkillsPerAgent: 2, maxChanges: 10 },
};

const probability = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

function checkSimulation(r: unknown): string | undefined {
  const result = r as { queues: Array<{ id: string; serviceLevel: { mean: number }; abandonRate: { mean: number } }> };
  for (const q of result.queues) {
    if (!probability(q.serviceLevel.mean)) return `${q.id}: service level ${q.serviceLevel.mean}`;
    if (!probability(q.abandonRate.mean)) return `${q.id}: abandon rate ${q.abandonRate.mean}`;
  }
  return undefined;
}

// A renamed queue leaves agents' `rings` naming an unknown queue; a shorter ringSeconds leaves a ring too high.
const ringsFollowQueues = (issue: string, planted: string) =>
  /^agents\[\d+\]\.rings\./.test(issue) && /^queues(\[\d+\](\.(id|ringSeconds)(\[\d+\])?)?)?$/.test(planted);
// Removing every queue's own target makes the model-level one required (and the reverse).
const targets = (issue: string, planted: string) =>
  issue === 'targetSeconds' && /^queues\[\d+\]\.targetSeconds$/.test(planted);
// The work cap names what drives the work (duration, replications, the busiest queue's rate, ...).
const workCap = (issue: string, planted: string) =>
  /^(durationSeconds|warmupSeconds|replications|maxContacts|queues|agents|queues\[\d+\]\.(arrivalRatePerHour|callsPerInterval|arrivals))$/.test(
    issue,
  ) && /^(durationSeconds|warmupSeconds|replications|maxContacts|queues(\[\d+\].*)?|agents(\[\d+\].*)?)$/.test(planted);

export const simulationTargets: Target[] = [
  {
    name: 'simulate',
    argNames: [''],
    bases: [[simulation], [plain]],
    call: (m) => simulate(m as never),
    infinityAllowed: true, // documented: halfWidth is Infinity when fewer than two replications had data
    check: checkSimulation,
    related: (issue, planted) =>
      ringsFollowQueues(issue, planted) || targets(issue, planted) || workCap(issue, planted),
  },
  {
    name: 'compareSimulations',
    argNames: ['base', 'variant'],
    // Separate copies: a shared object would be mutated in both arguments at once.
    bases: [[plain, structuredClone({ ...plain, agents: plain.agents.slice(1) })]],
    call: (a, b) => compareSimulations(a as never, b as never),
    infinityAllowed: true,
    // The pairing checks name the variant's field when either side changed.
    related: (issue, planted) => {
      const [side, rest] = [issue.split('.')[0], issue.replace(/^(base|variant)\.?/, '')];
      const inner = planted.replace(/^(base|variant)\.?/, '');
      return (
        (planted.startsWith(`${side}`) && (workCap(rest, inner) || targets(rest, inner))) ||
        /^variant\.(queues|seed|replications)$/.test(issue)
      );
    },
  },
  {
    name: 'evaluateRouting',
    argNames: ['', 'options'],
    // evaluateRouting takes queues and agents only: constraints would be an unknown key.
    bases: [
      [
        { queues: problem.queues, agents: problem.agents },
        { seed: 3, contacts: 5_000, replications: 3 },
      ],
    ],
    call: (i, o) => evaluateRouting(i as never, o as never),
    // A mutation that removes `contacts` runs the documented default of 400,000 contacts (~0.2 s idle, seconds
    // on a loaded machine): a long run, not a hang.
    timeLimitMs: 20_000,
    related: (issue, planted) =>
      /^agents\[\d+\]\.eligible\[\d+\]$/.test(issue) && /^queues(\[\d+\](\.id)?)?$/.test(planted),
  },
  {
    name: 'optimizeRouting (short runs)',
    argNames: ['', 'options'],
    bases: [
      [
        problem,
        {
          seed: 2,
          timeLimitMs: 5_000,
          evaluation: { replications: 2, contactsPerEvaluation: 2_000, confirmContacts: 4_000 },
        },
      ],
    ],
    call: (i, o) => optimizeRouting(i as never, o as never),
    runs: 60,
    // Its own time limit (default 300 s when a mutation removes it) bounds the run, not the 2 s hang detector.
    timeLimitMs: 315_000,
    related: (issue, planted) =>
      /^agents\[\d+\]\.eligible\[\d+\]$/.test(issue) && /^queues(\[\d+\](\.id)?)?$/.test(planted),
  },
];
