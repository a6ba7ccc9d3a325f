// The screening model: a fluid mixed-integer program over agent groups, solved with HiGHS.
//
// For group g (n_g agents) and queue q: add[g,q] / rem[g,q] = how many of the group's agents gain / lose q;
// flow[g,q] = agent time the group gives q (in agents). Constraints:
//   flow ≤ holders of q in the group;  Σ_q flow ≤ n_g·speed;  Σ_g flow + short_q ≥ R_q (fluid load + safety);
//   Σ holders + lack_q ≥ H_q (enough distinct agents to meet the target as if dedicated);
//   skills ≤ S per agent, changes ≤ b per agent, total changes ≤ B; min holders per queue.
// Objective: changes, plus heavy penalties on shortfalls so the targets come first.
import { availability, type AgentGroup } from './groups.js';
import type { HighsSolution, HighsSolver } from './highs.js';
import type { NormProblem } from '../input.js';
import { roundScreen } from './round.js';

export interface ScreenParams {
  /** Per queue: agent time needed (fluid load plus safety staffing). */
  flowRequirement: number[];
  /** Per queue: distinct holders needed. */
  holderRequirement: number[];
  /** Treat requirement shortfalls as hard constraints (for the lower bound). */
  hard?: boolean;
  /** Ignore the change budget (for the lower bound). */
  ignoreBudget?: boolean;
  /** Solve the LP relaxation only. */
  relax?: boolean;
  /** Lower-bound mode: every change costs exactly 1, no preferences, min holders and skill-limit slack free. */
  bound?: boolean;
  /** Safety cap on the solver's time; `nodeLimit` is the work limit that keeps results machine-independent. */
  timeLimitSeconds: number;
  /** Most branch-and-bound nodes of the MIP (default: no limit). */
  nodeLimit?: number | undefined;
  /** Queues that may gain holders (default: all). Keeps large models small: only queues below target need them. */
  addTargets?: ReadonlySet<number>;
  /**
   * Per queue: the interval of the horizon its requirements hold for (default 0, the steady hour). A group's
   * time and holders count there by the group's share on queue in that interval; queues judged in the same
   * interval share the group's time.
   */
  at?: readonly number[];
  /**
   * Column generation for very large centres: when given, only these (group, queue) add columns enter the model
   * (the rest stay at 0). Never used for the bound, whose relaxation must keep every option.
   */
  allowAdd?: ReadonlyMap<number, ReadonlySet<number>>;
}

export interface ScreenSolution {
  status: string;
  /** Per group: queue index -> agents adding / removing it. */
  adds: Array<Map<number, number>>;
  removes: Array<Map<number, number>>;
  /** Total changes in the solution. */
  changes: number;
  objective: number;
  /** Per queue: fluid shortfall (agents). */
  shortfall: number[];
}

const PENALTY_SHORT = 1000;
const PENALTY_MIN_HOLDERS = 500;
const PENALTY_OVER_LIMIT = 50;
const TIER_STEP = 0.002;

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(6));

/** The LP text under construction: objective terms, numbered rows (c0, c1, … in the order added), bounds, integers. */
interface LpText {
  obj: string[];
  rows: string[];
  bounds: string[];
  ints: string[];
  add(text: string): void;
}

/** What the group columns feed into the per-queue rows. */
interface QueueTerms {
  flowTerms: string[][];
  holderTerms: string[][];
  holderConst: number[];
  changeTerms: string[];
}

interface ModelContext {
  problem: NormProblem;
  p: ScreenParams;
  lp: LpText;
  terms: QueueTerms;
  pressure(q: number): number;
  maxTiers: number;
  /** The interval queue q is judged in. */
  at(q: number): number;
}

/** One group's columns while they are built: the agent time per interval, and its skill deltas. */
interface GroupColumns {
  g: AgentGroup;
  n: number;
  gp: number;
  timeOf(q: number): string[];
  deltas: string[];
}

