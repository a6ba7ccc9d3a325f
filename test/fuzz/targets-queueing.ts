// Fuzz targets: the queueing functions of `genesys-routing-sdk/optimizer` (`simulate` and
// `compareSimulations` are in targets-simulation.ts).
import {
  averageSpeedOfAnswer,
  erlangA,
  erlangB,
  erlangC,
  occupancy,
  requiredAgents,
  requiredAgentsErlangA,
  serviceLevel,
  staffIntervals,
  trafficFromVolume,
} from '../../src/optimizer/index.js';
import type { Target } from './harness.js';

const within = (lo: number, hi: number) => (v: unknown, name: string) =>
  typeof v === 'number' && v >= lo && v <= hi ? undefined : `${name} = ${String(v)} outside [${lo}, ${hi}]`;
const probability = within(0, 1);

function erlangAResult(r: unknown): string | undefined {
  const o = r as Record<string, unknown>;
  return (
    probability(o.probabilityOfWait, 'probabilityOfWait') ??
    probability(o.probabilityOfAbandon, 'probabilityOfAbandon') ??
    probability(o.serviceLevel, 'serviceLevel') ??
    probability(o.occupancy, 'occupancy') ??
    within(0, Number.MAX_VALUE)(o.asaSeconds, 'asaSeconds')
  );
}

export const queueingTargets: Target[] = [
  {
    name: 'erlangB',
    argNames: [''],
    bases: [[{ agents: 10, traffic: 8 }], [{ agents: 0, traffic: 0 }], [{ agents: 500, traffic: 480.5 }]],
    call: (i) => erlangB(i as never),
    check: (r) => probability(r, 'erlangB'),
  },
  {
    name: 'erlangC',
    argNames: [''],
    bases: [[{ agents: 11, traffic: 10 }], [{ agents: 3, traffic: 5 }]],
    call: (i) => erlangC(i as never),
    check: (r) => probability(r, 'erlangC'),
  },
  {
    name: 'serviceLevel',
    argNames: [''],
    bases: [
      [{ agents: 55, traffic: 48, ahtSeconds: 240, targetSeconds: 20 }],
      [{ agents: 2, traffic: 3, ahtSeconds: 100, targetSeconds: 0 }],
    ],
    call: (i) => serviceLevel(i as never),
    check: (r) => probability(r, 'serviceLevel'),
  },
  {
    name: 'averageSpeedOfAnswer',
    argNames: [''],
    bases: [[{ agents: 11, traffic: 10, ahtSeconds: 180 }], [{ agents: 9, traffic: 10, ahtSeconds: 180 }]],
    call: (i) => averageSpeedOfAnswer(i as never),
    infinityAllowed: true, // documented: an unstable queue (agents <= traffic) waits forever
    check: (r) => within(0, Infinity)(r, 'asa'),
  },
  {
    name: 'occupancy',
    argNames: [''],
    bases: [[{ agents: 55, traffic: 48 }], [{ agents: 0, traffic: 0 }]],
    call: (i) => occupancy(i as never),
    check: (r) => probability(r, 'occupancy'),
  },
  {
    name: 'trafficFromVolume',
    argNames: [''],
    bases: [
      [{ calls: 360, intervalSeconds: 1800, ahtSeconds: 240 }],
      [{ calls: 0, intervalSeconds: 900, ahtSeconds: 1 }],
    ],
    call: (i) => trafficFromVolume(i as never),
    check: (r) => within(0, Number.MAX_VALUE)(r, 'traffic'),
  },
  {
    name: 'requiredAgents',
    argNames: [''],
    bases: [
      [{ traffic: 48, ahtSeconds: 240, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 }],
      [{ traffic: 10, ahtSeconds: 180, maxAsaSeconds: 30, maxOccupancy: 0.85 }],
      [{ traffic: 0, ahtSeconds: 300, targetSeconds: 20, serviceLevel: 0.9 }],
    ],
    call: (i) => requiredAgents(i as never),
    check: (r) => {
      const o = r as Record<string, number>;
      return Number.isSafeInteger(o.agents) && Number.isSafeInteger(o.scheduledAgents)
        ? probability(o.serviceLevel, 'serviceLevel')
        : `agents ${o.agents}`;
    },
  },
  {
    name: 'staffIntervals',
    argNames: ['forecasts', 'targets'],
    bases: [
      [
        [
          { id: '08:00', calls: 120, intervalSeconds: 900, ahtSeconds: 300 },
          { id: 2, queueId: 'q1', traffic: 45, ahtSeconds: 300 },
        ],
        { targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 },
      ],
      [[], { maxOccupancy: 0.9 }],
    ],
    call: (f, t) => staffIntervals(f as never, t as never),
    check: (r, args) => {
      const rows = r as Array<Record<string, unknown>>;
      const input = args[0] as Array<Record<string, unknown>>;
      if (rows.length !== input.length) return `${rows.length} rows for ${input.length}`;
      for (const [i, row] of rows.entries()) {
        const id = row.id;
        if (id !== undefined && !(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))))
          return `row ${i} id ${String(id)}`;
        if (row.queueId !== undefined && typeof row.queueId !== 'string') return `row ${i} queueId`;
      }
      return undefined;
    },
  },
  {
    name: 'erlangA',
    argNames: [''],
    bases: [
      [{ agents: 10, traffic: 8, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 }],
      [{ agents: 1, traffic: 50, ahtSeconds: 300, patienceSeconds: 3600, targetSeconds: 20 }],
      [{ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 1e9, targetSeconds: 20 }],
    ],
    call: (i) => erlangA(i as never),
    check: erlangAResult,
  },
  {
    name: 'requiredAgentsErlangA',
    argNames: [''],
    bases: [
      [{ traffic: 10, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20, serviceLevel: 0.8 }],
      [
        {
          traffic: 40,
          ahtSeconds: 240,
          patienceSeconds: 90,
          targetSeconds: 20,
          serviceLevel: 0.5,
          maxAbandonRate: 0.05,
        },
      ],
    ],
    call: (i) => requiredAgentsErlangA(i as never),
    check: (r) => (Number.isSafeInteger((r as { agents: number }).agents) ? erlangAResult(r) : 'agents not an integer'),
  },
];
