// Terminal output helpers: aligned tables and a progress bar that only draws on a TTY.

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (/^-?[\d.,%]+$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
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
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${note}`.padEnd(80),
      );
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

/**
 * Progress of a command that talks to the org, on stderr when it is a terminal: a first line at once (so a
 * long read never looks hung), then the client's progress events (pages, steps, polls) on one updating line.
 * Returns the function that ends it.
 */
export function progressLine(
  client: {
    on(e: 'progress', l: (p: ProgressLike) => void): unknown;
    off(e: 'progress', l?: (p: ProgressLike) => void): unknown;
  },
  label: string,
): () => void {
  if (!process.stderr.isTTY) return () => undefined;
  const started = Date.now();
  process.stderr.write(`${label}...\n`);
  const listener = (p: ProgressLike) => {
    const what = p.message ?? `${p.done}${p.total === undefined ? '' : `/${p.total}`} ${p.unit}`;
    process.stderr.write(`\r  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`.padEnd(80));
  };
  client.on('progress', listener);
  return () => {
    client.off('progress', listener);
    process.stderr.write(`\r  done in ${((Date.now() - started) / 1000).toFixed(1)} s`.padEnd(80) + '\n');
  };
}

interface ProgressLike {
  unit: string;
  done: number;
  total: number | undefined;
  message?: string | undefined;
}

/**
 * The line printed on an optimization's first screen when a time cap, not the work budget, ended its search (the
 * plan then depends on the machine's speed and load); undefined when the work budget decided.
 */
export function timeCapNotice(stats: OptimizerStats | undefined, how: { flag: string }): string | undefined {
  if (stats?.stoppedBy !== 'time-limit') return undefined;
  const work = stats.work ? ` after ${stats.work.used} of its ${stats.work.budget} units of work` : '';
  return (
    `NOTE: the time limit ended the search${work}: this plan depends on how fast and how busy this machine was, ` +
    `and another run may give another plan. For the plan the work budget gives (the same on any machine), run ` +
    `again with a higher ${how.flag} or without it, or lower the effort for a quicker plan.`
  );
}

interface OptimizerStats {
  stoppedBy?: 'work' | 'time-limit' | 'signal';
  work?: { used: number; budget: number };
}