/** Builds the model in CPLEX LP format (what the highs package reads). */
export function buildScreenModel(problem: NormProblem, groups: readonly AgentGroup[], p: ScreenParams): string {
  const nq = problem.queues.length;
  const lp: LpText = { obj: [], rows: [], bounds: [], ints: [], add: () => undefined };
  let row = 0;
  lp.add = (text: string): void => void lp.rows.push(` c${row++}: ${text}`);
  const terms: QueueTerms = {
    flowTerms: Array.from({ length: nq }, () => []),
    holderTerms: Array.from({ length: nq }, () => []),
    holderConst: new Array<number>(nq).fill(0),
    changeTerms: [],
  };
  // Load per current holder: a mild preference for taking agents from lightly loaded queues.
  const holdersNow = new Array<number>(nq).fill(0);
  for (const a of problem.agents) for (const q of a.held.keys()) holdersNow[q] = (holdersNow[q] as number) + 1;
  const pressure = (q: number): number => (p.flowRequirement[q] as number) / Math.max(1, holdersNow[q] as number);
  // Tiers multiply the model's size: large models (thousands of group x queue pairs) go without them.
  const pairs = groups.reduce((n, g) => n + g.addable.filter((q) => addAllowed(p, g.index, q)).length, 0);
  const maxTiers = pairs > 1_500 ? 1 : 4;
  const at = (q: number): number => p.at?.[q] ?? 0;
  const ctx: ModelContext = { problem, p, lp, terms, pressure, maxTiers, at };
  for (const g of groups) groupColumns(ctx, g);
  for (let q = 0; q < nq; q++) queueRows(ctx, q);
  if (!p.ignoreBudget && Number.isFinite(problem.maxChanges) && terms.changeTerms.length > 0) {
    lp.add(`${terms.changeTerms.join(' + ')} <= ${fmt(problem.maxChanges)}`);
  }
  const { obj, rows, bounds, ints } = lp;
  const lines = ['Minimize', ` obj: ${obj.length > 0 ? obj.join(' + ') : '0 s_dummy'}`, 'Subject To'];
  if (rows.length === 0) rows.push(' c0: s_dummy >= 0');
  // Joined piece by piece: a large model has hundreds of thousands of rows (no argument spreads).
  const general = !p.relax && ints.length > 0 ? `\nGeneral\n ${ints.join(' ')}` : '';
  return `${lines.join('\n')}\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\n s_dummy = 0${general}\nEnd`;
}

/** A group's flow, removal and add columns, its time per interval, and its change and skill limits. */
function groupColumns(ctx: ModelContext, g: AgentGroup): void {
  const n = g.agents.length;
  let gp = 0;
  for (const q of g.held) gp = Math.max(gp, ctx.pressure(q));
  // Agent time per interval the queues are judged in: Σ flow ≤ n · speed · share on queue there.
  const time = new Map<number, string[]>();
  const timeOf = (q: number): string[] => {
    let list = time.get(ctx.at(q));
    if (!list) time.set(ctx.at(q), (list = []));
    return list;
  };
  const cols: GroupColumns = { g, n, gp, timeOf, deltas: [] };
  heldColumns(ctx, cols);
  addColumns(ctx, cols);
  for (const [t, list] of time) ctx.lp.add(`${list.join(' + ')} <= ${fmt(n * g.speed * availability(g, t))}`);
  changeLimits(ctx, cols);
}

/** Flow on the queues the group holds, and the removals of those skills it may make. */
function heldColumns({ lp, terms, at }: ModelContext, { g, n, timeOf, deltas }: GroupColumns): void {
  const { bounds, ints, obj } = lp;
  for (const q of g.held) {
    const av = availability(g, at(q));
    const f = `f${g.index}_${q}`;
    const cap = n * g.speed * av;
    if (av > 0) {
      timeOf(q).push(f);
      terms.flowTerms[q]?.push(f);
      bounds.push(` 0 <= ${f} <= ${fmt(cap)}`);
    }
    if (g.removable.includes(q)) {
      const r = `r${g.index}_${q}`;
      bounds.push(` 0 <= ${r} <= ${n}`);
      ints.push(r);
      obj.push(`1 ${r}`);
      terms.changeTerms.push(r);
      deltas.push(`- ${r}`);
      if (av > 0) {
        terms.holderTerms[q]?.push(`- ${fmt(av)} ${r}`);
        lp.add(`${f} + ${fmt(g.speed * av)} ${r} <= ${fmt(cap)}`);
      }
    }
    terms.holderConst[q] = (terms.holderConst[q] as number) + n * av;
  }
}

