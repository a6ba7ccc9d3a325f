// The regular expression source that finds one secret in every form a server may echo it in. Each character may
// appear raw or encoded on its own (a server may encode some characters and not others, or mix schemes):
//   URL/form encoding   %XX of each UTF-8 byte (any case: %7e, %7E), `+` for a space
//   JSON escapes        \uXXXX of each UTF-16 unit, \/ \" \\ (behind one or more backslashes: JSON inside JSON)
//   HTML entities       &#DEC; &#xHEX; (leading zeros allowed) and &amp; &lt; &gt; &quot; &apos;
// and the whole value as base64 (standard or URL alphabet, padding optional) or hex.
// Used with the `gi` flags: letters match in either case (over-redacting a look-alike is harmless).

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
  forms.push([...Buffer.from(char, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i));
  forms.push(units.map((unit) => `\\\\+u${hex(unit, 4)}`).join(''));
  if (JSON_SHORT_ESCAPES.has(char)) forms.push(`\\\\+${escapeRegex(char)}`);
  forms.push(`&#0*${code};`, `&#x0*${code.toString(16)};`);
  const named = NAMED_ENTITIES[char];
  if (named) forms.push(`&${named};`);
  return `(?:${forms.join('|')})`;
}

/** Regular expression source matching `secret` in any of the forms above. */
export function secretPattern(secret: string): string {
  const perCharacter = [...secret].map(characterForms).join('');
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64').replace(/=+$/, '');
  const base64url = bytes.toString('base64url');
  const wholeValue = [base64, base64url, bytes.toString('hex')].map(escapeRegex);
  return [perCharacter, ...new Set(wholeValue)].join('|');
}
