// The offer model behind distributeWeights' "achieved share" and "balance accuracy". Pure.
//
// Genesys Cloud has no per-member weight. A ring number (bullseye) or a proficiency (best available) only sets
// an ORDER in which members are offered work. The model turns that order into expected shares of the queue's
// work: levels are filled in order (ring 1 first / highest proficiency first); each member of a level takes
// work until it is busy `overflowThreshold` of the time, then the rest overflows to the next level; what is
// left after every level is full is spread evenly over all eligible members (the queue is saturated).
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';

/** Which platform lever orders the members. */
export type WeightLever = 'rings' | 'proficiency' | 'both';

/** One member's position on the levers. `proficiency: null` = does not hold the skill (never offered). */
export interface MemberPlacement {
  /** Member (user) id. */
  memberId: string;
  /** Bullseye ring (1 = innermost). Missing or null counts as ring 1. Used by 'rings' and 'both'. */
  ringNumber?: number | null | undefined;
  /** Proficiency on the queue's skill. Used by 'proficiency' and 'both'; null or missing = not eligible. */
  proficiency?: number | null | undefined;
}

/** Options of {@link expectedOfferShares}. */
export interface OfferModelOptions {
  /** Which lever orders the members: bullseye `rings`, skill `proficiency`, or `both`. */
  lever: WeightLever;
  /** Work directed at these members, in Erlangs (busy agents). 0 = the next offer: the first level takes it all. */
  load: number;
  /** Busy share (0..1) at which a level overflows to the next one. */
  overflowThreshold: number;
}

const EPS = 1e-9;
// A misspelled `overflowThreshold` would read as 0 and change every share: refused (zod-free, like the Erlang checks).
const OFFER_MODEL_KEYS = /* @__PURE__ */ keysOf<OfferModelOptions>({
  lever: true,
  load: true,
  overflowThreshold: true,
});

/** Sort key of a member, or undefined when the member cannot be offered this queue's work. */
function levelKey(p: MemberPlacement, lever: WeightLever): [number, number] | undefined {
  const ring = p.ringNumber ?? 1;
  if (lever === 'rings') return [ring, 0];
  if (p.proficiency === null || p.proficiency === undefined) return undefined;
  return [lever === 'both' ? ring : 0, -p.proficiency];
}

/**
 * Expected share (0..1) of the offered work each member receives under the water-filling model above:
 * levels ordered by ring ascending (`rings`), proficiency descending (`proficiency`), or ring then proficiency
 * (`both`: bullseye picks the ring, best-available picks within it). Members of one level share its work
 * equally. Shares of eligible members sum to 1 (all 0 when nobody is eligible).
 *
 * @example
 * const shares = expectedOfferShares(
 *   [{ memberId: 'ann', ringNumber: 1 }, { memberId: 'bob', ringNumber: 2 }, { memberId: 'cat', ringNumber: 2 }],
 *   { lever: 'rings', load: 1.5, overflowThreshold: 0.8 },
 * );
 * // ann is busy 0.8 (ring 1 full), bob and cat share the 0.7 that overflows: ann 0.533, bob 0.233, cat 0.233
 */
export function expectedOfferShares(
  members: readonly MemberPlacement[],
  options: OfferModelOptions,
): Map<string, number> {
  rejectUnknownKeys('expectedOfferShares', options, OFFER_MODEL_KEYS, 'options');
  const { lever, overflowThreshold } = options;
  const load = Number.isFinite(options.load) ? Math.max(0, options.load) : 0;
  const threshold = Math.min(1, Math.max(0, Number.isFinite(overflowThreshold) ? overflowThreshold : 0));
  const shares = new Map<string, number>(members.map((m) => [m.memberId, 0]));
  const eligible = members.flatMap((m) => {
    const key = levelKey(m, lever);
    return key ? [{ id: m.memberId, key }] : [];
  });
  if (eligible.length === 0) return shares;
  eligible.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  const levels: string[][] = [];
  let last: [number, number] | undefined;
  for (const e of eligible) {
    if (!last || Math.abs(last[0] - e.key[0]) > EPS || Math.abs(last[1] - e.key[1]) > EPS) levels.push([]);
    levels[levels.length - 1]!.push(e.id);
    last = e.key;
  }
  if (load === 0) {
    // The limit of a vanishing load: the first level takes the next offer (everyone alike when nothing overflows
    // before saturation, i.e. threshold 0).
    const first = threshold === 0 ? eligible.map((e) => e.id) : levels[0]!;
    for (const id of first) shares.set(id, 1 / first.length);
    return shares;
  }
  const busy = new Map<string, number>();
  let remaining = load;
  for (const level of levels) {
    const take = Math.min(remaining, level.length * threshold);
    for (const id of level) busy.set(id, take / level.length);
    remaining -= take;
  }
  if (remaining > 0) for (const e of eligible) busy.set(e.id, (busy.get(e.id) ?? 0) + remaining / eligible.length);
  for (const [id, b] of busy) shares.set(id, b / load);
  return shares;
}

/**
 * Balance accuracy: `1 − ½ · Σ |requested share − achieved share|` (one minus the total variation distance
 * between the two distributions), in [0, 1]; 1 = the work splits exactly as requested. Requested shares are the
 * weights normalised to sum to 1; a member missing from `achieved` achieves 0.
 *
 * @example
 * balanceAccuracy({ ann: 0.5, bob: 0.3, cat: 0.2 }, { ann: 0.6, bob: 0.4, cat: 0 }); // 1 − ½(0.1 + 0.1 + 0.2) = 0.8
 */
export function balanceAccuracy(
  requested: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
  achieved: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
): number {
  const req = requested instanceof Map ? requested : new Map(Object.entries(requested));
  const ach = achieved instanceof Map ? achieved : new Map(Object.entries(achieved));
  const total = [...req.values()].reduce((s, w) => s + Math.max(0, w), 0);
  if (!(total > 0)) return 0;
  let distance = 0;
  for (const id of new Set([...req.keys(), ...ach.keys()])) {
    distance += Math.abs(Math.max(0, req.get(id) ?? 0) / total - (ach.get(id) ?? 0));
  }
  const accuracy = 1 - distance / 2;
  return Math.min(1, Math.max(0, Math.round(accuracy * 1e9) / 1e9));
}