/** The adds the group may make, with their flow; priced in convex tiers unless the model is a bound. */
function addColumns({ p, lp, terms, at, maxTiers }: ModelContext, { g, n, gp, timeOf, deltas }: GroupColumns): void {
  const { bounds, ints, obj } = lp;
  for (const q of g.addable) {
    if (!addAllowed(p, g.index, q)) continue;
    const av = availability(g, at(q));
    if (!(av > 0)) continue; // off queue when the queue needs it: an add would not help there
    const f = `f${g.index}_${q}`;
    const a = `a${g.index}_${q}`;
    timeOf(q).push(f);
    terms.flowTerms[q]?.push(f);
    bounds.push(` 0 <= ${f} <= ${fmt(n * g.speed * av)}`, ` 0 <= ${a} <= ${n}`);
    ints.push(a);
    if (p.bound) obj.push(`1 ${a}`);
    else {
      // Convex tiers: each further add of the same (group, queue) pair costs a little more, so among plans with
      // equally many changes the model spreads new skills over many pairs (spread beats chains in simulation).
      const size = Math.max(1, Math.ceil(n / (g.addable.length + 1)));
      const tiers: string[] = [];
      for (let t = 0; t * size < n && t < maxTiers; t++) {
        const v = `${a}_t${t}`;
        tiers.push(v);
        bounds.push(` 0 <= ${v} <= ${t === maxTiers - 1 ? n : Math.min(size, n)}`);
        obj.push(`${fmt(1 + TIER_STEP * t + 0.0001 * Math.min(gp, 10))} ${v}`);
      }
      lp.add(`${a} - ${tiers.join(' - ')} = 0`);
    }
    terms.changeTerms.push(a);
    deltas.push(`+ ${a}`);
    terms.holderTerms[q]?.push(`+ ${fmt(av)} ${a}`);
    lp.add(`${f} - ${fmt(g.speed * av)} ${a} <= 0`);
  }
}

/** maxChangesPerAgent and maxSkillsPerAgent over the group's deltas (a penalized overage where it starts over). */
function changeLimits({ problem, p, lp }: ModelContext, { g, n, deltas }: GroupColumns): void {
  if (deltas.length === 0) return;
  const changeSum = deltas
    .map((d) => d.replace('- ', '+ '))
    .join(' ')
    .replace(/^\+ /, '');
  if (Number.isFinite(problem.maxChangesPerAgent)) lp.add(`${changeSum} <= ${fmt(problem.maxChangesPerAgent * n)}`);
  if (!Number.isFinite(problem.maxSkills)) return;
  const room = (problem.maxSkills - g.held.length) * n;
  const over = Math.max(0, g.held.length - problem.maxSkills) * n;
  if (over > 0) {
    const o = `o${g.index}`;
    lp.bounds.push(` 0 <= ${o} <= ${over}`);
    if (!p.bound) lp.obj.push(`${PENALTY_OVER_LIMIT} ${o}`);
    lp.add(`${deltas.join(' ').replace(/^\+ /, '')} - ${o} <= ${fmt(room)}`);
  } else {
    lp.add(`${deltas.join(' ').replace(/^\+ /, '')} <= ${fmt(room)}`);
  }
}

/** Queue q's flow and holder requirements (hard, or with a penalized shortfall) and its minimum holders. */
function queueRows({ problem, p, lp, terms }: ModelContext, q: number): void {
  const { obj } = lp;
  const w = problem.queues[q]?.weight ?? 1;
  const flow = terms.flowTerms[q] as string[];
  const needFlow = p.flowRequirement[q] as number;
  if (needFlow > 0) {
    if (p.hard) lp.add(`${flow.length > 0 ? flow.join(' + ') : '0 s_dummy'} >= ${fmt(needFlow)}`);
    else {
      obj.push(`${fmt(PENALTY_SHORT * w)} s${q}`);
      lp.add(`${[...flow, `s${q}`].join(' + ')} >= ${fmt(needFlow)}`);
    }
  }
  const holders = (terms.holderTerms[q] as string[]).join(' ').replace(/^\+ /, '');
  const needHolders = (p.holderRequirement[q] as number) - (terms.holderConst[q] as number);
  const minNeed = problem.minHolders - (terms.holderConst[q] as number);
  if (needHolders > 0 || holders.length > 0) {
    if (p.hard) lp.add(`${holders.length > 0 ? holders : '0 s_dummy'} >= ${fmt(needHolders)}`);
    else {
      obj.push(`${fmt(PENALTY_SHORT * w)} h${q}`);
      lp.add(`${holders.length > 0 ? `${holders} + ` : ''}h${q} >= ${fmt(needHolders)}`);
    }
  }
  if (!p.bound && problem.minHolders > 0 && (minNeed > 0 || holders.length > 0)) {
    obj.push(`${PENALTY_MIN_HOLDERS} m${q}`);
    lp.add(`${holders.length > 0 ? `${holders} + ` : ''}m${q} >= ${fmt(minNeed)}`);
  }
}

