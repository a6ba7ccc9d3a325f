// Emulator-only state of the audit endpoints: async query transactions (Queued -> Running -> outcome) and
// the knobs tests turn to shape them. One store per org, kept beside it (not in OrgState) so the org
// snapshot stays a pure function of the seed.
import type { OrgState } from '../state/org.js';
import type { AuditLogMessage } from '../state/types.js';
import type { AuditQuery } from './query.js';
import { rejectUnknownKeys } from '../../../internal/unknown-keys.js';

/** The state of an emulated async audit query, as the platform reports it. */
export type AuditQueryState = 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
/** How an emulated async audit query ends (see `AuditEmulationOptions.outcome`). */
export type AuditQueryOutcome = 'Succeeded' | 'Failed' | 'Cancelled';
export const TERMINAL_STATES: readonly AuditQueryState[] = ['Succeeded', 'Failed', 'Cancelled'];

/** How the emulated audit endpoints behave. Every field is optional in `configure()`. */
export interface AuditEmulationOptions {
  /**
   * Status polls until the query settles: the create answers `Queued`, polls before the N-th answer
   * `Running`, the N-th answers the outcome. 0 = settled at creation. Default 2.
   */
  pollsUntilDone?: number;
  /** Settle by wall-clock time instead: the outcome once this many ms passed since creation. Default null (use polls). */
  doneAfterMs?: number | null;
  /** Final state of new queries. Default 'Succeeded'. */
  outcome?: AuditQueryOutcome;
  /** Longest interval of an async query, in days (30 per Genesys' audit wiki, second-hand). Default 30. */
  maxQueryIntervalDays?: number;
  /** How far back a realtime query may start, in days. Default 14. */
  realtimeWindowDays?: number;
  /**
   * How the last results page ends: 'omit' (no cursor: the documented behaviour), 'repeat' (echoes the
   * request's cursor, like a server stuck in a loop) or 'empty' (a cursor to one more, empty, page). Default 'omit'.
   */
  lastPageCursor?: 'omit' | 'repeat' | 'empty';
}

/** The audit emulation settings in force: every `AuditEmulationOptions` field, defaults filled in. */
export type ResolvedAuditBehaviour = Required<AuditEmulationOptions>;

export const DEFAULT_AUDIT_BEHAVIOUR: Readonly<ResolvedAuditBehaviour> = Object.freeze({
  pollsUntilDone: 2,
  doneAfterMs: null,
  outcome: 'Succeeded',
  maxQueryIntervalDays: 30,
  realtimeWindowDays: 14,
  lastPageCursor: 'omit',
});

/** One async audit query (`AuditQueryExecutionStatusResponse` plus what the emulator needs). */
export interface AuditTransaction {
  /** Transaction id (the platform's query id). */
  id: string;
  /** The query as stored. */
  query: AuditQuery;
  /** ISO-8601 submission time (org clock). */
  startDate: string;
  /** Wall-clock ms at creation (for `doneAfterMs`). */
  createdAtMs: number;
  /** Status polls answered so far. */
  polls: number;
  /** `Queued`, `Running`, `Succeeded`, `Failed` or `Cancelled`. */
  state: AuditQueryState;
  /** Matching messages, captured at submission: later mutations do not change a query's results. */
  results: AuditLogMessage[];
  /** Behaviour in force when the query was created. */
  behaviour: Readonly<ResolvedAuditBehaviour>;
}

function fail(option: string, expected: string, value: unknown): never {
  throw new Error(
    `auditEmulation.configure: option "${option}" must be ${expected} (got ${JSON.stringify(value) ?? String(value)})`,
  );
}

