// Property tests run with a fixed seed by default, so `npm test` gives the same verdict on every machine.
//   FC_SEED=<integer>  replay the seed a failure printed
//   FC_SEED=random     explore: fast-check picks a new seed per property (printed on failure)
// Documented in docs/testing.md.
import fc from 'fast-check';

/** The default seed of every property (fast-check's `seed` option in a test still wins). */
export const DEFAULT_FC_SEED = 20261121;

export function seedFromEnv(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return DEFAULT_FC_SEED;
  if (raw === 'random') return undefined;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", received ${JSON.stringify(raw)}`);
  return seed;
}

const seed = seedFromEnv(process.env.FC_SEED);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
