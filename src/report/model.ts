// Normalizes the report's inputs (plan, optimization result, staffing rows) into one view model, noting what
// each section lacks instead of failing.
import { ValidationError } from '../errors/index.js';
import type { OptimizeRoutingResult, QueueOutcome, ServiceTarget } from '../optimizer/routing/types.js';
import type { QueueMetrics } from '../workflows/plan.js';
import type { ReportInput } from './types.js';

export interface Measures {
  serviceLevel: number | null;
  ci95?: [number, number] | undefined;
  occupancy: number | null;
  agents: number | null;
  asaSeconds?: number | null | undefined;
  abandonRate?: number | null | undefined;
}

/** One interval of the horizon: offered calls and the service level before and after (with its 95 % bounds). */
export interface IntervalView {
  index: number;
  offered: number | null;
  before: number | null;
  after: number | null;
  afterLow: number | null;
}

export interface QueueView {
  id: string;
  name: string;
  /** Per interval of the optimization's horizon, when the result carries them (more than one). */
  intervals?: IntervalView[] | undefined;
  /** The interval whose service level after the changes is lowest. */
  worstInterval?: { index: number; before: number | null; after: number | null } | undefined;
  target?: ServiceTarget | undefined;
  /** The optimizer's verdict under its acceptance rule (absent: judged on the point estimate). */
  meetsTarget?: boolean | undefined;
  before: Measures;
  after: Measures;
}

export interface ChangeView {
  kind: 'skill' | 'membership';
  agent: string;
  subject: string;
  action: string;
  before: number | null;
  after: number | null;
  reasons: string[];
}

export interface MatrixView {
  columns: { id: string; name: string }[];
  /** Per column: a proficiency, null (not held) or undefined (unknown: the plan does not touch it). */
  rows: { id: string; name: string; before: (number | null | undefined)[]; after: (number | null | undefined)[] }[];
  /** True when every agent is present (not only those with changes). */
  complete: boolean;
  /** What a column is: the optimizer's queue skills (named by queue), or the plan's skills (named by skill). */
  columnKind: 'queue skill' | 'skill';
}

export interface IssueView {
  kind: string;
  message: string;
}

