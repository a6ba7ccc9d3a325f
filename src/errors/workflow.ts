// Errors of the workflows that change the org: the apply lease and journal, the per-user skill limit, the solver.
import { guard } from './brand.js';
import { GenesysError, type GenesysErrorOptions } from './base.js';
import { ValidationError } from './validation.js';

/** Another worker holds the apply lease on this plan (see `ApplyJournal.acquire`); `owner` names it when known. */
export class PlanLockedError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'PlanLockedError';
  /** The plan whose lease is held. */
  readonly planId: string;
  /** The worker holding the lease, when the journal records it. */
  readonly owner: string | undefined;
  constructor(message: string, options: GenesysErrorOptions & { planId: string; owner?: string | undefined }) {
    super(message, options);
    this.planId = options.planId;
    this.owner = options.owner;
  }
}

/** True when `value` is a `PlanLockedError` (or a subclass), also from another copy of the package. */
export const isPlanLockedError = /* @__PURE__ */ guard<PlanLockedError>('PlanLockedError');

/**
 * This worker lost its apply lease mid-run (it lapsed, e.g. the process was paused past its ttl, and another
 * worker took it over, or it could not be renewed): no new writes were started after it was noticed.
 * `holder` names the new holder when known.
 */
export class LeaseLostError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'LeaseLostError';
  /** The plan whose lease was lost. */
  readonly planId: string;
  /** This worker: the owner name it held the lease under. */
  readonly owner: string;
  /** The worker that holds the lease now, when known. */
  readonly holder: string | undefined;
  constructor(
    message: string,
    options: GenesysErrorOptions & { planId: string; owner: string; holder?: string | undefined },
  ) {
    super(message, options);
    this.planId = options.planId;
    this.owner = options.owner;
    this.holder = options.holder;
  }
}

/** True when `value` is a `LeaseLostError` (or a subclass), also from another copy of the package. */
export const isLeaseLostError = /* @__PURE__ */ guard<LeaseLostError>('LeaseLostError');

/** The apply journal could not be written (an append failed or did not answer in time): the run stopped new writes. */
export class JournalUnavailableError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'JournalUnavailableError';
}

/** True when `value` is a `JournalUnavailableError` (or a subclass), also from another copy of the package. */
export const isJournalUnavailableError = /* @__PURE__ */ guard<JournalUnavailableError>('JournalUnavailableError');

/**
 * A user would hold more skills than the platform allows (50 per user, Genesys help "Assign skills to multiple
 * users"). Thrown before any write, so nothing is half-applied.
 */
export class SkillLimitError extends ValidationError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'SkillLimitError';
  /** The user over the limit. */
  readonly userId: string;
  /** Skills the user would hold. */
  readonly count: number;
  /** Most skills a user may hold: `MAX_SKILLS_PER_USER` (50) unless the caller raised it. */
  readonly limit: number;
  constructor(
    context: string,
    details: { userId: string; userName?: string | undefined; count: number; limit: number; path?: string },
    options: GenesysErrorOptions = {},
  ) {
    const who = details.userName ? `${details.userName} (${details.userId})` : details.userId;
    super(
      context,
      [
        {
          path: details.path ?? 'items',
          message: `user ${who} would hold ${details.count} skills; a user can hold at most ${details.limit}`,
        },
      ],
      options,
    );
    this.userId = details.userId;
    this.count = details.count;
    this.limit = details.limit;
  }
}

/** True when `value` is a `SkillLimitError` (or a subclass), also from another copy of the package. */
export const isSkillLimitError = /* @__PURE__ */ guard<SkillLimitError>('SkillLimitError');

/**
 * `optimizeRouting` could not load its MIP solver (HiGHS, WebAssembly): the `highs` package is missing, its
 * `highs.wasm` is not where the loader looks (a bundled function: copy it next to the bundle, or pass it with
 * `configureSolver({ wasm })`), or the build has no solver (browser, edge and neutral bundles). The message says
 * which; `cause` holds the loader's own error.
 */
export class SolverUnavailableError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'SolverUnavailableError';
}

/** True when `value` is a `SolverUnavailableError` (or a subclass), also from another copy of the package. */
export const isSolverUnavailableError = /* @__PURE__ */ guard<SolverUnavailableError>('SolverUnavailableError');
