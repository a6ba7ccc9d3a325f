// The fuzz oracle. For each generated case (a valid input with 0-3 hostile values planted), the call must
//   - return a finite, well-typed result (no NaN or ±Infinity unless the target documents it, no bigint,
//     function or undefined where data is expected), or
//   - throw a ValidationError with an issue naming a planted field (the same path, a path inside it, or its
//     direct parent: zod names the object for an unknown key), and never for an untouched input;
//   - and finish within TIME_LIMIT_MS (a hang detector, not a benchmark).
// Failures are collected rather than thrown at the first, so a run reports how many cases failed and why.
import fc from 'fast-check';
import { formatPath, isValidationError } from '../../src/errors/index.js';
import { mutate, mutationsArb, type Path } from './hostile.js';

/** A call slower than this is a hang: every pure function here answers in milliseconds on sane input. */
export const TIME_LIMIT_MS = 2_000;
/** Cases per target; FUZZ_RUNS scales the whole suite. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

export interface Target {
  name: string;
  /** Valid argument lists; each case mutates one of them. */
  bases: ReadonlyArray<readonly unknown[]>;
  /** How errors name each argument: '' for a single options object, 'forecasts', 'diff'... */
  argNames: readonly string[];
  call: (...args: unknown[]) => unknown;
  /** Extra result check; returns a problem or undefined. */
  check?: (result: unknown, args: unknown[]) => string | undefined;
  /** ±Infinity is a documented answer (e.g. ASA of an unstable queue). */
  infinityAllowed?: boolean;
  /** Only errors are judged (the result is internal, e.g. a normalized problem). */
  errorsOnly?: boolean;
  /**
   * Cross-field rules: an issue at `issue` may be the right report for a value planted at `planted` (min/max
   * pairs, a reference to an id that was changed). Both are formatted paths.
   */
  related?: (issue: string, planted: string) => boolean;
  /** Cases for this target when it is slow (default RUNS). */
  runs?: number;
  /** Hang limit for this target when it documents a longer bound (e.g. its own time limit). */
  timeLimitMs?: number;
}

export interface FuzzStats {
  target: string;
  cases: number;
  /** Failing cases (all counted; the first 50 described in `failures`). */
  failed: number;
  failures: string[];
  slowestMs: number;
}

function describeValue(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v);
  return typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'array' : 'object') : String(v);
}

