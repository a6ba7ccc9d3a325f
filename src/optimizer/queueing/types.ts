// Public input and result types of the queueing functions.

/** Agents (servers) and offered traffic. */
export interface ErlangInput {
  /** Number of agents N: an integer ≥ 0. */
  agents: number;
  /** Offered traffic A in Erlangs (calls × AHT / interval length): finite, ≥ 0. */
  traffic: number;
}

/** Input of {@link averageSpeedOfAnswer}. */
export interface AsaInput extends ErlangInput {
  /** Average handle time in seconds (> 0). */
  ahtSeconds: number;
}

/** Input of {@link serviceLevel}. */
export interface ServiceLevelInput extends AsaInput {
  /** Answer-time target T in seconds (≥ 0): the service level is the share of calls answered within T. */
  targetSeconds: number;
}

/** Staffing targets; every one given must be met. At least one of serviceLevel, maxAsaSeconds, maxOccupancy. */
export interface StaffingTargets {
  /** Answer-time target T in seconds (≥ 0). Required with `serviceLevel`; also sets the reported service level. */
  targetSeconds?: number | undefined;
  /** Required share of calls answered within `targetSeconds`, strictly between 0 and 1 (e.g. 0.8). */
  serviceLevel?: number | undefined;
  /** Maximum average speed of answer in seconds (> 0), mean wait over all calls. */
  maxAsaSeconds?: number | undefined;
  /** Maximum occupancy A/N in (0, 1]; forces N ≥ ceil(A / maxOccupancy). */
  maxOccupancy?: number | undefined;
  /** Share of paid time agents are not available (breaks, training), in [0, 1). Default 0. */
  shrinkage?: number | undefined;
}

/** Input of {@link requiredAgents}. */
export interface RequiredAgentsInput extends StaffingTargets {
  /** Offered traffic A in Erlangs (≥ 0). */
  traffic: number;
  /** Average handle time in seconds (> 0). */
  ahtSeconds: number;
}

/** Result of `requiredAgents` (`genesys-routing-sdk/optimizer`): the staffing and the queue's performance at it. */
export interface StaffingResult {
  /** Smallest integer number of agents on the phones that meets every target. */
  agents: number;
  /** Agents to schedule so that `agents` remain after shrinkage: ceil(agents / (1 − shrinkage)). */
  scheduledAgents: number;
  /** SL(T) at `agents` for `targetSeconds` (T = 0, i.e. answered at once, when no target time was given). */
  serviceLevel: number;
  /** Average speed of answer in seconds (mean wait over all calls). */
  asaSeconds: number;
  /** Occupancy A / agents (0 when no traffic). */
  occupancy: number;
  /** Erlang C: probability that a call waits. */
  probabilityOfWait: number;
}

/** Input of {@link trafficFromVolume}. */
export interface VolumeInput {
  /** Offered calls in the interval (≥ 0, may be fractional for a forecast). */
  calls: number;
  /** Interval length in seconds (> 0), e.g. 900 for 15 minutes. */
  intervalSeconds: number;
  /** Average handle time in seconds (> 0). */
  ahtSeconds: number;
}

/** Optional identifiers copied unchanged from a forecast row to its result. */
export interface ForecastIds {
  /** The row's own id (an interval number or start time). */
  id?: string | number | undefined;
  /** The queue the row is for. */
  queueId?: string | undefined;
}

/** One forecast row given as a call volume. */
export interface VolumeForecast extends VolumeInput, ForecastIds {}

/** One forecast row given directly as traffic in Erlangs. */
export interface TrafficForecast extends ForecastIds {
  /** Offered traffic in Erlangs (≥ 0). */
  traffic: number;
  /** Average handle time in seconds (> 0). */
  ahtSeconds: number;
}

/** A row of {@link staffIntervals}: either a volume or a traffic forecast. */
export type IntervalForecast = VolumeForecast | TrafficForecast;

/** Result row of {@link staffIntervals}. */
export interface IntervalStaffingResult extends StaffingResult, ForecastIds {
  /** The row's traffic in Erlangs. */
  traffic: number;
}
