// The proficiency policy and scoring types (proficiency.ts holds the schemas and the functions).

/** A complete, validated proficiency policy. */
export interface ProficiencyPolicy {
  /** Noise floor: with fewer handled contacts the current proficiency is kept. */
  minContacts: number;
  /** Relative weights of the quality components; renormalised over the components that have data. */
  weights: {
    /** Weight of the resolution rate. */
    resolution: number;
    /** Weight of the transfer rate. */
    transfer: number;
    /** Weight of the handle-time ratio. */
    handleTime: number;
  };
  /** Resolution rate scoring: `worst` or below scores 0, `best` or above scores 1, linear in between. */
  resolutionRate: {
    /** The value that scores 0. */
    worst: number;
    /** The value that scores 1. */
    best: number;
  };
  /** Transfer rate scoring (lower is better): `best` or below scores 1, `worst` or above scores 0. */
  transferRate: {
    /** The value that scores 1. */
    best: number;
    /** The value that scores 0. */
    worst: number;
  };
  /** Handle time / queue median AHT (lower is better): `best` or below scores 1, `worst` or above 0. */
  handleTimeRatio: {
    /** The value that scores 1. */
    best: number;
    /** The value that scores 0. */
    worst: number;
  };
  /** Proficiency points added per relevant certification held. */
  certificationBonus: number;
  /** Cap on the total certification bonus. */
  maxCertificationBonus: number;
  /** Agent occupancy at or above which increases are withheld (more skill = more work routed to them). */
  occupancyCeiling: number;
  /** Hard bounds of the result (within the platform's 0..5). */
  bounds: {
    /** Lowest proficiency the result may take. */
    min: number;
    /** Highest proficiency the result may take. */
    max: number;
  };
  /** Result granularity, e.g. 1 (integers) or 0.5. */
  step: number;
  /** Largest change from the current proficiency in one run (0 freezes). */
  maxChangePerRun: number;
  /** Proficiency for a new assignment (no current value) that lacks enough data to score. */
  initialProficiency: number;
}

/** Overrides for `defaultProficiencyPolicy`: any top-level field, nested objects merged one level deep. */
export type ProficiencyPolicyInput = {
  [K in keyof ProficiencyPolicy]?: ProficiencyPolicy[K] extends object
    ? Partial<ProficiencyPolicy[K]>
    : ProficiencyPolicy[K];
};

/** Input of `scoreProficiency`. */
export interface ProficiencyMetrics {
  /** Contacts of this skill the agent handled in the period. */
  handled: number;
  /** Share of handled contacts resolved without a repeat contact (0..1). */
  resolutionRate?: number | undefined;
  /** Share of handled contacts transferred away (0..1). */
  transferRate?: number | undefined;
  /** The agent's average handle time on this skill, seconds. Needs `queueMedianHandleSeconds`. */
  avgHandleSeconds?: number | undefined;
  /** Median handle time of the queue (or skill) the agent works, seconds. */
  queueMedianHandleSeconds?: number | undefined;
  /** The agent's occupancy (0..1). */
  occupancy?: number | undefined;
  /** Certifications the agent holds that are relevant to this skill. */
  certifications?: string[] | undefined;
  /** The agent's current proficiency on the skill; absent for a new assignment. */
  currentProficiency?: number | undefined;
}

/** Which rule a reason line comes from. */
export type ProficiencyFactor =
  | 'noiseFloor'
  | 'resolution'
  | 'transfer'
  | 'handleTime'
  | 'score'
  | 'certifications'
  | 'occupancy'
  | 'maxChange'
  | 'bounds'
  | 'result';

/** One line of explanation: words plus the numbers behind them. */
export interface ProficiencyReason {
  /** What the line is about: a scored component, a rule, or the `result`. */
  factor: ProficiencyFactor;
  /** The explanation in words. */
  message: string;
  /** The observed metric (rate, ratio, count...). */
  value?: number;
  /** Component score 0..1. */
  score?: number;
  /** Normalised weight of the component (weights of the components with data sum to 1). */
  weight?: number;
  /** Proficiency points this component adds above `bounds.min`. */
  contribution?: number;
}

/** Output of `scoreProficiency`. */
export interface ProficiencyResult {
  /** Recommended proficiency, a multiple of `policy.step`. */
  proficiency: number;
  /** The input's current proficiency, if any. */
  previousProficiency: number | undefined;
  /** True when `proficiency` differs from the current one (or there was none). */
  changed: boolean;
  /** Weighted quality score 0..1; undefined when the noise floor or missing data kept the current value. */
  score: number | undefined;
  /** How the proficiency was reached, one line per component or rule. */
  reasons: ProficiencyReason[];
}
