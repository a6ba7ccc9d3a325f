// The regular expression source that finds one secret in every form a server may echo it in. Each character may
// appear raw or encoded on its own (a server may encode some characters and not others, or mix schemes):
//   URL/form encoding   %XX of each UTF-8 byte (any case: %7e, %7E), encoded again any number of times (%257E),
//                       `+` for a space
//   JSON escapes        \uXXXX of each UTF-16 unit, \/ \" \\ (behind one or more backslashes: JSON inside JSON)
//   HTML entities       &#DEC; &#xHEX; (leading zeros allowed) and &amp; &lt; &gt; &quot; &apos;
// and its bytes as hex, or as base64 (standard or URL alphabet) at each of the three alignments a value can have
// inside a longer base64 text (`Bearer <token>`, `id:secret`): the characters that encode the secret's bytes alone.
// Every form also matches from the start of the secret up to its first MIN_PREFIX characters (a server that echoes
// a truncated value). Used with the `gi` flags: letters match in either case (over-redacting is harmless).

/** A run of this many characters from the start of a secret is redacted like the whole secret. */
export const MIN_PREFIX = 8;

const NAMED_ENTITIES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
const JSON_SHORT_ESCAPES = new Set(['/', '"', '\\']);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Every way one character (a code point) may be written. */
function characterForms(char: string): string {
  const code = char.codePointAt(0)!;
  const forms = [escapeRegex(char)];
  forms.push([...Buffer.from(char, 'utf8')].map((byte) => `%(?:25)*${hex(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i));
  forms.push(units.map((unit) => `\\\\+u${hex(unit, 4)}`).join(''));
  if (JSON_SHORT_ESCAPES.has(char)) forms.push(`\\\\+${escapeRegex(char)}`);
  forms.push(`&#0*${code};`, `&#x0*${code.toString(16)};`);
  const named = NAMED_ENTITIES[char];
  if (named) forms.push(`&${named};`);
  return `(?:${forms.join('|')})`;
}

/** `atoms` in order, the first `required` of them always, each later one only after all before it. */
function prefixOf(atoms: readonly string[], required: number): string {
  const rest = atoms.slice(required).reduceRight((tail, atom) => `(?:${atom}${tail})?`, '');
  return atoms.slice(0, required).join('') + rest;
}

/** A base64 character raw, or URL-encoded (once or more) or JSON-escaped where it is not a letter or digit. */
function base64Atom(char: string): string {
  if (char === '+') return '(?:\\+|%(?:25)*2B)';
  if (char === '/') return '(?:/|\\\\*/|%(?:25)*2F)';
  return escapeRegex(char);
}

/**
 * The base64 characters that encode `bytes` alone when they follow `offset` other bytes: the characters that
 * also carry bits of the neighbours are left out. `requiredBytes` of them must match, the rest as a prefix.
 */
function base64Forms(bytes: Buffer, requiredBytes: number): string[] {
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const required = Math.floor(((offset + requiredBytes) * 8) / 6) - start;
    for (const text of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
      forms.push(prefixOf([...text.slice(start, end)].map(base64Atom), required));
    }
  }
  return forms;
}

/**
 * The secret, and the secret form-encoded as the Basic credentials of RFC 6749 section 2.3.1 carry it (base64 of
 * `urlencode(id):urlencode(secret)`): a server may encode that form again in any of the ways above.
 */
function variants(secret: string): string[] {
  return [...new Set([secret, new URLSearchParams({ s: secret }).toString().slice(2), encodeURIComponent(secret)])];
}

/**
 * Regular expression sources matching `secret`, or its first MIN_PREFIX or more characters, in the forms above:
 * one per variant, each used as its own RegExp (one joined pattern passes the size past which V8 stops
 * optimizing a regular expression, and then runs about fifty times slower).
 */
export function secretPatterns(secret: string): string[] {
  return variants(secret).map((variant) => {
    const chars = [...variant];
    const bytes = Buffer.from(variant, 'utf8');
    const requiredBytes = Math.min(bytes.length, MIN_PREFIX);
    const forms = [
      prefixOf(chars.map(characterForms), Math.min(chars.length, MIN_PREFIX)),
      ...base64Forms(bytes, requiredBytes),
      prefixOf(
        [...bytes].map((byte) => hex(byte, 2)),
        requiredBytes,
      ),
    ];
    return [...new Set(forms)].join('|');
  });
}
