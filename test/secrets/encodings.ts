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

/**
 * The base64 characters that encode `bytes` alone when they follow `offset` other bytes in a longer base64 text
 * (as a token inside the base64 of `Bearer <token>`): what a server echoing such a text shows of the secret.
 */
export function base64Inside(bytes: Buffer, offset: number, alphabet: 'base64' | 'base64url' = 'base64'): string {
  const text = Buffer.concat([Buffer.alloc(offset, 0x41), bytes]).toString(alphabet);
  return text.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
}

/** The forms added by issue 38: encoded twice, base64 at every alignment, and the first 8 and 20 characters. */
function moreEncodingsOf(secret: string): Record<string, string> {
  const bytes = Buffer.from(secret, 'utf8');
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const out: Record<string, string> = {
    'url-encoded twice': encodeURIComponent(encodeURIComponent(secret)),
    'form-encoded twice': new URLSearchParams({ s: form }).toString().slice(2),
    'url-encoded three times': encodeURIComponent(encodeURIComponent(encodeURIComponent(secret))),
  };
  for (const offset of [1, 2]) {
    out[`base64 at offset ${offset}`] = base64Inside(bytes, offset);
    out[`base64url at offset ${offset}`] = base64Inside(bytes, offset, 'base64url');
    out[`base64 of the form-encoded value at offset ${offset}`] = base64Inside(Buffer.from(form), offset);
  }
  out['base64, url-encoded'] = encodeURIComponent(bytes.toString('base64'));
  out['base64, url-encoded twice'] = encodeURIComponent(encodeURIComponent(bytes.toString('base64')));
  for (const length of [8, 20]) {
    const prefix = [...secret].slice(0, length).join('');
    out[`first ${length} characters`] = prefix;
    out[`first ${length} characters, url-encoded twice`] = encodeURIComponent(encodeURIComponent(prefix));
    out[`first ${length} characters, json`] = JSON.stringify(prefix).slice(1, -1);
    out[`first ${length} characters, base64 at offset 1`] = base64Inside(Buffer.from(prefix), 1);
    out[`first ${length} characters, hex`] = Buffer.from(prefix).toString('hex');
  }
  return out;
}

/** Label -> the secret in that encoding. */
export function encodingsOf(secret: string): Record<string, string> {
  return { ...baseEncodingsOf(secret), ...moreEncodingsOf(secret) };
}

function baseEncodingsOf(secret: string): Record<string, string> {
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
