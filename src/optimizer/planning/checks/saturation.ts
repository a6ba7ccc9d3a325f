// Saturation gate: would a change push an agent group's utilisation past the point where queues blow up?
import * as z from 'zod/mini';
import { parseInput } from '../../parse-input.js';
import { FractionSchema, fmt, pct } from '../schemas.js';

/** Input of {@link projectSaturation}. */
export const SaturationInputSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      /** Agents that will serve the work after the change (may be fractional: shared agents). */
      activeAgents: z.number().check(z.gte(0, 'must be >= 0'), z.lte(1e9, 'must be <= 1e9')),
      /** Measured utilisation (0..1) of the group today. */
      utilization: FractionSchema,
      /**
       * Workload the change adds, in Erlangs (agent-hours per hour; negative if it takes work away).
       * Example: +120 calls/h x 300 s AHT = +10 Erlangs.
       */
      projectedLoad: z.number().check(z.gte(-1e9, 'must be >= -1e9'), z.lte(1e9, 'must be <= 1e9')),
      /** Agents behind today's `utilization`; defaults to `activeAgents` (the change does not move agents). */
      currentAgents: z.optional(z.number().check(z.gte(0, 'must be >= 0'), z.lte(1e9, 'must be <= 1e9'))),
      /** Projected utilisation at or above which the change is blocked. Default 0.95. */
      blockThreshold: z._default(z.number().check(z.gte(0.01, 'must be >= 0.01'), z.lte(1, 'must be <= 1')), 0.95),
      /** Projected utilisation at or above which the change is allowed with a warning. Default 0.85. */
      warnThreshold: z._default(FractionSchema, 0.85),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.warnThreshold > v.blockThreshold) {
          ctx.addIssue({
            code: 'custom',
            path: ['warnThreshold'],
            message: `must be <= blockThreshold (${v.blockThreshold})`,
          });
        }
      }),
    ),
);

/** Input of {@link projectSaturation}. */
export interface SaturationInput {
  /** Agents that will serve the work after the change (may be fractional: shared agents). */
  activeAgents: number;
  /** Measured utilisation (0..1) of the group today. */
  utilization: number;
  /** Workload the change adds, in Erlangs (agent-hours per hour; negative if it takes work away).
Example: +120 calls/h x 300 s AHT = +10 Erlangs. */
  projectedLoad: number;
  /** Agents behind today's `utilization`; defaults to `activeAgents` (the change does not move agents). */
  currentAgents?: number | undefined;
  /** Projected utilisation at or above which the change is blocked. Default 0.95. */
  blockThreshold?: number | undefined;
  /** Projected utilisation at or above which the change is allowed with a warning. Default 0.85. */
  warnThreshold?: number | undefined;
}

/** Output of {@link projectSaturation}. */
export interface SaturationProjection {
  /** True when the change must not be applied. */
  block: boolean;
  /** `ok`, `warn` (at or above `warnThreshold`) or `block` (at or above `blockThreshold`). */
  level: 'ok' | 'warn' | 'block';
  /** Today's busy agents (Erlangs of work being done). */
  currentLoad: number;
  /** Busy agents after the change (never negative). */
  projectedLoad: number;
  /**
   * Projected work / active agents; may exceed 1 (demand beyond capacity: the queue grows without bound).
   * `null` when no agent is left and there is work: utilisation is undefined, and the change is blocked.
   */
  projectedUtilization: number | null;
  /** The block threshold used (share 0..1). */
  blockThreshold: number;
  /** Agents needed to bring projected utilisation just below the block threshold (0 when not blocked). */
  additionalAgentsNeeded: number;
  /** The verdict in words, with the numbers. */
  reason: string;
}

/**
 * Projects the utilisation of an agent group after a change and decides whether it must be blocked.
 *
 * `currentLoad = utilization x currentAgents`, `projected = max(0, currentLoad + projectedLoad)`,
 * `projectedUtilization = projected / activeAgents`. Blocked at or above `blockThreshold` (default 0.95: past
 * it, Erlang C waiting times grow steeply and any forecast error tips the queue into an unbounded backlog);
 * warned at or above `warnThreshold` (default 0.85).
 *
 * @throws ValidationError naming the bad field.
 */
export function projectSaturation(input: SaturationInput): SaturationProjection {
  const v = parseInput('projectSaturation', SaturationInputSchema, input);
  const currentAgents = v.currentAgents ?? v.activeAgents;
  const currentLoad = v.utilization * currentAgents;
  const projectedLoad = Math.max(0, currentLoad + v.projectedLoad);
  const base = { currentLoad, projectedLoad, blockThreshold: v.blockThreshold };

  // No agents (or so few that utilisation overflows): utilisation is undefined.
  if (v.activeAgents === 0 || !Number.isFinite(projectedLoad / v.activeAgents)) {
    if (projectedLoad === 0) {
      return {
        ...base,
        block: false,
        level: 'ok',
        projectedUtilization: 0,
        additionalAgentsNeeded: 0,
        reason: 'no agents and no work',
      };
    }
    const needed = agentsToAdd(projectedLoad, 0, v.blockThreshold);
    return {
      ...base,
      block: true,
      level: 'block',
      projectedUtilization: null,
      additionalAgentsNeeded: needed,
      reason: `no active agents would be left to serve ${fmt(projectedLoad)} Erlangs of work; ${needed} agent(s) needed`,
    };
  }

  const projectedUtilization = projectedLoad / v.activeAgents;
  const summary = `${fmt(projectedLoad)} Erlangs on ${fmt(v.activeAgents)} agents = ${pct(projectedUtilization)} utilisation`;
  if (projectedUtilization >= v.blockThreshold) {
    const needed = agentsToAdd(projectedLoad, v.activeAgents, v.blockThreshold);
    return {
      ...base,
      block: true,
      level: 'block',
      projectedUtilization,
      additionalAgentsNeeded: needed,
      reason: `${summary} >= block threshold ${pct(v.blockThreshold)}; add ${needed} agent(s) or shed load first`,
    };
  }
  const level = projectedUtilization >= v.warnThreshold ? 'warn' : 'ok';
  return {
    ...base,
    block: false,
    level,
    projectedUtilization,
    additionalAgentsNeeded: 0,
    reason:
      level === 'warn'
        ? `${summary} >= warn threshold ${pct(v.warnThreshold)} but below block threshold ${pct(v.blockThreshold)}`
        : `${summary}, below warn threshold ${pct(v.warnThreshold)}`,
  };
}

/**
 * Smallest whole k with `load / (agents + k) < threshold`: the very test that blocks, so the answer unblocks and
 * one fewer does not. The closed form `floor(load / threshold - agents) + 1` is only a first guess: at an exact
 * boundary (127.12 Erlangs at 0.56 on 227 agents) the rounded division lands on either side, so it is adjusted.
 */
function agentsToAdd(load: number, agents: number, threshold: number): number {
  const blocked = (k: number): boolean => !(load / (agents + k) < threshold);
  let k = Math.max(0, Math.floor(load / threshold - agents) + 1);
  while (blocked(k)) k++;
  while (k > 0 && !blocked(k - 1)) k--;
  return k;
}
