// One line per autopilot decision, as the CLI prints it (and its approve-mode prompt shows each proposal).
import type { AutopilotDecision } from '../../workflows/autopilot/decision-log.js';

/** `11:15 adjust  +3 -0 (1 refused) Billing Support 0.36 < 0.80 … | applied 4 from 11:15:02` (the writes' start) */
export function decisionLine(d: AutopilotDecision): string {
  const gains = d.changes.filter((c) => c.direction === 'gain').length;
  const losses = d.changes.length - gains;
  const parts = [d.at.slice(0, 16).replace('T', ' '), d.kind.padEnd(6)];
  if (d.changes.length > 0 || d.kind !== 'hold') parts.push(`+${gains} -${losses}`);
  if (d.refused.length > 0)
    parts.push(`(${d.refused.length} refused: ${[...new Set(d.refused.map((r) => r.rule))].join(', ')})`);
  if (d.trigger) parts.push('(early: the live picture)');
  parts.push(d.why);
  if (d.source?.fallback) parts.push(`[no stream: ${d.source.fallback}]`);
  if (d.apply)
    parts.push(
      `| ${Object.entries(d.apply.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')} from ${d.apply.at.slice(11, 19)}`,
    );
  if (d.verified) parts.push(d.verified.ok ? '| verified' : `| ${d.verified.mismatches} NOT as planned`);
  return parts.join(' ');
}
