// Keeps secrets out of errors, events and log lines: header values, URL query values and any known
// secret string (client secret, live tokens, the Basic credential) are replaced wherever they appear, raw or
// URL-encoded (an OAuth error_description or a query string may echo them encoded).

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

  /** Registers a value that must never be printed (ignored when too short to be a secret), with its encodings. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 6) return;
    const encoded = encodeURIComponent(secret);
    for (const form of [secret, encoded, encoded.replace(/%20/g, '+'), encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), JSON.stringify(secret).slice(1, -1)]) {
      this.#secrets.add(form);
    }
  }

  /** Replaces every registered secret and every Bearer/Basic credential in `text`. */
  text(text: string): string {
    let out = text.replace(/\b(Bearer|Basic)(\s+|%20|\+)[A-Za-z0-9._~+/=%-]+/gi, `$1$2${REDACTED}`);
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
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
    for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : this.text(v);
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
        out[this.text(k)] = SECRET_HEADERS.has(k.toLowerCase()) || SECRET_KEY.test(k) ? REDACTED : this.#value(v, depth + 1, walk);
      }
      return out;
    } finally {
      // A value seen twice on different branches (not a cycle) is copied twice, not called circular.
      seen.delete(value);
    }
  }
}
