// Public input of renderReport: any mix of a plan, an optimization result and staffing results.
import type { OptimizeRoutingResult, ServiceTarget } from '../optimizer/routing/types.js';
import type { StaffingResult, StaffingTargets } from '../optimizer/queueing/types.js';
import type { Plan } from '../workflows/plan.js';
import type { AutopilotSummary } from '../workflows/autopilot/autopilot.js';

/** Service level per interval of one queue (`start`: the interval's start). */
export type ServiceLevelSeries = ReadonlyArray<{ start: string | number | Date; serviceLevel: number | null }>;

/** The autopilot timeline's input: what an autopilot run decided, and optionally the same day without it. */
export interface AutopilotReport {
  /** The autopilot's summary (`await pilot.done`): its decisions carry what it saw and what it changed. */
  summary: Pick<AutopilotSummary, 'decisions' | 'day' | 'atBaseline'> & Partial<Pick<AutopilotSummary, 'queueNames'>>;
  /** Service level per queue id with the autopilot; default: what its decisions saw, interval by interval. */
  with?: Readonly<Record<string, ServiceLevelSeries>>;
  /** Service level per queue id without the autopilot's changes (the same day replayed, or an estimate). */
  without?: Readonly<Record<string, ServiceLevelSeries>>;
}

/** One staffing row: a `staffIntervals` row, or a `requiredAgents` result with its traffic (Erlang C). */
export type StaffingRow = StaffingResult & {
  /** Offered traffic in Erlangs; needed for the Erlang A curve. */
  traffic?: number;
  /** Interval label (a time such as `08:30`, an ISO date, or a row number). */
  id?: string | number;
  /** Offered calls in the interval, shown in the table when given. */
  calls?: number;
  queueId?: string;
};

/** Agents available per interval, drawn beside the required agents (e.g. scheduled, or holding the skill). */
export interface AvailableSeries {
  /** What the line counts, e.g. "agents holding the skill now" or "scheduled". */
  label: string;
  /** One value per row of the curve (null: unknown for that interval). */
  values: readonly (number | null)[];
}

/** Required agents per interval for one queue (or one forecast), drawn as a curve. */
export interface StaffingReport {
  /** Queue name or label of the curve. */
  name?: string;
  /** Rows in interval order, as `staffIntervals` returns them (Erlang C). */
  rows: readonly StaffingRow[];
  /** The targets the rows were staffed for. */
  targets: StaffingTargets;
  /** Mean handle time of the rows in seconds: with `patienceSeconds`, the report adds the Erlang A curve. */
  ahtSeconds?: number;
  /** Mean caller patience in seconds (callers abandon): the Erlang A curve uses it. */
  patienceSeconds?: number;
  /** The queue the curve is for: with an optimization, its agents now and after are drawn beside the curve. */
  queueId?: string;
  /** Agents available per interval (one or more lines beside the required agents). */
  available?: readonly AvailableSeries[];
  /** Time zone of the rows' labels (e.g. "UTC"), shown on the axis and in the table. */
  timeZone?: string;
}

/** Input of {@link renderReport}. Every part is optional; what is missing is named in the report. */
export interface ReportInput {
  /**
   * A plan: from planRoutingOptimization (its `optimization` gives the queues now -> after, the bound and the
   * per-interval results), planProficiencyRelevel or recommendRoutingChanges.
   */
  plan?: Plan;
  /** A result of optimizeRouting (its queues, changes and the assignment after them). */
  optimization?: OptimizeRoutingResult;
  /** Required agents per interval (one curve per entry). */
  staffing?: StaffingReport | readonly StaffingReport[];
  /** Page title (default: "Routing plan report"). */
  title?: string;
  /** Org shown in the header, by name (default: the plan's org, which is its API address). */
  org?: string;
  /** Division(s) of the queues in the report, by name, shown in the header. */
  division?: string;
  /**
   * Start and length of the optimization's intervals (per-queue results `queues[].intervals`), so the interval
   * strip shows times; without it intervals are numbered. Times are shown in `timeZone`.
   */
  horizon?: { start: Date | string; intervalSeconds: number };
  /** IANA time zone for every time in the report (default "UTC"). */
  timeZone?: string;
  /** Time window of the data (default: the plan's `inputs.interval`). */
  window?: { from: Date | string; to: Date | string } | string;
  /** Display names by id (queues, agents, skills), used where the inputs carry ids only. */
  names?: Record<string, string>;
  /** Service-level targets by queue id, for plans that do not carry them. */
  targets?: Record<string, ServiceTarget>;
  /** Extra lines for the header's "model and assumptions" list. */
  assumptions?: readonly string[];
  /** Time stamp printed in the header (default: now). */
  generatedAt?: Date;
  /** An autopilot run: adds the autopilot timeline (service level per queue over the day, each change marked). */
  autopilot?: AutopilotReport;
}
