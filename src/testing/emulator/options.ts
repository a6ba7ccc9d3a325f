// Public options of startEmulator and their validation. Bad options fail fast with the option's name,
// because a silently ignored typo (e.g. `rateLimit.request`) would make a test pass for the wrong reason.
import { SCENARIOS, type ScenarioName, type SurgeShape } from './scenarios.js';
import type { ResolvedLiveOptions } from './live/index.js';
import type { LiveOptions } from './live/types.js';
import { defaultAnalyticsSettings, type AnalyticsSettings } from './traffic/config.js';
import { rejectUnknownKeys } from '../../internal/unknown-keys.js';

/**
 * A fault the emulator can inject: an HTTP status (429, 5xx), a reset connection, a slow answer, or a lying body
 * (`BodyFaultKind`).
 */
export type FaultKind = '429' | '500' | '502' | '503' | '504' | 'reset' | 'slow' | BodyFaultKind;
/** The transient faults a client should ride out (retries, backoff): the default `kinds`. */
export const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '502', '503', '504', 'reset', 'slow'];
/**
 * A lying proxy: HTTP 200 with a body that is not the API's documented JSON. `html`: a text/html login page;
 * `truncated-json`: JSON cut off mid-way; `non-object`: the JSON `[]` where the API answers an object (a page);
 * `empty-object`: `{}`; `null-entities`: `{"entities": null}`; `wrong-types`: a one-page listing whose entity has a
 * number for its `id` and `name`. Drawn only when listed in `kinds`.
 */
export type BodyFaultKind = 'html' | 'truncated-json' | 'non-object' | 'empty-object' | 'null-entities' | 'wrong-types';
/** Every `BodyFaultKind` (drawn only when listed in `FaultOptions.kinds`). */
export const BODY_FAULT_KINDS: readonly BodyFaultKind[] = [
  'html',
  'truncated-json',
  'non-object',
  'empty-object',
  'null-entities',
  'wrong-types',
];
const ALL_FAULT_KINDS: readonly FaultKind[] = [...FAULT_KINDS, ...BODY_FAULT_KINDS];

/** Injected faults: how often, which kinds, on which requests (`match`). */
export interface FaultOptions {
  /** Probability (0..1) that a matching request is faulted. */
  rate: number;
  /** Kinds to draw from (uniformly). Default: FAULT_KINDS (the transient ones; BODY_FAULT_KINDS only when listed). */
  kinds?: FaultKind[];
  /** PRNG seed of the fault dice. Default: the emulator seed. */
  seed?: number;
  /** Delay of a 'slow' fault. Default 1500 ms. */
  slowMs?: number;
  /** Retry-After (whole seconds) of a '429' fault. Default 1. */
  retryAfterSeconds?: number;
  /** Which requests may be faulted: a path prefix or a predicate. Default: paths under /api/v2. */
  match?: string | ((method: string, path: string) => boolean);
}

/** An OAuth client the emulator accepts: its credentials and the permissions it is granted. */
export interface EmulatorClientOptions {
  /** OAuth client id (unique among the emulator's clients). */
  clientId: string;
  /** OAuth client secret. */
  clientSecret: string;
  /** Granted permissions; '*' = all, segment wildcards like 'routing:skill:*' allowed. Default ['*']. */
  permissions?: string[];
  /** Display name (the audit log's client name). Default: the client id. */
  name?: string;
}

/** How big the seeded org is: users, skills and queues. */
export interface OrgSizeOptions {
  /** Users (agents) to seed, 0..100,000. Default 300. */
  users?: number;
  /** Routing skills to seed, 0..10,000. Default 20. */
  skills?: number;
  /** Queues to seed, 0..10,000. Default 10. */
  queues?: number;
}

/**
 * Behaviours of the platform a client must tolerate, each off by default: absolute next URIs, partial `expand`, a last
 * page that still links on.
 */
export interface EmulatorQuirks {
  /** nextUri/previousUri/... as absolute URLs instead of relative paths. Default false. */
  absoluteNextUri?: boolean;
  /**
   * `expand` is best effort on the platform: with this on, `GET /api/v2/users?expand=skills` leaves `skills`
   * out for about half of the users (chosen by id, deterministically). Default false.
   */
  partialExpand?: boolean;
  /** The last page still carries a nextUri to an (empty) page past the end. Default false. */
  lastPageNextUri?: boolean;
}

