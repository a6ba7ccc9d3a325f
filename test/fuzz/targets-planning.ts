// Fuzz targets: the planning functions of `genesys-routing-sdk/optimizer`, whatIf on the Erlang engine, and the
// input validation of optimizeRouting. Full optimizeRouting / evaluateRouting runs are in targets-simulation.ts;
// whatIf's 'simulate' engine is not fuzzed yet (see docs/testing.md).
import {
  applyDiff,
  checkRoutingConstraints,
  diffRoutingConfig,
  diffSkillMatrix,
  diffToChanges,
  formatDriftReport,
  isEmptyDiff,
  normalizeWeights,
  parseRoutingRules,
  projectSaturation,
  recommendSkillChanges,
  recommendationsToChanges,
  resolveProficiencyPolicy,
  scoreProficiency,
  skillMatrixFromRows,
  toBulkPayloads,
  validateRoutingRules,
  validateWeights,
  weightsToProficiency,
  weightsToRings,
  whatIf,
} from '../../src/optimizer/planning/index.js';
import { normalizeProblem } from '../../src/optimizer/routing/input.js';
import type { Target } from './harness.js';

const current = { ann: { billing: 3, sales: 1 }, bob: { billing: 2 } };
const desired = { ann: { billing: 4, french: 2 }, bob: { billing: 2 }, cat: { sales: 3 } };
const diff = diffSkillMatrix(current, desired, { mode: 'replace' });
const snapshotA = {
  skills: [{ id: 's1', name: 'Billing', state: 'active' }],
  queues: [
    {
      id: 'q1',
      name: 'Sales',
      acwSettings: { timeoutMs: 30000, wrapupPrompt: 'OPTIONAL' },
      memberGroups: [{ id: 'g1', type: 'GROUP' }],
    },
  ],
  members: [{ queueId: 'q1', queueName: 'Sales', id: 'u1', name: 'Ann', ringNumber: 1, joined: true }],
  userSkills: [{ userId: 'u1', userName: 'Ann', id: 's1', name: 'Billing', proficiency: 3 }],
};
const snapshotB = {
  skills: [
    { id: 's1', name: 'Billing', state: 'active' },
    { id: 's2', name: 'New <b>' },
  ],
  queues: [
    {
      id: 'q1',
      name: 'Sales',
      acwSettings: { timeoutMs: 60000, wrapupPrompt: 'OPTIONAL' },
      memberGroups: [{ id: 'g1', type: 'GROUP' }],
    },
  ],
  members: [],
  userSkills: [{ userId: 'u1', userName: 'Ann', id: 's1', name: 'Billing', proficiency: 4 }],
};
const report = diffRoutingConfig(snapshotA, snapshotB);
const rules = {
  skills: ['billing', 'sales', 'french'],
  queues: [
    {
      name: 'Billing',
      priority: 50,
      capacity: 1,
      requiredSkills: ['billing'],
      overflowQueue: 'Billing Overflow',
      overflowAfterSeconds: 120,
    },
    { name: 'Billing Overflow', priority: 60, capacity: 2, requiredSkills: ['billing', 'sales'] },
  ],
};
const usage = [
  { userId: 'ann', skillId: 'billing', offered: 0, handled: 14 },
  { userId: 'bob', skillId: 'billing', offered: 100, handled: 80, proficiency: 2 },
  { userId: 'cat', skillId: 'sales', offered: 40, handled: 5, proficiency: 2 },
];
const recommendations = recommendSkillChanges({ usage, demand: [{ skillId: 'sales', offered: 400 }] }).recommendations;
const members = [
  { memberId: 'a', weight: 0.5 },
  { memberId: 'b', weight: 0.3 },
  { memberId: 'c', weight: 0 },
];
const whatIfInput = {
  queues: [
    {
      queueId: 'billing',
      requiredSkillIds: ['billing'],
      calls: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetSeconds: 20,
    },
    {
      queueId: 'sales',
      requiredSkillIds: ['sales'],
      calls: 40,
      intervalSeconds: 1800,
      ahtSeconds: 240,
      targetSeconds: 30,
      patienceSeconds: 90,
    },
  ],
  membership: {
    members: [
      { queueId: 'billing', userId: 'ann' },
      { queueId: 'billing', userId: 'bob' },
      { queueId: 'sales', userId: 'ann' },
      { queueId: 'sales', userId: 'cat' },
    ],
    userSkills: { ann: { billing: 3, sales: 1 }, bob: { billing: 2 }, cat: { sales: 3 } },
  },
  changes: [
    { action: 'add', userId: 'bob', skillId: 'sales', proficiency: 2 },
    { action: 'remove', userId: 'ann', skillId: 'billing' },
  ],
  options: { engine: 'erlang', apportion: 'load' },
};
const routingProblem = {
  queues: [
    {
      id: 'billing',
      callsPerHour: 110,
      ahtSeconds: 300,
      target: { serviceLevel: 0.8, withinSeconds: 30 },
      patienceSeconds: 120,
    },
    { id: 'sales', callsPerHour: 60, ahtSeconds: 240, target: { serviceLevel: 0.8, withinSeconds: 20 } },
  ],
  agents: [
    { id: 'a1', skills: { billing: 4 } },
    { id: 'a2', skills: { sales: 4, language_es: 3 }, eligible: ['sales', 'billing'] },
  ],
  constraints: { maxSkillsPerAgent: 2, maxChanges: 10 },
};