const fail = (path: string, message: string): never => {
  throw new ValidationError('renderReport', [{ path, message }]);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Checks the shapes the renderer relies on; throws ValidationError naming the field. */
export function checkInput(input: unknown): ReportInput {
  if (!isObject(input)) fail('', 'expected an object with plan, optimization and/or staffing');
  const i = input as Record<string, unknown>;
  if (i.plan !== undefined) {
    if (!isObject(i.plan)) fail('plan', 'expected a Plan object');
    for (const key of ['changes', 'impact'] as const) {
      const v = (i.plan as Record<string, unknown>)[key];
      if (v !== undefined && !Array.isArray(v)) fail(`plan.${key}`, 'expected an array');
    }
  }
  if (i.optimization !== undefined) {
    if (!isObject(i.optimization)) fail('optimization', 'expected an optimizeRouting result');
    for (const key of ['changes', 'queues', 'agents'] as const) {
      if (!Array.isArray((i.optimization as Record<string, unknown>)[key]))
        fail(`optimization.${key}`, 'expected an array');
    }
  }
  if (i.staffing !== undefined) {
    const list = Array.isArray(i.staffing) ? i.staffing : [i.staffing];
    list.forEach((s: unknown, k) => {
      const path = Array.isArray(i.staffing) ? `staffing[${k}]` : 'staffing';
      if (!isObject(s)) fail(path, 'expected { rows, targets }');
      if (!Array.isArray((s as Record<string, unknown>).rows))
        fail(`${path}.rows`, 'expected an array of staffIntervals rows');
      (s as { rows: unknown[] }).rows.forEach((r, n) => {
        if (!isObject(r) || finite(r.agents) === null) fail(`${path}.rows[${n}].agents`, 'expected a finite number');
      });
      if (!isObject((s as Record<string, unknown>).targets)) fail(`${path}.targets`, 'expected the staffing targets');
      const available = (s as Record<string, unknown>).available;
      if (available !== undefined) {
        if (!Array.isArray(available)) fail(`${path}.available`, 'expected an array of { label, values }');
        (available as unknown[]).forEach((a, n) => {
          if (!isObject(a) || typeof a.label !== 'string') fail(`${path}.available[${n}].label`, 'expected a string');
          if (!Array.isArray((a as Record<string, unknown>).values))
            fail(`${path}.available[${n}].values`, 'expected an array with one number (or null) per row');
        });
      }
    });
  }
  for (const key of ['names', 'targets'] as const)
    if (i[key] !== undefined && !isObject(i[key])) fail(key, 'expected an object keyed by id');
  for (const key of ['title', 'org', 'division', 'timeZone'] as const)
    if (i[key] !== undefined && typeof i[key] !== 'string') fail(key, 'expected a string');
  if (i.horizon !== undefined) {
    const h = i.horizon as Record<string, unknown>;
    if (!isObject(h) || !(typeof h.intervalSeconds === 'number' && h.intervalSeconds > 0))
      fail('horizon.intervalSeconds', 'expected a number of seconds > 0');
    if (!Number.isFinite(new Date(h.start as string).getTime())) fail('horizon.start', 'expected a date');
  }
  return input as ReportInput;
}

/** The optimization outcome: given directly, or carried by a planRoutingOptimization plan. */
export function optimizationOf(
  input: ReportInput,
): (Pick<OptimizeRoutingResult, 'queues'> & Partial<OptimizeRoutingResult>) | undefined {
  if (input.optimization) return input.optimization;
  const carried = (input.plan as { optimization?: unknown } | undefined)?.optimization;
  return isObject(carried) && Array.isArray(carried.queues)
    ? (carried as Pick<OptimizeRoutingResult, 'queues'>)
    : undefined;
}

/** A name for an id: the input's `names`, then the plan's own names, then the id. */
export function namer(input: ReportInput): (id: string) => string {
  const known = new Map<string, string>();
  const plan = input.plan;
  for (const q of plan?.impact ?? []) if (q.queueName) known.set(q.queueId, q.queueName);
  for (const c of plan?.changes ?? []) {
    if (c.userName) known.set(c.userId, c.userName);
    if (c.skillName) known.set(c.skillId, c.skillName);
  }
  for (const m of (
    plan as { memberships?: { userId: string; userName?: string; queueId: string; queueName?: string }[] } | undefined
  )?.memberships ?? []) {
    if (m.userName) known.set(m.userId, m.userName);
    if (m.queueName) known.set(m.queueId, m.queueName);
  }
  for (const [id, name] of Object.entries(input.names ?? {})) if (typeof name === 'string') known.set(id, name);
  return (id) => known.get(id) ?? id;
}

/** The optimizer's per-interval results (newer results carry them; older ones do not: then nothing). */
function intervalsOf(q: unknown): Pick<QueueView, 'intervals' | 'worstInterval'> {
  const raw = (q as { intervals?: unknown; worstInterval?: unknown }).intervals;
  if (!Array.isArray(raw) || raw.length === 0) return {};
  const measure = (m: unknown) => (isObject(m) ? m : {});
  const intervals = raw.filter(isObject).map((i, k) => ({
    index: typeof i.index === 'number' ? i.index : k,
    offered: finite(i.offered),
    before: finite(measure(i.before).serviceLevel),
    after: finite(measure(i.after).serviceLevel),
    afterLow: finite(measure(i.after).low),
  }));
  const w = (q as { worstInterval?: unknown }).worstInterval;
  const worstInterval =
    isObject(w) && typeof w.index === 'number'
      ? { index: w.index, before: finite(w.before), after: finite(w.after) }
      : undefined;
  return { intervals, worstInterval };
}

function fromOutcome(m: QueueOutcome['before']): Measures {
  return {
    serviceLevel: finite(m.serviceLevel),
    ci95: m.ci95,
    occupancy: finite(m.occupancy),
    agents: finite(m.holders),
    asaSeconds: finite(m.asa),
    abandonRate: finite(m.abandonRate),
  };
}

function fromMetrics(m: QueueMetrics | undefined): Measures {
  const ci = (m as { ci95?: unknown } | undefined)?.ci95;
  return {
    serviceLevel: finite(m?.serviceLevel),
    ci95:
      Array.isArray(ci) && ci.length === 2 && ci.every((x) => finite(x) !== null)
        ? (ci as [number, number])
        : undefined,
    occupancy: finite(m?.occupancy),
    agents: finite(m?.headcount ?? m?.agents),
    asaSeconds: m?.asaSeconds ?? null,
    abandonRate: m?.abandonRate ?? null,
  };
}

/** Per queue: service level, interval, occupancy and agents before and after, and the target when known. */
export function queueViews(input: ReportInput, name: (id: string) => string): QueueView[] {
  const opt = optimizationOf(input);
  if (opt) {
    return opt.queues.map((q) => ({
      id: q.id,
      name: name(q.id),
      target: q.target ?? input.targets?.[q.id],
      meetsTarget: typeof q.meetsTarget === 'boolean' ? q.meetsTarget : undefined,
      before: fromOutcome(q.before),
      after: fromOutcome(q.after),
      ...intervalsOf(q),
    }));
  }
  return (input.plan?.impact ?? []).map((q) => ({
    id: q.queueId,
    name: name(q.queueId),
    target: input.targets?.[q.queueId],
    before: fromMetrics(q.before),
    after: fromMetrics(q.after),
  }));
}

/** The change list: the plan's skill changes and memberships, or the optimizer's changes. */
export function changeViews(input: ReportInput, name: (id: string) => string): ChangeView[] {
  const plan = input.plan;
  if (plan && Array.isArray(plan.changes)) {
    const skills: ChangeView[] = plan.changes.map((c) => ({
      kind: 'skill',
      agent: c.userName ?? name(c.userId),
      subject: c.skillName ?? name(c.skillId),
      action: c.action,
      before: c.before,
      after: c.after,
      reasons: Array.isArray(c.reasons) ? c.reasons.map(String) : [],
    }));
    const memberships = ((plan as { memberships?: unknown }).memberships ?? []) as {
      userId: string;
      queueId: string;
      reason?: string;
    }[];
    return skills.concat(
      (Array.isArray(memberships) ? memberships : []).map((m) => ({
        kind: 'membership',
        agent: name(m.userId),
        subject: name(m.queueId),
        action: 'join queue',
        before: null,
        after: null,
        reasons: m.reason ? [m.reason] : [],
      })),
    );
  }
  return (input.optimization?.changes ?? []).map((c) => ({
    kind: 'skill',
    agent: name(c.agentId),
    subject: name(c.queueId),
    action: c.action,
    before: c.before,
    after: c.after,
    reasons: [c.reason],
  }));
}

/** Skipped changes and violations the plan (or the optimizer's warnings) reports. */
export function issueViews(input: ReportInput): IssueView[] {
  const plan = input.plan;
  const out: IssueView[] = [];
  for (const list of [plan?.violations, plan?.skipped])
    for (const i of Array.isArray(list) ? list : []) out.push({ kind: String(i.kind), message: String(i.message) });
  if (!plan) for (const w of input.optimization?.warnings ?? []) out.push({ kind: 'optimizer', message: w });
  for (const s of input.optimization?.shortfall ?? [])
    out.push({ kind: 'shortfall', message: `${s.queueId} lacks about ${s.agentsMissing} agent(s)` });
  return out;
}

/**
 * The skill matrix before and after. From an optimization result: every agent (the result's assignment, and
 * the changes reverted for "before"). From a plan: the agents and skills its changes touch.
 */
export function matrixView(input: ReportInput, name: (id: string) => string): MatrixView | undefined {
  const opt = input.optimization;
  if (opt) {
    const queueIds = opt.queues.map((q) => q.id);
    const before = new Map(opt.agents.map((a) => [a.id, { ...a.skills } as Record<string, number | undefined>]));
    for (const c of opt.changes) {
      const held = before.get(c.agentId);
      if (held) held[c.queueId] = c.before ?? undefined;
    }
    return {
      columns: queueIds.map((id) => ({ id, name: name(id) })),
      rows: opt.agents.map((a) => ({
        id: a.id,
        name: name(a.id),
        before: queueIds.map((q) => before.get(a.id)?.[q] ?? null),
        after: queueIds.map((q) => a.skills[q] ?? null),
      })),
      complete: true,
      columnKind: 'queue skill',
    };
  }
  const changes = input.plan?.changes ?? [];
  if (changes.length === 0) return undefined;
  const skills = [...new Map(changes.map((c) => [c.skillId, c.skillName ?? name(c.skillId)]))].map(([id, n]) => ({
    id,
    name: n,
  }));
  const col = new Map(skills.map((s, k) => [s.id, k]));
  const rows = new Map<string, MatrixView['rows'][number]>();
  for (const c of changes) {
    const r = rows.get(c.userId) ?? {
      id: c.userId,
      name: c.userName ?? name(c.userId),
      before: skills.map(() => undefined),
      after: skills.map(() => undefined),
    };
    r.before[col.get(c.skillId)!] = c.before;
    r.after[col.get(c.skillId)!] = c.after;
    rows.set(c.userId, r);
  }
  return { columns: skills, rows: [...rows.values()], complete: false, columnKind: 'skill' };
}
