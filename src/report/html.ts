// HTML text helpers: every string that reaches the page goes through `esc` (names come from the org, and
// anyone who may name a queue, skill or user may put markup in it).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values; non-strings are stringified first. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** JSON for a `<script type="application/json">` block: `<`, `>`, `&` and line separators cannot end the block. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A share as a percentage (one decimal), or an en dash when unknown. */
export function pct(x: number | null | undefined, digits = 1): string {
  return typeof x === 'number' && Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '–';
}

/** A number with at most `digits` decimals, or an en dash when unknown. */
export function num(x: number | null | undefined, digits = 1): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '–';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/** A proficiency (0..5) or "none". */
export function prof(x: number | null | undefined): string {
  return x === null || x === undefined ? 'none' : num(x, 1);
}

/** One `<tr>` of cells that are already HTML. */
export function row(cells: readonly string[], tag: 'td' | 'th' = 'td'): string {
  return `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
}

/** A table with a caption; `body` rows are HTML cells, or whole `<tr>` markup when given as strings. */
export function table(
  caption: string,
  head: readonly string[],
  body: readonly (readonly string[] | string)[],
  attrs = '',
): string {
  const rows = body.map((r) => (typeof r === 'string' ? r : row(r))).join('');
  return `<table${attrs}><caption>${esc(caption)}</caption><thead>${row(head.map(esc), 'th')}</thead><tbody>${rows}</tbody></table>`;
}

/** A note saying what the inputs lack, in the section where it is missing. */
export function missing(text: string): string {
  return `<p class="missing" role="note">${esc(text)}</p>`;
}