function validate(input: AuditEmulationOptions): Partial<ResolvedAuditBehaviour> {
  if (typeof input !== 'object' || input === null) fail('options', 'an object', input);
  rejectUnknownKeys('auditEmulation.configure', input, Object.keys(DEFAULT_AUDIT_BEHAVIOUR), 'options');
  const int = (name: keyof AuditEmulationOptions, v: unknown, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(name, `an integer in ${min}..${max}`, v);
  };
  const days = (name: keyof AuditEmulationOptions, v: unknown) => {
    if (typeof v !== 'number' || !(v > 0)) fail(name, 'a positive number of days', v);
  };
  const o = input as Record<string, unknown>;
  if (o['pollsUntilDone'] !== undefined) int('pollsUntilDone', o['pollsUntilDone'], 0, 1000);
  if (o['doneAfterMs'] !== undefined && o['doneAfterMs'] !== null) int('doneAfterMs', o['doneAfterMs'], 0, 3_600_000);
  if (o['outcome'] !== undefined && !['Succeeded', 'Failed', 'Cancelled'].includes(o['outcome'] as string)) {
    fail('outcome', "'Succeeded', 'Failed' or 'Cancelled'", o['outcome']);
  }
  if (o['maxQueryIntervalDays'] !== undefined) days('maxQueryIntervalDays', o['maxQueryIntervalDays']);
  if (o['realtimeWindowDays'] !== undefined) days('realtimeWindowDays', o['realtimeWindowDays']);
  if (o['lastPageCursor'] !== undefined && !['omit', 'repeat', 'empty'].includes(o['lastPageCursor'] as string)) {
    fail('lastPageCursor', "'omit', 'repeat' or 'empty'", o['lastPageCursor']);
  }
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as Partial<ResolvedAuditBehaviour>;
}

/** The emulator's async audit queries of one org (`emulator.audit`): their transactions and the knobs that shape them. */
export class AuditQueryStore {
  /** transactionId -> the async query and its state. */
  readonly transactions = new Map<string, AuditTransaction>();
  #behaviour: Readonly<ResolvedAuditBehaviour> = DEFAULT_AUDIT_BEHAVIOUR;

  /** The behaviour new queries get. */
  get behaviour(): Readonly<ResolvedAuditBehaviour> {
    return this.#behaviour;
  }

  /** Changes the behaviour of queries created from now on (validated; unknown options throw). */
  configure(options: AuditEmulationOptions): this {
    this.#behaviour = Object.freeze({ ...this.#behaviour, ...validate(options) });
    return this;
  }

  /** Forgets every transaction and restores the default behaviour. */
  reset(): void {
    this.transactions.clear();
    this.#behaviour = DEFAULT_AUDIT_BEHAVIOUR;
  }

  /** Starts an async audit query over `results` (its state then moves as `configure` says). */
  create(state: OrgState, query: AuditQuery, results: AuditLogMessage[]): AuditTransaction {
    const tx: AuditTransaction = {
      id: state.newId(),
      query,
      startDate: state.nowIso(),
      createdAtMs: Date.now(),
      polls: 0,
      state: 'Queued',
      results,
      behaviour: this.#behaviour,
    };
    this.#advance(tx);
    this.transactions.set(tx.id, tx);
    return tx;
  }

  /** Counts one status poll and moves the query along. */
  poll(tx: AuditTransaction): AuditTransaction {
    if (!TERMINAL_STATES.includes(tx.state)) {
      tx.polls++;
      this.#advance(tx);
    }
    return tx;
  }

  #advance(tx: AuditTransaction): void {
    const b = tx.behaviour;
    const done = b.doneAfterMs !== null ? Date.now() - tx.createdAtMs >= b.doneAfterMs : tx.polls >= b.pollsUntilDone;
    tx.state = done ? b.outcome : tx.polls === 0 ? 'Queued' : 'Running';
  }
}

const stores = new WeakMap<OrgState, AuditQueryStore>();

/**
 * The audit query store of an emulator (or of its `state`): configure how async audit queries behave,
 * or inspect them.
 *
 * @example
 * auditEmulation(emu).configure({ pollsUntilDone: 3, lastPageCursor: 'repeat' });
 */
export function auditEmulation(target: OrgState | { readonly state: OrgState }): AuditQueryStore {
  const state = 'auditLog' in target ? target : target.state;
  let store = stores.get(state);
  if (!store) {
    store = new AuditQueryStore();
    stores.set(state, store);
  }
  return store;
}
