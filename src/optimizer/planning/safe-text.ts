// Escaping for reports that end up in terminals, CI logs and pull-request comments. Names come from the org
// (anyone who may name a queue or skill): a newline or an ANSI escape in one must not forge a report line or
// recolour a log, and HTML in one must not render in a markdown comment.

/**
 * C0/C1 controls (CR, LF, ESC, ...), DEL, line/paragraph separators, bidirectional overrides and isolates
 * (which reorder what a reader sees), and lone surrogates.
 */
// Matching control characters is the point.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Makes `s` safe to print on one line: every unsafe character becomes a visible `\n`, `\r`, `\t` or `\uXXXX`. */
export function escapeControl(s: string): string {
  return s.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a markdown table cell, outside code: no HTML, no markdown syntax, no line breaks. */
export function markdownText(s: string): string {
  return escapeControl(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()#!~|]/g, (c) => `\\${c}`);
}

/** A markdown code span for a table cell: a fence longer than any backtick run inside, `|` escaped for GFM tables. */
export function markdownCode(s: string): string {
  const text = escapeControl(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith(' ') || text.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`.replace(/\|/g, '\\|');
}
