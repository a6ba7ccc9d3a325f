// The optimizeRouting benchmark instance (shared by bench/optimizer.ts and ad-hoc profiling scripts).
import type { OptimizeAgent, OptimizeRoutingInput } from '../src/optimizer/index.js';

/** Deterministic PRNG for the inputs (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A contact centre whose staffing does not follow its demand: `queues` queues with loads of 4..40 Erlangs
 * (AHT 240..420 s, 80 % in 20 or 30 s, half of them with patience), agents' primary skills assigned with
 * ±35 % noise around the load, a third of them with a second skill, proficiencies 1..5; total load 88 % of the
 * agents, so capacity exists but sits in the wrong places.
 */
export function routingInstance(queues: number, agents: number, seed: number): OptimizeRoutingInput {
  const r = mulberry32(seed);
  const raw = Array.from({ length: queues }, () => 4 + 36 * r() ** 1.5);
  const scale = (0.88 * agents) / raw.reduce((s, x) => s + x, 0);
  const loads = raw.map((x) => x * scale);
  const qs = loads.map((load, q) => {
    const aht = 240 + 30 * Math.floor(r() * 7);
    return {
      id: `q${q}`,
      callsPerHour: (load * 3600) / aht,
      ahtSeconds: aht,
      target: { serviceLevel: 0.8, withinSeconds: q % 3 === 0 ? 20 : 30 },
      ...(q % 2 === 0 ? { patienceSeconds: 120 + 60 * Math.floor(r() * 4) } : {}),
    };
  });
  const weight = loads.map((l) => l * (0.65 + 0.7 * r()));
  const total = weight.reduce((s, x) => s + x, 0);
  const pick = (): number => {
    let u = r() * total;
    for (let q = 0; q < queues; q++) if ((u -= weight[q] as number) <= 0) return q;
    return queues - 1;
  };
  const as = Array.from({ length: agents }, (_, a) => {
    const primary = pick();
    const skills: Record<string, number> = { [`q${primary}`]: 3 + Math.floor(r() * 3) };
    if (r() < 0.33) {
      const second = Math.floor(r() * queues);
      if (second !== primary) skills[`q${second}`] = 1 + Math.floor(r() * 3);
    }
    return { id: `agent${a}`, skills };
  });
  return {
    queues: qs,
    agents: as,
    constraints: { maxSkillsPerAgent: 3, maxChanges: Math.round(agents * 0.4), maxChangesPerAgent: 2 },
  };
}

/**
 * A day of `intervals` half-hours built on {@link routingInstance}: agents work 8-hour shifts starting at 7, 9,
 * 11 or 13 h (a half-share break interval in the middle), and each queue's calls follow the agents on shift,
 * with a bump at its own peak hour (9..17 h), so queues peak at different times. Nobody works before 7 h or
 * after 21 h, and no calls come then.
 */
export function routingDay(queues: number, agents: number, seed: number, intervals = 48): OptimizeRoutingInput {
  const base = routingInstance(queues, agents, seed);
  const r = mulberry32(seed + 1);
  const width = 86_400 / intervals;
  const hourOf = (t: number): number => ((t + 0.5) * width) / 3600;
  const starts = [7, 9, 11, 13];
  const shifts = base.agents.map(() => starts[Math.floor(r() * starts.length)] as number);
  const on = Array.from(
    { length: intervals },
    (_, t) => shifts.filter((s) => hourOf(t) >= s && hourOf(t) < s + 8).length / shifts.length,
  );
  return {
    ...base,
    queues: base.queues.map((q) => {
      const peak = 9 + 8 * r();
      const perInterval = ((q.callsPerHour ?? 0) * width) / 3600;
      const calls = on.map(
        (c, t) => Math.round(10 * perInterval * c * (0.7 + 0.3 * Math.exp(-(((hourOf(t) - peak) / 2.5) ** 2)))) / 10,
      );
      const { callsPerHour: _drop, ...rest } = q;
      return { ...rest, demand: { intervalSeconds: width, calls } };
    }),
    agents: base.agents.map((a, i) => {
      const s = shifts[i] as number;
      const available = Array.from({ length: intervals }, (_, t) => {
        const h = hourOf(t);
        if (h < s || h >= s + 8) return 0;
        return Math.abs(h - (s + 4.25)) < width / 7200 ? 0.5 : 1;
      });
      return { ...a, available };
    }),
  };
}

/**
 * The queues of {@link routingInstance} in `sites` sites (queue q in site q mod `sites`), as in a centre split by
 * language or location: each site has agents in proportion to its load (88 % busy overall), each agent may hold
 * only its site's queues, with a primary skill drawn as in routingInstance (±35 % noise around the load) and a
 * second one in the same site for a third of them. The sites share no agent, so the optimizer simulates them apart.
 */
export function routingSites(queues: number, agents: number, seed: number, sites: number): OptimizeRoutingInput {
  const base = routingInstance(queues, agents, seed);
  const r = mulberry32(seed + 2);
  const load = base.queues.map((q) => ((q.callsPerHour ?? 0) * q.ahtSeconds) / 3600);
  const total = load.reduce((s, x) => s + x, 0);
  const site = (q: number): number => q % sites;
  const out: OptimizeAgent[] = [];
  for (let s = 0; s < sites; s++) {
    const own = load.map((_, q) => q).filter((q) => site(q) === s);
    const weight = own.map((q) => (load[q] as number) * (0.65 + 0.7 * r()));
    const sum = weight.reduce((x, w) => x + w, 0);
    const pick = (): number => {
      let u = r() * sum;
      for (const [k, q] of own.entries()) if ((u -= weight[k] as number) <= 0) return q;
      return own[own.length - 1] as number;
    };
    const count = Math.round((agents * own.reduce((x, q) => x + (load[q] as number), 0)) / total);
    for (let k = 0; k < count; k++) {
      const primary = pick();
      const skills: Record<string, number> = { [`q${primary}`]: 3 + Math.floor(r() * 3) };
      const second = own[Math.floor(r() * own.length)] as number;
      if (r() < 0.33 && second !== primary) skills[`q${second}`] = 1 + Math.floor(r() * 3);
      out.push({ id: `agent${out.length}`, skills, eligible: own.map((q) => `q${q}`) });
    }
  }
  return { ...base, agents: out };
}