/** Walks a result: the first value that is not finite, plain data. */
export function badValue(v: unknown, infinityAllowed: boolean, path = 'result', depth = 0): string | undefined {
  if (depth > 64) return `${path}: nested deeper than 64 levels`;
  switch (typeof v) {
    case 'number':
      if (Number.isNaN(v)) return `${path} is NaN`;
      if (!Number.isFinite(v) && !infinityAllowed) return `${path} is ${v}`;
      return undefined;
    case 'bigint':
    case 'function':
    case 'symbol':
      return `${path} is a ${typeof v}`;
    case 'object':
      if (v === null) return undefined;
      if (v instanceof Map || v instanceof Set) {
        for (const [k, x] of v instanceof Map ? v : [...v].map((x) => [x, x] as const)) {
          const bad = badValue(x, infinityAllowed, `${path}.get(${describeValue(k)})`, depth + 1);
          if (bad) return bad;
        }
        return undefined;
      }
      for (const [k, x] of Object.entries(v)) {
        if (Array.isArray(v) && x === undefined) return `${path}[${k}] is undefined`;
        const bad = badValue(x, infinityAllowed, `${path}.${k}`, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    default:
      return undefined;
  }
}

function issuePathName(argNames: readonly string[], path: Path): string {
  const [arg, ...rest] = path;
  return formatPath(argNames[arg as number] ?? `arg${String(arg)}`, rest);
}

/** The formatted path one segment up (`a.b[2]` -> `a.b`, `a` -> ``). */
function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * An issue names a planted field: the same path, a path inside it, or its direct parent. A removed field
 * (planted `undefined`) may also be reported through a sibling: "no target given: set serviceLevel, …".
 */
export function names(issue: string, planted: string, parent: string, removed: boolean): boolean {
  if (planted === '' || issue === planted || issue === parent) return true;
  if (issue.startsWith(`${planted}.`) || issue.startsWith(`${planted}[`)) return true;
  return removed && parentOf(issue) === parent;
}

async function runCase(
  t: Target,
  baseIndex: number,
  mutations: Parameters<typeof mutate>[1],
): Promise<{ failure?: string; ms: number }> {
  const base = t.bases[baseIndex % t.bases.length]!;
  const { args, touched } = mutate(base, mutations);
  const planted = touched.map((x) => ({
    name: issuePathName(t.argNames, x.path),
    parent: issuePathName(t.argNames, x.path.slice(0, -1)),
    label: x.label,
  }));
  const what = `${t.name} base ${baseIndex % t.bases.length} with ${planted.length === 0 ? 'no change' : planted.map((p) => `${p.name || '(input)'} = ${p.label}`).join(', ')}`;
  const started = performance.now();
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = await t.call(...args);
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - started;
  if (ms > (t.timeLimitMs ?? TIME_LIMIT_MS)) return { failure: `${what}: took ${ms.toFixed(0)} ms`, ms };
  if (threw) {
    if (!isValidationError(error))
      return {
        failure: `${what}: threw ${(error as Error)?.name ?? typeof error}: ${String((error as Error)?.message ?? error).slice(0, 200)}`,
        ms,
      };
    const issues = error.issues.map((i) => i.path);
    if (planted.length === 0) return { failure: `${what}: rejected the valid input (${issues.join(', ')})`, ms };
    if (
      !issues.some((i) =>
        planted.some((p) => names(i, p.name, p.parent, p.label === 'undefined') || t.related?.(i, p.name)),
      )
    ) {
      return {
        failure: `${what}: the error names ${issues.map((i) => i || '(input)').join(', ')}, not a planted field`,
        ms,
      };
    }
    return { ms };
  }
  if (t.errorsOnly) return { ms };
  const bad = badValue(result, t.infinityAllowed ?? false) ?? t.check?.(result, args);
  return bad ? { failure: `${what}: ${bad}`, ms } : { ms };
}

/** Runs RUNS cases of `t` with the suite's fast-check seed; returns the stats (failures collected, not thrown). */
export async function fuzz(t: Target, runs = t.runs === undefined ? RUNS : Math.min(RUNS, t.runs)): Promise<FuzzStats> {
  const stats: FuzzStats = { target: t.name, cases: 0, failed: 0, failures: [], slowestMs: 0 };
  await fc.assert(
    fc.asyncProperty(fc.nat(), mutationsArb, async (baseIndex, mutations) => {
      const { failure, ms } = await runCase(t, baseIndex, mutations);
      stats.cases++;
      stats.slowestMs = Math.max(stats.slowestMs, ms);
      if (failure) stats.failed++;
      if (failure && stats.failures.length < 50) stats.failures.push(failure);
    }),
    { numRuns: runs, endOnFailure: true },
  );
  return stats;
}

/** One line per target for the log, and a total: the figures the suite reports. */
export function summary(file: string, all: readonly FuzzStats[]): string {
  const cases = all.reduce((n, s) => n + s.cases, 0);
  const failures = all.reduce((n, s) => n + s.failed, 0);
  const slowest = all.reduce((m, s) => (s.slowestMs > m.slowestMs ? s : m), { slowestMs: 0, target: '-' } as Pick<
    FuzzStats,
    'slowestMs' | 'target'
  >);
  return `fuzz ${file}: ${all.length} targets, ${cases} cases, ${failures} failures left; slowest call ${slowest.slowestMs.toFixed(0)} ms (${slowest.target})`;
}
