// Staffing curves from the plan itself, when it planned a day: per queue, the agents required in each interval
// (Erlang C on the very demand the optimizer planned for) beside the agents on queue who hold the queue's skill,
// now and after the plan's changes (their on-queue share summed per interval, from the plan's model).
import type { AvailableSeries, ReportInput, StaffingReport } from '../types.js';

type Optimizer = typeof import('../../optimizer/index.js');

interface ModelQueue {
  id: string;
  ahtSeconds: number;
  target: { serviceLevel: number; withinSeconds: number };
  patienceSeconds?: number;
  demand?: { intervalSeconds: number; calls: number[]; ahtSeconds?: number[] };
}
interface ModelAgent {
  id: string;
  skills: Record<string, number>;
  available?: (number | boolean)[];
}
interface DayPlan {
  changes?: { userId: string; skillId: string; after: number | null }[];
  day?: { date?: unknown; intervalMinutes?: unknown };
  inputs?: { model?: { queues?: ModelQueue[]; agents?: ModelAgent[] }; queueSkills?: Record<string, string> };
}

/** The planned day's start and interval length, when the plan planned a day. */
export function plannedHorizon(input: ReportInput): { start: string; intervalSeconds: number } | undefined {
  const day = (input.plan as DayPlan | undefined)?.day;
  if (
    !day ||
    typeof day.date !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(day.date) ||
    typeof day.intervalMinutes !== 'number' ||
    !(day.intervalMinutes > 0)
  )
    return undefined;
  return { start: `${day.date}T00:00:00.000Z`, intervalSeconds: day.intervalMinutes * 60 };
}

/**
 * One curve per queue of a day plan's model; undefined when the plan carries no per-interval model (a
 * single-interval plan, or a plan from another workflow).
 */
export function staffingFromPlan(
  input: ReportInput,
  opt: Optimizer,
  name: (id: string) => string,
): StaffingReport[] | undefined {
  const plan = input.plan as DayPlan | undefined;
  const model = plan?.inputs?.model;
  const horizon = plannedHorizon(input);
  if (!horizon || !Array.isArray(model?.queues) || !Array.isArray(model.agents)) return undefined;
  const queues = model.queues.filter((q) => Array.isArray(q.demand?.calls) && q.demand!.calls.length > 0);
  if (queues.length === 0) return undefined;
  const skillOfQueue = plan?.inputs?.queueSkills ?? {};
  const start = Date.parse(horizon.start);
  const out: StaffingReport[] = [];
  for (const q of queues) {
    const d = q.demand!;
    const label = (i: number) =>
      new Date(start + i * d.intervalSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
    const targets = {
      serviceLevel: Math.min(0.9999, Math.max(0.0001, q.target.serviceLevel)),
      targetSeconds: q.target.withinSeconds,
    };
    const rows = opt
      .staffIntervals(
        d.calls.map((calls, i) => ({
          id: label(i),
          calls,
          intervalSeconds: d.intervalSeconds,
          ahtSeconds: d.ahtSeconds?.[i] ?? q.ahtSeconds,
        })),
        targets,
      )
      .map((r, i) => ({ ...r, calls: d.calls[i] }));
    out.push({
      name: name(q.id),
      queueId: q.id,
      rows,
      targets,
      ahtSeconds: q.ahtSeconds,
      ...(q.patienceSeconds ? { patienceSeconds: q.patienceSeconds } : {}),
      timeZone: 'UTC',
      available: holdersOnQueue(q.id, skillOfQueue[q.id], model.agents, plan?.changes ?? [], d.calls.length),
    });
  }
  return out;
}

/** Per interval, the on-queue share of the agents holding the queue's skill summed: now, and after the changes. */
function holdersOnQueue(
  queueId: string,
  skillId: string | undefined,
  agents: readonly ModelAgent[],
  changes: NonNullable<DayPlan['changes']>,
  intervals: number,
): AvailableSeries[] {
  const after = new Map<string, boolean>();
  for (const c of changes) if (skillId !== undefined && c.skillId === skillId) after.set(c.userId, c.after !== null);
  const now = new Array<number>(intervals).fill(0);
  const then = new Array<number>(intervals).fill(0);
  for (const a of agents) {
    const holdsNow = Object.prototype.hasOwnProperty.call(a.skills ?? {}, queueId);
    const holdsAfter = after.get(a.id) ?? holdsNow;
    if (!holdsNow && !holdsAfter) continue;
    for (let i = 0; i < intervals; i++) {
      const v = a.available?.[i];
      const share = v === undefined ? 1 : typeof v === 'boolean' ? (v ? 1 : 0) : v;
      if (holdsNow) now[i]! += share;
      if (holdsAfter) then[i]! += share;
    }
  }
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
  return [
    { label: 'on queue holding the skill, now', values: round(now) },
    { label: 'after the plan', values: round(then) },
  ];
}