export const planningTargets: Target[] = [
  {
    name: 'resolveProficiencyPolicy',
    argNames: [''],
    bases: [[{ minContacts: 50, weights: { transfer: 0 } }], [{}]],
    call: (p) => resolveProficiencyPolicy(p as never),
  },
  {
    name: 'scoreProficiency',
    argNames: ['metrics', 'policy'],
    bases: [
      [
        { handled: 200, resolutionRate: 0.8, transferRate: 0.1, avgHandleSeconds: 300, queueMedianHandleSeconds: 300 },
        {},
      ],
      [
        {
          handled: 3,
          resolutionRate: 0.5,
          transferRate: 0,
          avgHandleSeconds: 120,
          queueMedianHandleSeconds: 300,
          currentProficiency: 2,
        },
        { minContacts: 10 },
      ],
    ],
    call: (m, p) => scoreProficiency(m as never, p as never),
  },
  {
    name: 'checkRoutingConstraints',
    argNames: [''],
    bases: [
      [
        {
          changes: [
            { action: 'add', userId: 'alice', skillId: 'billing', proficiency: 3 },
            { action: 'remove', userId: 'bob', skillId: 'sales' },
          ],
          users: [
            { userId: 'alice', active: true, hasRoutingRole: true, hasRoutingLicense: true, certifications: ['pci'] },
            { userId: 'bob', active: false, hasRoutingRole: true, hasRoutingLicense: true, occupancy: 0.95 },
          ],
          skills: [{ skillId: 'billing', requiredCertifications: ['pci'] }, { skillId: 'sales' }],
          queues: [{ queueId: 'q-billing', requiredSkillIds: ['billing'], occupancy: 0.92 }],
        },
      ],
    ],
    call: (i) => checkRoutingConstraints(i as never),
  },
  {
    name: 'validateWeights',
    argNames: [''],
    bases: [[{ memberWeights: members, overflowThreshold: 0.8, utilizationTarget: 0.85 }]],
    call: (i) => validateWeights(i as never),
  },
  {
    name: 'normalizeWeights',
    argNames: ['weights', 'options'],
    bases: [
      [[2, 1, 1], { total: 100, decimals: 0 }],
      [[1, 1, 1], {}],
    ],
    call: (w, o) => normalizeWeights(w as never, o as never),
  },
  {
    name: 'weightsToProficiency',
    argNames: ['memberWeights', 'options'],
    bases: [
      [members, { min: 1, max: 3, step: 0.5 }],
      [members, {}],
    ],
    call: (m, o) => weightsToProficiency(m as never, o as never),
    related: (issue, planted) => /^options\.(min|max|step)$/.test(issue) && /^options\.(min|max|step)/.test(planted), // min <= max, on the step grid
  },
  {
    name: 'weightsToRings',
    argNames: ['memberWeights', 'options'],
    bases: [[members, { rings: 2 }]],
    call: (m, o) => weightsToRings(m as never, o as never),
  },
  {
    name: 'projectSaturation',
    argNames: [''],
    bases: [
      [{ activeAgents: 20, utilization: 0.8, projectedLoad: 3.5 }],
      [
        {
          activeAgents: 217,
          utilization: 0.36,
          projectedLoad: 49,
          blockThreshold: 0.56,
          warnThreshold: 0.5,
          currentAgents: 217,
        },
      ],
    ],
    call: (i) => projectSaturation(i as never),
  },
  {
    name: 'diffSkillMatrix',
    argNames: ['current', 'desired', 'options'],
    bases: [
      [current, desired, { mode: 'replace' }],
      [current, desired, { mode: 'upgradeOnly', minDelta: 0.5 }],
    ],
    call: (c, d, o) => diffSkillMatrix(c as never, d as never, o as never),
  },
  {
    name: 'applyDiff',
    argNames: ['current', 'diff'],
    bases: [[current, diff]],
    call: (c, d) => applyDiff(c as never, d as never),
  },
  { name: 'isEmptyDiff', argNames: [''], bases: [[diff]], call: (d) => isEmptyDiff(d as never) },
  { name: 'diffToChanges', argNames: [''], bases: [[diff]], call: (d) => diffToChanges(d as never) },
  {
    name: 'skillMatrixFromRows',
    argNames: ['rows', 'users'],
    bases: [
      [
        [
          { userId: 'u1', skillId: 'a', proficiency: 1 },
          { userId: 'u1', skillId: 'b', proficiency: 2.5 },
        ],
        ['u9'],
      ],
    ],
    call: (r, u) => skillMatrixFromRows(r as never, u as never),
  },
  {
    name: 'toBulkPayloads',
    argNames: ['diff', 'options'],
    bases: [
      [diff, { maxItems: 50 }],
      [diffSkillMatrix(current, desired), {}],
    ],
    call: (d, o) => toBulkPayloads(d as never, o as never),
  },
  {
    name: 'recommendSkillChanges',
    argNames: [''],
    bases: [[{ usage, demand: [{ skillId: 'sales', offered: 400 }] }]],
    call: (i) => recommendSkillChanges(i as never),
    // handled <= offered: lowering `offered` is reported on `handled` of the same row.
    related: (issue, planted) =>
      /^usage\[\d+\]\.handled$/.test(issue) && planted === issue.replace(/handled$/, 'offered'),
  },
  {
    name: 'recommendationsToChanges',
    argNames: [''],
    bases: [[recommendations]],
    call: (r) => recommendationsToChanges(r as never),
  },
  {
    name: 'diffRoutingConfig',
    argNames: ['a', 'b', 'options'],
    bases: [[snapshotA, snapshotB, { ignoreFields: ['division'] }]],
    call: (a, b, o) => diffRoutingConfig(a as never, b as never, o as never),
  },
  {
    name: 'formatDriftReport',
    argNames: ['report', 'format'],
    bases: [
      [report, 'text'],
      [report, 'markdown'],
      [report, 'json'],
    ],
    call: (r, f) => formatDriftReport(r as never, f as never),
    check: (out, args) => {
      if (typeof out !== 'string') return 'not a string';
      // Text and markdown reports never carry a raw control character other than their own line breaks.
      // eslint-disable-next-line no-control-regex -- that is the point
      if (args[1] !== 'json' && /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/.test(out))
        return 'raw control character in the report';
      return undefined;
    },
  },
  { name: 'validateRoutingRules', argNames: [''], bases: [[rules]], call: (r) => validateRoutingRules(r) },
  {
    name: 'parseRoutingRules',
    argNames: [''],
    bases: [[rules]],
    call: (r) => parseRoutingRules(r),
    // A renamed skill or queue leaves the queues that referred to it pointing at an unknown name.
    related: (issue, planted) =>
      /^queues\[\d+\]\.(requiredSkills\[\d+\]|overflowQueue)$/.test(issue) &&
      /^(skills(\[\d+\])?|queues(\[\d+\](\.name)?)?)$/.test(planted),
  },
  {
    name: 'whatIf',
    argNames: [''],
    bases: [[whatIfInput]],
    call: (i) => whatIf(i as never),
    // A changed queue id leaves the members that referred to it pointing at an unknown queue.
    related: (issue, planted) =>
      /^membership\.members\[\d+\]\.queueId$/.test(issue) && /^queues(\[\d+\](\.queueId)?)?$/.test(planted),
  },
  // The first thing optimizeRouting does (full runs: targets-simulation.ts).
  {
    name: 'optimizeRouting (input validation)',
    argNames: [''],
    bases: [[routingProblem]],
    call: (i) => normalizeProblem(i as never),
    errorsOnly: true,
    // A changed queue id leaves an agent's `eligible` list naming an unknown queue.
    related: (issue, planted) =>
      /^agents\[\d+\]\.eligible\[\d+\]$/.test(issue) && /^queues(\[\d+\](\.id)?)?$/.test(planted),
  },
];
