// Keeps secrets out of errors, events and log lines: header values, URL query values and any known
// secret string (client secret, live tokens) are replaced wherever they appear.

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_QUERY = /^(access_token|token|client_secret|code|password|secret|q64)$/i;
export const REDACTED = '[REDACTED]';

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value that must never be printed (ignored when too short to be a secret). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 6) this.#secrets.add(secret);
  }

  /** Replaces every registered secret and every Bearer/Basic credential in `text`. */
  text(text: string): string {
    let out = text.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`);
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

  /** Deep copy of a JSON-like value with secrets replaced in every string. */
  value<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (depth > 8 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_HEADERS.has(k.toLowerCase()) || /secret|password|access_token/i.test(k) ? REDACTED : this.value(v, depth + 1);
    }
    return out as T;
  }
}
