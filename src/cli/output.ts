// Terminal output helpers: aligned tables and a progress bar that only draws on a TTY.

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (/^-?[\d.,%]+$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function percent(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** A one-line progress bar on stderr; silent when stderr is not a TTY (CI logs stay clean). */
export function progressBar(label: string): { update(done: number, total: number, note?: string): void; done(): void } {
  const tty = Boolean(process.stderr.isTTY);
  return {
    update(done, total, note = '') {
      if (!tty) return;
      const width = 28;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}`.padEnd(80));
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
