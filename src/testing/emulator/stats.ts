// Request counters and a bounded request log, so tests can assert on what a client really sent.

/** One request the emulator received (`emulator.stats.requestLog`): method, URL, status, client, route, fault, timing. */
export interface RequestLogEntry {
  /** HTTP method. */
  method: string;
  /** Path without the query string. */
  path: string;
  /** Full path with query string. */
  url: string;
  /** 0 when the connection was reset without a response. */
  status: number;
  /** The OAuth client of the bearer token; undefined when unauthenticated. */
  clientId: string | undefined;
  /** Route template, e.g. 'GET /api/v2/routing/skills/{skillId}'; undefined for unknown routes. */
  route: string | undefined;
  /** Fault injected into this request, if any. */
  fault: string | undefined;
  /** ms since epoch when the request arrived. */
  at: number;
  /** Time to answer, ms. */
  durationMs: number;
}

/** Counters of what the emulator answered (`emulator.stats`): requests, by status and by route. */
export interface EmulatorStats {
  /** Requests received. */
  requests: number;
  /** HTTP status -> count. */
  byStatus: Record<number, number>;
  /** Keyed by route template ('GET /api/v2/users') or 'unmatched'. */
  byRoute: Record<string, { count: number; byStatus: Record<number, number> }>;
  /** Most recent requests, oldest first, bounded by `requestLogSize`. */
  requestLog: RequestLogEntry[];
}

export class StatsRecorder {
  readonly stats: EmulatorStats = { requests: 0, byStatus: {}, byRoute: {}, requestLog: [] };

  constructor(private readonly logSize: number) {}

  record(entry: RequestLogEntry): void {
    const { stats } = this;
    stats.requests += 1;
    stats.byStatus[entry.status] = (stats.byStatus[entry.status] ?? 0) + 1;
    const key = entry.route ?? 'unmatched';
    const route = (stats.byRoute[key] ??= { count: 0, byStatus: {} });
    route.count += 1;
    route.byStatus[entry.status] = (route.byStatus[entry.status] ?? 0) + 1;
    if (this.logSize > 0) {
      stats.requestLog.push(entry);
      if (stats.requestLog.length > this.logSize) stats.requestLog.splice(0, stats.requestLog.length - this.logSize);
    }
  }

  /** Clears in place so references held by tests stay live. */
  reset(): void {
    const { stats } = this;
    stats.requests = 0;
    for (const key of Object.keys(stats.byStatus)) delete stats.byStatus[Number(key)];
    for (const key of Object.keys(stats.byRoute)) delete stats.byRoute[key];
    stats.requestLog.length = 0;
  }
}
