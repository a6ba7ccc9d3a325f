// What the assistant remembers between calls: the plans it made, their dry runs (with the confirmation token
// each returned), the org state read before each apply (the rollback's target) and the autopilot's decisions.
// One session per server process: over stateless HTTP every request shares it.
import { randomBytes } from 'node:crypto';
import type { RoutingOptimizationPlan } from '../workflows/optimize/types.js';
import type { OrgState } from './org-state.js';
import type { AutopilotDecisionView, ResolvedMcpOptions } from './types.js';

/** A plan this session produced, with the org's fingerprint when it was made and its report. */
export interface SessionPlan {
  plan: RoutingOptimizationPlan;
  fingerprint: string;
  /** queueId -> the skill that routes its calls (from the plan's history). */
  queueSkills: Record<string, string>;
  reportHtml?: string | undefined;
  reportPath?: string | undefined;
}

/** A dry run of a session plan: what it found and the token that confirms an apply without elicitation. */
export interface SessionDryRun {
  planId: string;
  at: string;
  fingerprint: string;
  token: string;
  wouldChange: number;
}

/** An apply: the org state read right before it (the rollback's target), and whether it was rolled back. */
export interface SessionApply {
  planId: string;
  before: OrgState;
  at: string;
  rolledBack: boolean;
}

const MAX_DECISIONS = 50;

export class DeskSession {
  readonly plans = new Map<string, SessionPlan>();
  readonly dryRuns = new Map<string, SessionDryRun>();
  readonly applies = new Map<string, SessionApply>();
  readonly decisions: AutopilotDecisionView[] = [];
  latestPlanId: string | undefined;

  constructor(readonly options: ResolvedMcpOptions) {
    options.autopilot?.on('decision', (d) => {
      this.decisions.push(d);
      if (this.decisions.length > MAX_DECISIONS) this.decisions.splice(0, this.decisions.length - MAX_DECISIONS);
    });
  }

  addPlan(entry: SessionPlan): void {
    this.plans.set(entry.plan.id, entry);
    this.latestPlanId = entry.plan.id;
  }

  /** Records a dry run; the token is random, single-use and bound to the plan and the org's fingerprint. */
  addDryRun(planId: string, fingerprint: string, wouldChange: number): SessionDryRun {
    const run = {
      planId,
      at: this.options.now().toISOString(),
      fingerprint,
      token: `confirm-${randomBytes(9).toString('base64url')}`,
      wouldChange,
    };
    this.dryRuns.set(planId, run);
    return run;
  }

  latestApply(): SessionApply | undefined {
    return [...this.applies.values()].filter((a) => !a.rolledBack).at(-1);
  }
}
