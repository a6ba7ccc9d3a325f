// Async conversation-details jobs: an in-memory store per org (kept out of OrgState so snapshots of the
// org stay free of it). A job is QUEUED, then PENDING, and settles on the Nth status poll or after a delay
// (see AnalyticsSettings); results are computed once, when first read, and paged with opaque cursors.
import { Random, deriveSeed } from '../random.js';
import type { OrgState } from '../state/org.js';
import type { DetailQuery } from './detail-query.js';
import type { RenderedConversation } from './details.js';

export type JobState = 'QUEUED' | 'PENDING' | 'FULFILLED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';

export interface DetailsJob {
  jobId: string;
  /** The OAuth client that created it: other clients get 404. */
  clientId: string;
  query: DetailQuery;
  startOfDay: boolean;
  limit: number | undefined;
  state: JobState;
  polls: number;
  submittedAt: number;
  completedAt: number | undefined;
  errorMessage: string | undefined;
  /** Computed on the first results read. */
  results: RenderedConversation[] | undefined;
}

interface Store {
  jobs: Map<string, DetailsJob>;
  ids: Random;
}

const stores = new WeakMap<OrgState, Store>();

export function jobStore(state: OrgState): Store {
  let store = stores.get(state);
  if (!store)
    stores.set(state, (store = { jobs: new Map(), ids: new Random(deriveSeed(state.seed, 'analytics-jobs')) }));
  return store;
}

export function createJob(
  state: OrgState,
  clientId: string,
  query: DetailQuery,
  startOfDay: boolean,
  limit: number | undefined,
): DetailsJob {
  const store = jobStore(state);
  const job: DetailsJob = {
    jobId: store.ids.uuid(),
    clientId,
    query,
    startOfDay,
    limit,
    state: 'QUEUED',
    polls: 0,
    submittedAt: state.now().getTime(),
    completedAt: undefined,
    errorMessage: undefined,
    results: undefined,
  };
  store.jobs.set(job.jobId, job);
  return job;
}

/** Moves a job along its life cycle; `poll` = this read is a status poll (counts towards settling). */
export function advance(state: OrgState, job: DetailsJob, poll: boolean): void {
  const now = state.now().getTime();
  const settings = state.analytics;
  if (job.state === 'QUEUED' || job.state === 'PENDING') {
    if (poll) job.polls += 1;
    const byPolls = job.polls >= Math.max(1, settings.jobPollsUntilDone);
    const byTime = settings.jobDelayMs !== undefined && now - job.submittedAt >= settings.jobDelayMs;
    if (byPolls || byTime) {
      job.completedAt = now;
      if (settings.jobFailureMessage !== undefined) {
        job.state = 'FAILED';
        job.errorMessage = settings.jobFailureMessage;
      } else job.state = 'FULFILLED';
    } else if (job.polls > 1) job.state = 'PENDING';
  }
  if (job.state === 'FULFILLED' && job.completedAt !== undefined && now - job.completedAt > settings.jobTtlMs) {
    job.state = 'EXPIRED';
    job.results = undefined;
  }
}

/** AsyncQueryStatus. */
export function statusView(state: OrgState, job: DetailsJob): Record<string, unknown> {
  const iso = (t: number) => new Date(t).toISOString();
  return {
    state: job.state,
    ...(job.errorMessage === undefined ? {} : { errorMessage: job.errorMessage }),
    ...(job.completedAt !== undefined && job.state !== 'CANCELLED'
      ? { expirationDate: iso(job.completedAt + state.analytics.jobTtlMs) }
      : {}),
    submissionDate: iso(job.submittedAt),
    ...(job.completedAt === undefined ? {} : { completionDate: iso(job.completedAt) }),
  };
}