/**
 * Options of `startEmulator`: seed, org size or scenario, address, clients, rate limits, faults, quirks, clock and the
 * optional subsystems.
 */
export interface EmulatorOptions {
  /** Seed of the generated org and its traffic (0..2^32 − 1): the same seed gives the same org. Default 1. */
  seed?: number;
  /** Size of the seeded org; `false` or `'empty'`: no users, skills or queues. Default 300 users, 20 skills, 10 queues. */
  org?: OrgSizeOptions | false | 'empty';
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on; 0 (default) picks a free one (see `emulator.port`). */
  port?: number;
  /** Client id of the default OAuth client. Default `emulator-client`. */
  clientId?: string;
  /** Client secret of the default OAuth client. Default `emulator-secret`. */
  clientSecret?: string;
  /** Permissions of the default client. Default ['*']. */
  permissions?: string[];
  /** More OAuth clients, beside the default one (e.g. one with fewer permissions). */
  clients?: EmulatorClientOptions[];
  /** Lifetime of issued access tokens, seconds. Default 86,400. */
  tokenLifetimeSeconds?: number;
  /** Requests per window per client before a 429 with Retry-After; `false`: no limit. Default 300 per 60 s. */
  rateLimit?: { requests: number; windowSeconds: number } | false;
  /** Injected faults (5xx, 429, resets, slow answers) on a share of requests; default none. */
  faults?: FaultOptions | null;
  /** Delay added to every response, ms (0..600,000). Default 0. */
  latencyMs?: number;
  /** Platform behaviours a client must tolerate, each off by default. */
  quirks?: EmulatorQuirks;
  /** Max pageSize of skills/queues/users/user-skills lists (real value unconfirmed). Default 500. */
  maxPageSize?: number;
  /** Bounded request log length. Default 1000. */
  requestLogSize?: number;
  /** Delay before a bulk join/unjoin (PATCH .../members) takes effect, as the platform processes it asynchronously. Default 0. */
  joinDelayMs?: number;
  /** Analytics limits and traffic settings (see docs/analytics.md); also adjustable at runtime via `state.analytics`. */
  analytics?: Partial<AnalyticsSettings>;
  /** Instant (Date, ISO-8601 string or epoch ms) the org clock starts at; it then advances in real time. Default: the wall clock. */
  anchor?: Date | string | number;
  /**
   * The time source of rate-limit windows (and their Retry-After) and token lifetimes. Default: the wall clock.
   * Share a `virtualClock()` with the client so rate-limit waits take no real time.
   */
  clock?: {
    /** Epoch milliseconds now. */
    now(): number;
  };
  /**
   * An org with something to fix (see docs/emulator.md): 'understaffed' (skills in the wrong places: an optimizer
   * can bring every queue to target), 'surge' (one queue's demand well above forecast for two hours from the
   * start) or 'balanced' (every queue at target). Sets `analytics.trafficScale` unless that option is given.
   */
  scenario?: ScenarioName;
  /**
   * With `scenario: 'surge'`: the surge's shape. `factor` multiplies the surge queue's arrivals (default 3, e.g. 2
   * for "twice the forecast"), from `from` (an instant; default the org clock's start, rounded down to 15
   * minutes) for `minutes` (default 120); `queues` surges that many of the busiest queues at once, each staffed to its
   * forecast (default 1; `emu.state.scenario.surges` lists them).
   */
  surge?: { factor?: number; from?: Date | string | number; minutes?: number; queues?: number };
  /**
   * Runs the org's day live (see docs/emulator.md, "The live day"): calls arrive by the demand curve, are routed
   * by the org's configuration at each instant, and agents go busy and free; analytics answer from what happened.
   * `true` = `{ clock: 'real', speed: 1 }`. The simulation starts at `anchor` (or the wall clock now).
   */
  live?: LiveOptions | boolean;
}

/** The OAuth client id the emulator accepts when no `clients` are given. */
export const DEFAULT_CLIENT_ID = 'emulator-client';
/** The OAuth client secret of `DEFAULT_CLIENT_ID`. */
export const DEFAULT_CLIENT_SECRET = 'emulator-secret';