/** Solves the screening model and reads the group-level adds and removes. */
export function solveScreen(
  solver: HighsSolver,
  problem: NormProblem,
  groups: readonly AgentGroup[],
  p: ScreenParams,
): ScreenSolution {
  const lp = buildScreenModel(problem, groups, p);
  let sol: HighsSolution;
  try {
    sol = solve(solver, lp, p);
  } catch (error) {
    // The WebAssembly solver aborts when a model outgrows its memory: the plan goes on without this model.
    return {
      status: `failed: ${(error as Error).message.slice(0, 120)}`,
      adds: groups.map(() => new Map()),
      removes: groups.map(() => new Map()),
      changes: 0,
      objective: NaN,
      shortfall: problem.queues.map(() => 0),
    };
  }
  const value = (name: string): number => sol.Columns[name]?.Primal ?? 0;
  return readSolution(problem, groups, p, sol, value);
}

function solve(solver: HighsSolver, lp: string, p: ScreenParams): HighsSolution {
  return solver.solve(lp, solverOptions(p));
}

/** HiGHS' options for a screening model. */
export function solverOptions(p: ScreenParams): Record<string, unknown> {
  return {
    time_limit: Math.max(0.05, p.timeLimitSeconds),
    mip_rel_gap: p.bound ? 1e-6 : 1e-3,
    output_flag: false,
    random_seed: 1,
    ...(p.nodeLimit !== undefined && !p.relax ? { mip_max_nodes: p.nodeLimit } : {}),
    // Primal simplex: faster than HiGHS' default choice on the large relaxed models (docs/optimizer.md, step 1).
    // The bound needs the optimum only, not a vertex to round: interior point (with crossover) is faster there.
    ...(p.relax ? (p.bound ? { solver: 'ipm' } : { solver: 'simplex', simplex_strategy: 4 }) : {}),
  };
}

/** Group-level adds and removes of a solution (rounded within each group's limits for a relaxation). */
function readSolution(
  problem: NormProblem,
  groups: readonly AgentGroup[],
  p: ScreenParams,
  sol: HighsSolution,
  value: (name: string) => number,
): ScreenSolution {
  const adds = groups.map(() => new Map<number, number>());
  const removes = groups.map(() => new Map<number, number>());
  let changes = 0;
  const usable = sol.Status === 'Optimal' || (/limit/i.test(sol.Status) && Object.keys(sol.Columns).length > 0);
  if (usable) {
    const addFrac = groups.map(
      (g) => new Map(g.addable.filter((q) => addAllowed(p, g.index, q)).map((q) => [q, value(`a${g.index}_${q}`)])),
    );
    const removeFrac = groups.map((g) => new Map(g.removable.map((q) => [q, value(`r${g.index}_${q}`)])));
    if (p.relax) {
      // Group-aware rounding: every rounded move fits its group's limits, so the decoder can place it.
      const rounded = roundScreen(problem, groups, addFrac, removeFrac);
      rounded.adds.forEach((m, g) => m.forEach((v, q) => v > 0 && (adds[g] as Map<number, number>).set(q, v)));
      rounded.removes.forEach((m, g) => m.forEach((v, q) => v > 0 && (removes[g] as Map<number, number>).set(q, v)));
    } else {
      addFrac.forEach((m, g) =>
        m.forEach((v, q) => Math.round(v) > 0 && (adds[g] as Map<number, number>).set(q, Math.round(v))),
      );
      removeFrac.forEach((m, g) =>
        m.forEach((v, q) => Math.round(v) > 0 && (removes[g] as Map<number, number>).set(q, Math.round(v))),
      );
    }
    for (const m of [...adds, ...removes]) for (const v of m.values()) changes += v;
  }
  const shortfall = problem.queues.map((q) => value(`s${q.index}`) + value(`h${q.index}`));
  return {
    status: usable ? sol.Status : `unsolved: ${sol.Status}`,
    adds,
    removes,
    changes,
    objective: sol.ObjectiveValue,
    shortfall,
  };
}

/** Whether the model may add queue q to group g (the add targets, and the generated columns when given). */
function addAllowed(p: ScreenParams, g: number, q: number): boolean {
  if (p.addTargets && !p.addTargets.has(q)) return false;
  return !p.allowAdd || Boolean(p.allowAdd.get(q)?.has(g));
}
