// The evaluator's figures: per queue, per agent, and what the simulation cost.

/** Queue index -> proficiency, per agent (the queue skills only). */
export type Assignment = ReadonlyArray<ReadonlyMap<number, number>>;

export interface QueueEval {
  mean: number;
  halfWidth: number;
  /** Simulated offered calls in the measured window (mean per replication). */
  offered: number;
  /** Per interval of a time-varying horizon (absent for the steady hour). */
  intervals?: Array<{ offered: number; mean: number; halfWidth: number }>;
  /**
   * With a time-varying horizon and the `every-interval` objective: the interval that `mean` and `halfWidth`
   * describe (the one furthest below target, or the lowest).
   */
  worst?: number;
  /** With a time-varying horizon: the service level over the whole horizon (all its calls). */
  horizon?: { mean: number; halfWidth: number };
  asa: number;
  abandonRate: number;
  occupancy: number;
  holders: number;
}

export interface Evaluation {
  queues: QueueEval[];
  /** Per agent: simulated occupancy (busy on any queue). */
  agentOccupancy: Float64Array;
  /** Contacts of the whole evaluation (the work it stands for), whether or not every part was simulated now. */
  contacts: number;
  /** Contacts simulated now: less than `contacts` when parts were kept from earlier evaluations (split.ts). */
  simulated: number;
  ms: number;
}

export interface RunLength {
  replications: number;
  durationSeconds: number;
  warmupSeconds: number;
}