/** The emulator's options in force: every `EmulatorOptions` field, defaults filled in (`emulator.options`). */
export interface ResolvedOptions {
  /** See {@link EmulatorOptions.seed}. */
  seed: number;
  /** Users, skills and queues seeded. */
  org: { users: number; skills: number; queues: number };
  /** Interface listened on. */
  host: string;
  /** Port asked for (0: a free one was picked; `emulator.port` has it). */
  port: number;
  /** Every OAuth client accepted, the default one first. */
  clients: Array<Required<EmulatorClientOptions>>;
  /** Lifetime of issued access tokens, seconds. */
  tokenLifetimeSeconds: number;
  /** Requests per window per client, or `false` for no limit. */
  rateLimit: { requests: number; windowSeconds: number } | false;
  /** Injected faults, or null for none. */
  faults: FaultOptions | null;
  /** Delay added to every response, ms. */
  latencyMs: number;
  /** Platform quirks on or off. */
  quirks: Required<EmulatorQuirks>;
  /** Max pageSize of the lists. */
  maxPageSize: number;
  /** Request log length. */
  requestLogSize: number;
  /** Delay before a bulk join/unjoin takes effect, ms. */
  joinDelayMs: number;
  /** Analytics limits and traffic settings. */
  analytics: AnalyticsSettings;
  /** Epoch ms the org clock starts at; undefined = the wall clock. */
  anchor: number | undefined;
  /** The scenario the org was started with, if any. */
  scenario: ScenarioName | undefined;
  /** The live day's settings, when it runs. */
  live: ResolvedLiveOptions | undefined;
  /** The surge's shape (with `scenario: 'surge'`). */
  surge: SurgeShape | undefined;
}

function fail(option: string, expected: string, value: unknown): never {
  let shown: string;
  try {
    shown = typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
  } catch {
    shown = String(value);
  }
  throw new Error(`startEmulator: option "${option}" must be ${expected} (got ${shown})`);
}

function int(option: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(option, `an integer in ${min}..${max}`, value);
  }
  return value;
}

function num(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    fail(option, `a number in ${min}..${max}`, value);
  return value;
}

function str(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail(option, 'a non-empty string', value);
  return value;
}

function obj(option: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(option, 'an object', value);
  return value as Record<string, unknown>;
}

/** A ValidationError naming each unknown key and the closest known one (`options.live.pace: unknown key; ...`). */
function known(option: string, value: Record<string, unknown>, keys: readonly string[]): void {
  rejectUnknownKeys('startEmulator', value, keys, option ? `options.${option}` : 'options');
}

function permissions(option: string, value: unknown): string[] {
  if (value === undefined) return ['*'];
  if (!Array.isArray(value) || value.some((p) => typeof p !== 'string' || p.length === 0))
    fail(option, 'an array of permission strings', value);
  return value as string[];
}

export function validateFaults(value: unknown, defaultSeed: number, option = 'faults'): FaultOptions | null {
  if (value === undefined || value === null || value === false) return null;
  const f = obj(option, value);
  known(option, f, ['rate', 'kinds', 'seed', 'slowMs', 'retryAfterSeconds', 'match']);
  const kinds = f['kinds'] === undefined ? [...FAULT_KINDS] : f['kinds'];
  if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !ALL_FAULT_KINDS.includes(k as FaultKind))) {
    fail(`${option}.kinds`, `a non-empty array of ${ALL_FAULT_KINDS.map((k) => `'${k}'`).join(', ')}`, kinds);
  }
  const match = f['match'];
  if (match !== undefined && typeof match !== 'string' && typeof match !== 'function')
    fail(`${option}.match`, 'a path prefix or a function', match);
  return {
    rate: num(`${option}.rate`, f['rate'], 0, 1),
    kinds: kinds as FaultKind[],
    seed: f['seed'] === undefined ? defaultSeed : int(`${option}.seed`, f['seed'], 0, 2 ** 32 - 1),
    slowMs: f['slowMs'] === undefined ? 1500 : int(`${option}.slowMs`, f['slowMs'], 0, 600_000),
    retryAfterSeconds:
      f['retryAfterSeconds'] === undefined ? 1 : int(`${option}.retryAfterSeconds`, f['retryAfterSeconds'], 0, 3600),
    match: (match as FaultOptions['match']) ?? '/api/v2',
  };
}

