// Every encoding in which a hostile or careless server may echo a secret it was sent: the forms the secrets
// suite looks for in every artefact, and the forms its hostile servers echo.

const upperHex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const unicodeEscape = (unit: number, upper = false) => {
  const h = unit.toString(16).padStart(4, '0');
  return `\\u${upper ? h.toUpperCase() : h}`;
};

function jsonAsciiOnly(value: string, upper: boolean): string {
  return [...JSON.stringify(value).slice(1, -1)]
    .map((c) => (c.charCodeAt(0) > 0x7e ? unicodeEscape(c.charCodeAt(0), upper) : c))
    .join('');
}

function htmlNamed(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Label -> the secret in that encoding. */
export function encodingsOf(secret: string): Record<string, string> {
  const bytes = Buffer.from(secret, 'utf8');
  const uri = encodeURIComponent(secret);
  return {
    raw: secret,
    'url-encoded': uri,
    'url-encoded, lower-case hex': uri.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
    'url-encoded, + for space': uri.replace(/%20/g, '+'),
    'form-encoded (%21 %27 %28 %29 %7E)': new URLSearchParams({ x: secret }).toString().slice(2),
    'RFC 3986 strict (%2A too)': uri.replace(/[!'()*~]/g, upperHex),
    'json string': JSON.stringify(secret).slice(1, -1),
    'json, \\/ for /': JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    'json, \\u00e9 for non-ASCII': jsonAsciiOnly(secret, false),
    'json, \\u00E9 upper-case': jsonAsciiOnly(secret, true),
    'json, every character \\u-escaped': [...Array(secret.length).keys()]
      .map((i) => unicodeEscape(secret.charCodeAt(i)))
      .join(''),
    'json inside json': JSON.stringify(JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/')).slice(1, -1),
    base64: bytes.toString('base64'),
    'base64 without padding': bytes.toString('base64').replace(/=+$/, ''),
    base64url: bytes.toString('base64url'),
    hex: bytes.toString('hex'),
    'hex, upper-case': bytes.toString('hex').toUpperCase(),
    'html named entities': htmlNamed(secret),
    'html decimal entities': [...secret].map((c) => `&#${c.codePointAt(0)};`).join(''),
    'html hex entities': [...secret].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join(''),
    'html, &#x2F; for / (OWASP)': htmlNamed(secret).replace(/\//g, '&#x2F;'),
  };
}
