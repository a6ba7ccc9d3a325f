// Public shapes of the live emulator (`startEmulator({ live })`, `emu.live`): the org's day simulated call by
// call, routed by the org's configuration at each instant.

/** `startEmulator({ live })`. */
export interface LiveOptions {
  /**
   * Simulated milliseconds per real millisecond with `clock: 'real'` (60: one simulated minute per real second).
   * Ignored by the manual clock. Default 1.
   */
  speed?: number;
  /**
   * `'real'` (default): simulated time runs at `speed` x real time from the org clock's start. `'manual'`: it
   * moves only by `emu.live.advance(ms)`, so tests never sleep.
   */
  clock?: 'manual' | 'real';
  /**
   * Seed of the live day's calls: their arrival times, media, patience and talk times (0..2^32 − 1). Default: the
   * emulator's seed. Another value draws other calls on the same org, staffing and history, so one day can be run
   * several times, as a set of trials.
   */
  callSeed?: number;
}

/** What happened to the calls of one queue that arrived in one interval (as of the simulated now). */
export interface QueueIntervalStats {
  /** Interval start, epoch ms. */
  start: number;
  /** Calls that entered the queue in the interval. */
  offered: number;
  /** ...of which were answered by an agent (by now). */
  answered: number;
  /** ...of which the caller hung up before being answered (by now). */
  abandoned: number;
  /** Answered within the queue's service-level threshold (its media setting's `serviceLevel.durationMs`). */
  answeredWithin: number;
  /**
   * answeredWithin / (answered + abandoned): the platform's default service-level formula, over calls that have
   * left the queue. null when none has.
   */
  serviceLevel: number | null;
  /** Mean time in queue of the answered and abandoned calls, seconds (0 when none). */
  meanWaitSeconds: number;
}

/** Options of `emu.live.queueStats`. */
export interface QueueStatsQuery {
  /** Start of the first interval: epoch ms or a Date. */
  from: number | Date;
  /** End (exclusive): epoch ms or a Date. */
  to: number | Date;
  /** Interval length, whole minutes from 1 to 1440. Default 15. */
  intervalMinutes?: number;
}

/** One queue's figures in an `interval` event. */
export interface LiveQueueSummary extends QueueIntervalStats {
  /** The queue these figures are for. */
  queueId: string;
  /** Calls waiting in the queue at the interval's end. */
  waiting: number;
  /** Agents able to take this queue's calls at the interval's end (joined, holding its skill, on queue). */
  agentsOnQueue: number;
}

/** The `interval` event: every queue's figures for the 15-minute interval that just ended. */
export interface LiveIntervalSummary {
  /** Interval start, epoch ms. */
  start: number;
  /** Interval end (exclusive), epoch ms: `start` + 15 minutes. */
  end: number;
  /** Every queue of the org, each with its figures for the interval. */
  queues: LiveQueueSummary[];
}

/** One call of the live day, as of the simulated now. */
export interface LiveCallRecord {
  /** The call's conversation id (as in analytics and notifications). */
  conversationId: string;
  /** The queue the call entered. */
  queueId: string;
  /** The call's media type. */
  mediaType: 'voice' | 'chat' | 'message' | 'email' | 'callback';
  /** The routing language the call requests (its `requestedLanguageId` in analytics), if any. */
  languageId?: string;
  /** When it entered the queue, epoch ms. */
  arrival: number;
  /** `'waiting'` in the queue, `'answered'` by an agent, or `'abandoned'` (the caller hung up first). */
  status: 'waiting' | 'answered' | 'abandoned';
  /** When it left the queue (answered or abandoned), epoch ms. */
  leftAt?: number;
  /** The agent who answered. */
  userId?: string;
  /** That agent's proficiency in the queue's skill when they answered. */
  proficiency?: number;
  /** End of the conversation, epoch ms. */
  talkEnd?: number;
  /** End of the agent's after-call work (the agent is free again), epoch ms. */
  freeAt?: number;
}

/** Counters of the simulation's work (deterministic: use them rather than wall time to measure it). */
export interface LiveCounters {
  /** Simulation events processed (arrivals, answers, ends, abandons, shift changes, intervals). */
  events: number;
  /** Calls that have arrived so far. */
  calls: number;
  /** Notification messages sent to subscribed channels (the live day's and the org's routing-status events). */
  published: number;
}

/** The events of the live simulation (`emu.live.on(...)`): a summary at the end of every interval. */
export interface LiveEvents {
  /** At each 15-minute boundary of simulated time: what happened in the interval that just ended. */
  interval: (summary: LiveIntervalSummary) => void;
}

/** `emu.live`: the running simulation. */
export interface LiveEmulator {
  /** `'manual'` or `'real'`. */
  readonly clock: 'manual' | 'real';
  /** Simulated ms per real ms (real clock). */
  readonly speed: number;
  /** Where the simulation started (the org clock's start), epoch ms. */
  readonly startedAt: number;
  /** The simulated now, epoch ms (also the org clock: `emu.now()`). */
  now(): number;
  /**
   * Manual clock only: runs the simulation `ms` simulated milliseconds forward, processing every event in order
   * (arrivals, answers, hang-ups, shift changes) and publishing notifications. Requests the emulator has already
   * received are applied first, at the current instant. Rejects with a clear error on the real clock.
   */
  advance(ms: number): Promise<void>;
  /**
   * Real clock only: holds simulated time where it is until `resume()`, e.g. while a test or a service sets up
   * before the day runs (at `speed` 60, ten seconds of setup would be ten simulated minutes). Nothing happens
   * meanwhile: no arrival, answer or shift change. Calling it again while held does nothing; on the manual clock
   * it throws.
   */
  pause(): void;
  /** Real clock only: simulated time runs on from where `pause()` held it. Does nothing when not held. */
  resume(): void;
  /** Per-interval figures of one queue over [from, to), from the calls the simulation has run. */
  queueStats(queueId: string, query: QueueStatsQuery): QueueIntervalStats[];
  /** The calls that arrived in [from, to) (default: the whole live day so far), optionally of one queue, by arrival. */
  calls(query?: { from?: number | Date; to?: number | Date; queueId?: string }): LiveCallRecord[];
  /** Subscribes to `interval` summaries (emitted at each 15-minute boundary); returns this. */
  on<E extends keyof LiveEvents>(event: E, listener: LiveEvents[E]): this;
  /** Removes a listener added with `on`; returns this. */
  off<E extends keyof LiveEvents>(event: E, listener: LiveEvents[E]): this;
  /** Work done so far. */
  counters(): LiveCounters;
}