export function resolveOptions(input: EmulatorOptions = {}): ResolvedOptions {
  const o = obj('options', input);
  known('', o, [
    'seed',
    'org',
    'host',
    'port',
    'clientId',
    'clientSecret',
    'permissions',
    'clients',
    'tokenLifetimeSeconds',
    'rateLimit',
    'faults',
    'latencyMs',
    'quirks',
    'maxPageSize',
    'requestLogSize',
    'joinDelayMs',
    'analytics',
    'anchor',
    'clock',
    'scenario',
    'live',
    'surge',
  ]);
  if (o['clock'] !== undefined && typeof (o['clock'] as { now?: unknown } | null)?.now !== 'function')
    fail('clock', 'an object with a now() method', o['clock']);
  const seed = o['seed'] === undefined ? 1 : int('seed', o['seed'], 0, 2 ** 32 - 1);
  // In this order: the first bad option is the one reported.
  const org = orgOption(o);
  const clients = clientsOption(o);
  const rateLimit = rateLimitOption(o);
  const quirks = quirksOption(o);

  return {
    seed,
    org,
    host: o['host'] === undefined ? '127.0.0.1' : str('host', o['host']),
    port: o['port'] === undefined ? 0 : int('port', o['port'], 0, 65_535),
    clients,
    tokenLifetimeSeconds:
      o['tokenLifetimeSeconds'] === undefined
        ? 86_400
        : num('tokenLifetimeSeconds', o['tokenLifetimeSeconds'], 0.001, 10 * 365 * 86_400),
    rateLimit,
    faults: validateFaults(o['faults'], seed),
    latencyMs: o['latencyMs'] === undefined ? 0 : int('latencyMs', o['latencyMs'], 0, 600_000),
    quirks,
    maxPageSize: o['maxPageSize'] === undefined ? 500 : int('maxPageSize', o['maxPageSize'], 1, 100_000),
    requestLogSize: o['requestLogSize'] === undefined ? 1000 : int('requestLogSize', o['requestLogSize'], 0, 1_000_000),
    joinDelayMs: o['joinDelayMs'] === undefined ? 0 : int('joinDelayMs', o['joinDelayMs'], 0, 600_000),
    analytics: {
      ...defaultAnalyticsSettings(),
      ...(o['analytics'] === undefined ? {} : analyticsOption(o['analytics'])),
    },
    anchor: anchor(o['anchor']),
    scenario:
      o['scenario'] === undefined
        ? undefined
        : SCENARIOS.includes(o['scenario'] as ScenarioName)
          ? (o['scenario'] as ScenarioName)
          : fail('scenario', SCENARIOS.map((n) => `'${n}'`).join(', '), o['scenario']),
    live: live(o['live']),
    surge: surge(o['surge'], o['scenario']),
  };
}

/** `analytics`: overrides of the analytics limits and traffic settings, each a known setting. */
function analyticsOption(value: unknown): Partial<AnalyticsSettings> {
  const a = obj('analytics', value);
  known('analytics', a, Object.keys(defaultAnalyticsSettings()));
  const weeks = a['historyWeeks'];
  if (weeks !== undefined && weeks !== 'identical' && weeks !== 'independent')
    fail('analytics.historyWeeks', "'identical' or 'independent'", weeks);
  return a as Partial<AnalyticsSettings>;
}

/** `org`: the generated org's size (default 300 users, 20 skills, 10 queues; `false` or 'empty': none). */
function orgOption(o: Record<string, unknown>): ResolvedOptions['org'] {
  let org = { users: 300, skills: 20, queues: 10 };
  if (o['org'] === false || o['org'] === 'empty') org = { users: 0, skills: 0, queues: 0 };
  else if (o['org'] !== undefined) {
    const s = obj('org', o['org']);
    known('org', s, ['users', 'skills', 'queues']);
    org = {
      users: s['users'] === undefined ? org.users : int('org.users', s['users'], 0, 100_000),
      skills: s['skills'] === undefined ? org.skills : int('org.skills', s['skills'], 0, 10_000),
      queues: s['queues'] === undefined ? org.queues : int('org.queues', s['queues'], 0, 10_000),
    };
  }
  return org;
}

