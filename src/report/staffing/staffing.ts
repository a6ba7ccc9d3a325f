// Staffing curves: the Erlang C rows as given, and the Erlang A requirement for the same intervals when the
// caller patience is known.
import type { StaffingReport } from '../types.js';

export interface StaffingView {
  name: string;
  labels: string[];
  /** Axis tick labels (the labels without the date the axis caption carries). */
  ticks: string[];
  /** The x axis's caption: the date and time zone, e.g. "2026-11-08 (UTC)". */
  axisLabel: string;
  /** Agents available per interval, drawn beside the requirement. */
  available: { label: string; values: (number | null)[] }[];
  calls: (number | null)[];
  traffic: (number | null)[];
  erlangC: number[];
  scheduled: (number | null)[];
  serviceLevel: (number | null)[];
  occupancy: (number | null)[];
  /** Erlang A agents per interval; null when the inputs cannot give it (`erlangANote` says why). */
  erlangA: (number | null)[] | null;
  erlangANote?: string;
  targetText: string;
}

type Optimizer = typeof import('../../optimizer/index.js');

export function staffingView(s: StaffingReport, index: number, opt: Optimizer): StaffingView {
  const rows = s.rows;
  const t = s.targets;
  const parts: string[] = [];
  if (t.serviceLevel !== undefined)
    parts.push(`${(t.serviceLevel * 100).toFixed(0)}% answered within ${t.targetSeconds ?? 0} s`);
  if (t.maxAsaSeconds !== undefined) parts.push(`ASA ≤ ${t.maxAsaSeconds} s`);
  if (t.maxOccupancy !== undefined) parts.push(`occupancy ≤ ${(t.maxOccupancy * 100).toFixed(0)}%`);
  if (t.shrinkage) parts.push(`shrinkage ${(t.shrinkage * 100).toFixed(0)}%`);
  const labels = rows.map((r, i) => (r.id === undefined ? String(i + 1) : String(r.id)));
  const view: StaffingView = {
    name: s.name ?? `Forecast ${index + 1}`,
    labels,
    ...timeAxis(labels, s.timeZone),
    available: (s.available ?? []).map((a) => ({
      label: String(a.label),
      values: rows.map((_, k) =>
        typeof a.values[k] === 'number' && Number.isFinite(a.values[k]) ? a.values[k] : null,
      ),
    })),
    calls: rows.map((r) => (typeof r.calls === 'number' ? r.calls : null)),
    traffic: rows.map((r) => (typeof r.traffic === 'number' ? r.traffic : null)),
    erlangC: rows.map((r) => r.agents),
    scheduled: rows.map((r) => (typeof r.scheduledAgents === 'number' ? r.scheduledAgents : null)),
    serviceLevel: rows.map((r) => (typeof r.serviceLevel === 'number' ? r.serviceLevel : null)),
    occupancy: rows.map((r) => (typeof r.occupancy === 'number' ? r.occupancy : null)),
    erlangA: null,
    targetText: parts.join(', ') || 'no target given',
  };
  const why = erlangAMissing(s);
  if (why) {
    view.erlangANote = why;
    return view;
  }
  const base = {
    ahtSeconds: s.ahtSeconds!,
    patienceSeconds: s.patienceSeconds!,
    targetSeconds: t.targetSeconds!,
    serviceLevel: t.serviceLevel!,
  };
  view.erlangA = rows.map((r) => {
    if (typeof r.traffic !== 'number') return null;
    if (r.traffic === 0) return 0;
    try {
      return opt.requiredAgentsErlangA({ ...base, traffic: r.traffic }).agents;
    } catch {
      return null; // outside Erlang A's numeric range: the gap shows in the curve and the table
    }
  });
  if (view.erlangA.some((a) => a === null))
    view.erlangANote =
      'Erlang A has no value for some intervals (no traffic given, or outside its numeric range): gaps in the curve.';
  return view;
}

/**
 * Labels "2026-11-08 08:30" sharing one date: ticks "08:30" and the date on the axis; over several dates ticks
 * keep "11-08 08:30". The time zone goes on the axis either way.
 */
function timeAxis(labels: readonly string[], timeZone: string | undefined): { ticks: string[]; axisLabel: string } {
  const zone = timeZone ? ` (${timeZone})` : '';
  const dated = labels.map((l) => /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(l));
  if (labels.length === 0 || dated.some((m) => !m))
    return { ticks: [...labels], axisLabel: timeZone ? `time${zone}` : 'interval' };
  const dates = new Set(dated.map((m) => m![1]));
  if (dates.size === 1) return { ticks: dated.map((m) => m![2]!), axisLabel: `${[...dates][0]}${zone}` };
  return { ticks: dated.map((m) => `${m![1]!.slice(5)} ${m![2]}`), axisLabel: `time${zone}` };
}

function erlangAMissing(s: StaffingReport): string | undefined {
  if (s.patienceSeconds === undefined) return 'Erlang A curve not drawn: no caller patience given (patienceSeconds).';
  if (s.ahtSeconds === undefined) return 'Erlang A curve not drawn: no handle time given (ahtSeconds).';
  if (s.targets.serviceLevel === undefined || s.targets.targetSeconds === undefined)
    return 'Erlang A curve not drawn: it needs a service-level target (serviceLevel and targetSeconds).';
  if (!s.rows.some((r) => typeof r.traffic === 'number')) return 'Erlang A curve not drawn: the rows carry no traffic.';
  return undefined;
}
