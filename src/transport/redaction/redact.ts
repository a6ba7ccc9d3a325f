// Keeps secrets out of errors, events and log lines: header values, URL query values and any known
// secret string (client secret, live tokens, the Basic credential) are replaced wherever they appear, in every
// encoding a server may echo them in: raw, URL- or form-encoded once or more (%21 %27 %28 %29 %7E, %257E, + for a
// space), JSON escapes (\/, \u00e9, \"), HTML entities (&amp; &#39; &#x2F;), any mix of those per character, hex,
// and base64 at any alignment inside a longer base64 text; also the first 8 or more characters of each.
import { secretPatterns } from './redact-forms.js';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_QUERY = /^(access_token|token|client_secret|code|password|secret|q64)$/i;
const SECRET_KEY = /secret|password|access_token/i;
export const REDACTED = '[REDACTED]';
/** Nesting beyond this is replaced whole: bounded work, and nothing deeper is passed through unredacted. */
const MAX_DEPTH = 256;
/** Nodes copied per call at most (a shared sub-object is copied each time it is reached). */
const MAX_NODES = 1_000_000;

export class Redactor {
  readonly #secrets = new Set<string>();
  /** Patterns matching every registered secret in every encoding; rebuilt lazily after `add`. */
  #patterns: RegExp[] | undefined;

  /** Registers a value that must never be printed (ignored when too short to be a secret), with its encodings. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 6 || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#patterns = undefined;
  }

  /** Replaces every registered secret and every Bearer/Basic credential in `text`. */
  text(text: string): string {
    let out = text;
    this.#patterns ??= [...this.#secrets].flatMap(secretPatterns).map((source) => new RegExp(source, 'gi'));
    for (const pattern of this.#patterns) out = out.replace(pattern, REDACTED);
    // After the known secrets: the credential pattern stops at the first character it does not expect, which
    // would leave the rest of a known token behind.
    return out.replace(/\b(Bearer|Basic)(\s+|%20|\+)[A-Za-z0-9._~+/=%-]+/gi, `$1$2${REDACTED}`);
  }

  url(url: string): string {
    try {
      const u = new URL(url);
      for (const key of [...u.searchParams.keys()]) {
        if (SECRET_QUERY.test(key)) u.searchParams.set(key, REDACTED);
      }
      if (u.username || u.password) {
        u.username = '';
        u.password = '';
      }
      return this.text(u.toString());
    } catch {
      return this.text(url);
    }
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers))
      out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : this.text(v);
    return out;
  }

  /**
   * Deep copy of a JSON-like value with secrets replaced in every string and every secret-named key. Complete at
   * any depth a body can realistically have; a cycle becomes "[Circular]", nesting past MAX_DEPTH and nodes
   * past MAX_NODES "[REDACTED]".
   */
  value<T>(value: T): T {
    return this.#value(value, 0, { seen: new WeakSet(), nodes: 0 }) as T;
  }

  #value(value: unknown, depth: number, walk: { seen: WeakSet<object>; nodes: number }): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_DEPTH || ++walk.nodes > MAX_NODES) return REDACTED;
    const seen = walk.seen;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((v) => this.#value(v, depth + 1, walk));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[this.text(k)] =
          SECRET_HEADERS.has(k.toLowerCase()) || SECRET_KEY.test(k) ? REDACTED : this.#value(v, depth + 1, walk);
      }
      return out;
    } finally {
      // A value seen twice on different branches (not a cycle) is copied twice, not called circular.
      seen.delete(value);
    }
  }
}