/** The default client (`clientId`, `clientSecret`, `permissions`) and the `clients` after it, ids unique. */
function clientsOption(o: Record<string, unknown>): ResolvedOptions['clients'] {
  const clients: Array<Required<EmulatorClientOptions>> = [
    {
      clientId: o['clientId'] === undefined ? DEFAULT_CLIENT_ID : str('clientId', o['clientId']),
      clientSecret: o['clientSecret'] === undefined ? DEFAULT_CLIENT_SECRET : str('clientSecret', o['clientSecret']),
      permissions: permissions('permissions', o['permissions']),
      name: 'Emulator default client',
    },
  ];
  if (o['clients'] !== undefined) {
    if (!Array.isArray(o['clients'])) fail('clients', 'an array', o['clients']);
    (o['clients'] as unknown[]).forEach((raw, i) => {
      const c = obj(`clients[${i}]`, raw);
      known(`clients[${i}]`, c, ['clientId', 'clientSecret', 'permissions', 'name']);
      const clientId = str(`clients[${i}].clientId`, c['clientId']);
      if (clients.some((k) => k.clientId === clientId)) fail(`clients[${i}].clientId`, 'unique', clientId);
      clients.push({
        clientId,
        clientSecret: str(`clients[${i}].clientSecret`, c['clientSecret']),
        permissions: permissions(`clients[${i}].permissions`, c['permissions']),
        name: c['name'] === undefined ? clientId : str(`clients[${i}].name`, c['name']),
      });
    });
  }
  return clients;
}

/** `rateLimit`: requests per window (default 300 per 60 s; `false`: none). */
function rateLimitOption(o: Record<string, unknown>): ResolvedOptions['rateLimit'] {
  let rateLimit: ResolvedOptions['rateLimit'] = { requests: 300, windowSeconds: 60 };
  if (o['rateLimit'] === false) rateLimit = false;
  else if (o['rateLimit'] !== undefined) {
    const r = obj('rateLimit', o['rateLimit']);
    known('rateLimit', r, ['requests', 'windowSeconds']);
    rateLimit = {
      requests: int('rateLimit.requests', r['requests'], 1),
      windowSeconds: num('rateLimit.windowSeconds', r['windowSeconds'], 0.001, 86_400),
    };
  }
  return rateLimit;
}

/** `quirks`: the real API's pagination quirks, each off by default. */
function quirksOption(o: Record<string, unknown>): ResolvedOptions['quirks'] {
  const quirks = { absoluteNextUri: false, lastPageNextUri: false, partialExpand: false };
  if (o['quirks'] !== undefined) {
    const q = obj('quirks', o['quirks']);
    known('quirks', q, ['absoluteNextUri', 'lastPageNextUri', 'partialExpand']);
    for (const key of ['absoluteNextUri', 'lastPageNextUri', 'partialExpand'] as const) {
      if (q[key] !== undefined && typeof q[key] !== 'boolean') fail(`quirks.${key}`, 'a boolean', q[key]);
      quirks[key] = (q[key] as boolean | undefined) ?? false;
    }
  }
  return quirks;
}

function surge(value: unknown, scenario: unknown): SurgeShape | undefined {
  if (value === undefined) return undefined;
  if (scenario !== 'surge') fail('surge', "given only with scenario: 'surge'", value);
  const v = obj('surge', value);
  known('surge', v, ['factor', 'from', 'minutes', 'queues']);
  return {
    ...(v['factor'] === undefined ? {} : { factor: num('surge.factor', v['factor'], 0, 1000) }),
    ...(v['from'] === undefined ? {} : { from: instant('surge.from', v['from']) }),
    ...(v['minutes'] === undefined ? {} : { minutes: int('surge.minutes', v['minutes'], 1, 7 * 24 * 60) }),
    ...(v['queues'] === undefined ? {} : { queues: int('surge.queues', v['queues'], 1, 100) }),
  };
}

function live(value: unknown): ResolvedLiveOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return { speed: 1, clock: 'real' };
  const l = obj('live', value);
  known('live', l, ['speed', 'clock', 'callSeed']);
  const clock = l['clock'] ?? 'real';
  if (clock !== 'real' && clock !== 'manual') fail('live.clock', "'real' or 'manual'", clock);
  return {
    speed: l['speed'] === undefined ? 1 : num('live.speed', l['speed'], 0.001, 100_000),
    clock,
    ...(l['callSeed'] === undefined ? {} : { callSeed: int('live.callSeed', l['callSeed'], 0, 2 ** 32 - 1) }),
  };
}

function anchor(value: unknown): number | undefined {
  return value === undefined ? undefined : instant('anchor', value);
}

function instant(option: string, value: unknown): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? Date.parse(value)
        : typeof value === 'number'
          ? value
          : NaN;
  if (!Number.isFinite(ms))
    fail(option, 'a valid Date, ISO-8601 string or epoch ms', value instanceof Date ? 'Invalid Date' : value);
  return ms;
}
