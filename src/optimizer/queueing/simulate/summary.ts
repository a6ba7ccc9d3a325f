// Replications -> the public result: means and 95 % half-widths per queue, per profile interval and per agent.
import type { CompiledModel } from './compile.js';
import type { ReplicationStats } from './engine.js';
import { estimate } from './stats.js';
import type { Estimate, SimulatedIntervalResult, SimulatedQueueResult, SimulationResult } from './types.js';

const ratio = (num: number, den: number): number => (den > 0 ? num / den : NaN);

/** Per-replication service level of queue q (NaN when nothing was offered: left out of estimates). */
export function serviceLevelOf(s: ReplicationStats, q: number): number {
  return ratio(s.answeredWithin[q] as number, s.offered[q] as number);
}

function intervals(m: CompiledModel, runs: readonly ReplicationStats[], q: number): SimulatedIntervalResult[] {
  const out: SimulatedIntervalResult[] = [];
  const start = m.profileStart[q] as number;
  for (let i = start; i < start + (m.profileLength[q] as number); i++) {
    const per = (f: (s: ReplicationStats) => number): Estimate => estimate(runs.map(f));
    out.push({
      offered: per((s) => s.intervalOffered[i] as number),
      answered: per((s) => s.intervalAnswered[i] as number),
      serviceLevel: per((s) => ratio(s.intervalWithin[i] as number, s.intervalOffered[i] as number)),
    });
  }
  return out;
}

export function summarize(m: CompiledModel, runs: readonly ReplicationStats[]): SimulationResult {
  const per = (f: (s: ReplicationStats) => number): Estimate => estimate(runs.map(f));
  return {
    replications: m.replications,
    routing: m.routing,
    queues: m.queueIds.map((id, q) => {
      const r: SimulatedQueueResult = {
        id,
        offered: per((s) => s.offered[q] as number),
        answered: per((s) => s.answered[q] as number),
        abandoned: per((s) => s.abandoned[q] as number),
        serviceLevel: per((s) => serviceLevelOf(s, q)),
        asaSeconds: per((s) => ratio(s.waitSum[q] as number, s.answered[q] as number)),
        abandonRate: per((s) => ratio(s.abandoned[q] as number, s.offered[q] as number)),
        targetSeconds: m.target[q] as number,
      };
      if ((m.profileLength[q] as number) > 0) r.intervals = intervals(m, runs, q);
      return r;
    }),
    agents: m.agentIds.map((id, a) => ({ id, occupancy: per((s) => (s.busy[a] as number) / m.duration) })),
    contacts: runs.reduce((sum, s) => sum + s.contacts, 0),
  };
}
