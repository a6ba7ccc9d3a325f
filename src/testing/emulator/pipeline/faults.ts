// Deterministic fault injection. Every matching request rolls the seeded dice exactly once (twice when
// faulted, to pick the kind), so the same request sequence always yields the same faults.
import { Random } from '../random.js';
import type { BodyFaultKind, FaultKind, FaultOptions } from '../options.js';

export class FaultInjector {
  private options: FaultOptions | null = null;
  private rng: Random | null = null;
  /** Faults injected since the last set(), by kind. */
  readonly injected: Record<string, number> = {};

  constructor(options: FaultOptions | null) {
    this.set(options);
  }

  /** Replaces the fault config and restarts the dice from its seed. Expects validated options. */
  set(options: FaultOptions | null): void {
    this.options = options;
    this.rng = options ? new Random(options.seed ?? 1) : null;
    for (const key of Object.keys(this.injected)) delete this.injected[key];
  }

  get slowMs(): number {
    return this.options?.slowMs ?? 1500;
  }

  get retryAfterSeconds(): number {
    return this.options?.retryAfterSeconds ?? 1;
  }

  decide(method: string, path: string): FaultKind | undefined {
    const { options, rng } = this;
    if (!options || !rng || options.rate <= 0 || !matches(options.match, method, path)) return undefined;
    if (rng.float() >= options.rate) return undefined;
    const kind = rng.pick(options.kinds && options.kinds.length > 0 ? options.kinds : (['500'] as FaultKind[]));
    this.injected[kind] = (this.injected[kind] ?? 0) + 1;
    return kind;
  }
}

function matches(match: FaultOptions['match'], method: string, path: string): boolean {
  if (match === undefined) return path.startsWith('/api/v2');
  if (typeof match === 'string') return path.startsWith(match);
  return match(method, path);
}

/** Status, code and message of the non-429 HTTP faults (JSON ErrorBody like the platform's own errors). */
export const FAULT_RESPONSES: Record<'500' | '502' | '503' | '504', { status: number; code: string; message: string }> =
  {
    '500': {
      status: 500,
      code: 'internal.server.error',
      message: 'The server encountered an unexpected condition which prevented it from fulfilling the request.',
    },
    '502': {
      status: 502,
      code: 'bad.gateway',
      message: 'The server received an invalid response from an upstream server.',
    },
    '503': {
      status: 503,
      code: 'service.unavailable',
      message: 'Service is currently unavailable, please try again later.',
    },
    '504': { status: 504, code: 'request.timeout', message: 'The request timed out upstream.' },
  };

/** Bodies of the lying-proxy faults (HTTP 200). */
export const BODY_FAULT_RESPONSES: Record<BodyFaultKind, { contentType: string; body: string }> = {
  html: {
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>Sign in - Corporate Proxy</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"></form></body></html>',
  },
  'truncated-json': {
    contentType: 'application/json',
    body: '{"entities":[{"id":"8f6b1a52-0b51-4c5e-9d0f-2f1a3c4b5d6e","name":"Bill',
  },
  'non-object': { contentType: 'application/json', body: '[]' },
  'empty-object': { contentType: 'application/json', body: '{}' },
  'null-entities': { contentType: 'application/json', body: '{"entities":null}' },
  'wrong-types': {
    contentType: 'application/json',
    body: '{"entities":[{"id":42,"name":7}],"pageSize":100,"pageNumber":1,"pageCount":1,"total":1}',
  },
};
