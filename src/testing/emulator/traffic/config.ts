// Settings of the emulated analytics API: the limits it enforces (most are unconfirmed on the real platform,
// so they are adjustable), the timing of async detail jobs and the volume of synthetic traffic.
// They live on `emu.state.analytics` and may be changed at any time, e.g. `emu.state.analytics.maxIntervalDays = 31`.

/**
 * How the emulated analytics API behaves (`emu.state.analytics`, changeable at any time): interval limits, page sizes,
 * job timings.
 */
export interface AnalyticsSettings {
  /**
   * Longest interval, in days, of one conversations aggregates, conversations details or users aggregates
   * query. Longer intervals answer 400 naming `interval`. Real value unconfirmed; default 7.
   */
  maxIntervalDays: number;
  /** Longest interval, in days, of an async details job. Real value unconfirmed; default 31. */
  jobMaxIntervalDays: number;
  /** Most distinct queue ids one queue observation query may name. Real value unconfirmed; default 100. */
  maxObservationQueues: number;
  /** Max `paging.pageSize` of the sync details query (default 100; the platform's default page size is 25). */
  maxDetailsPageSize: number;
  /** Max `pageSize` of async job results (default 1000; default page size 100). */
  maxJobPageSize: number;
  /** An async job is settled on the Nth status poll (default 2: the first poll says QUEUED). */
  jobPollsUntilDone: number;
  /** ...or once this many ms have passed on the org clock (`state.now`) since it was created. Default: off. */
  jobDelayMs: number | undefined;
  /** When set, jobs settle as FAILED with this `errorMessage` instead of FULFILLED. */
  jobFailureMessage: string | undefined;
  /** How long results of a fulfilled job stay readable (then EXPIRED). Default 1 day. */
  jobTtlMs: number;
  /** `dataAvailabilityDate` lags `state.now()` by this much; jobs see only conversations ended before it. Default 0. */
  dataAvailabilityLagMs: number;
  /** Multiplies every queue's synthetic arrival rate (default 1; 0 = no traffic). */
  trafficScale: number;
  /**
   * 'identical' (default): every week of synthetic history holds the same calls, so any whole weeks give the same
   * plans. 'independent': each week draws its own calls around the same rates, as a real centre's weeks differ, so
   * a mean over several weeks carries more evidence than one; still the same on every run, counted in weeks back
   * from the day the emulator started (see docs/emulator.md, "The clock and reproducible history").
   */
  historyWeeks: HistoryWeeks;
}

/** How the weeks of synthetic history relate (AnalyticsSettings.historyWeeks). */
export type HistoryWeeks = 'identical' | 'independent';

export function defaultAnalyticsSettings(): AnalyticsSettings {
  return {
    maxIntervalDays: 7,
    jobMaxIntervalDays: 31,
    maxObservationQueues: 100,
    maxDetailsPageSize: 100,
    maxJobPageSize: 1000,
    jobPollsUntilDone: 2,
    jobDelayMs: undefined,
    jobFailureMessage: undefined,
    jobTtlMs: 86_400_000,
    dataAvailabilityLagMs: 0,
    trafficScale: 1,
    historyWeeks: 'identical',
  };
}

/** Demand shape set by an emulator scenario (`startEmulator({ scenario })`). */
export interface ScenarioDemand {
  /** The scenario the org was started with (`understaffed`, `surge` or `balanced`), if any. */
  name: 'understaffed' | 'surge' | 'balanced' | undefined;
  /** queueId -> multiplier of that queue's arrivals (absent = 1). */
  queueScale: Record<string, number>;
  /**
   * The first of `surges`: one queue's arrivals multiplied by `factor` in [from, to) (epoch ms), demand the WFM
   * forecast did not expect. Setting it replaces `surges` with this one (or none).
   */
  surge: SurgeRecord | undefined;
  /** Every surging queue (`surge` option `queues`), the busiest first: what the traffic reads. */
  surges: SurgeRecord[];
}

/** A scenario's demand before any scenario is applied: `surge` reads and writes `surges`, the one record. */
export function defaultScenarioDemand(): ScenarioDemand {
  return {
    name: undefined,
    queueScale: {},
    surges: [],
    get surge(): SurgeRecord | undefined {
      return this.surges[0];
    },
    set surge(value: SurgeRecord | undefined) {
      this.surges = value ? [value] : [];
    },
  };
}

/** A surge of one queue: its arrivals multiplied by `factor` in [from, to) (epoch ms). */
export interface SurgeRecord {
  /** The surging queue. */
  queueId: string;
  /** Start, epoch ms. */
  from: number;
  /** End (exclusive), epoch ms. */
  to: number;
  /** Multiplier of the queue's arrivals (below 1: a demand drop). */
  factor: number;
}
