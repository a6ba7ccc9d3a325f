// What a user holds with a proficiency (a skill or a language), as the writes take it: the same rules for both.
import * as z from 'zod/mini';
import { LIMITS } from '../../limits.js';

/** A proficiency in the platform's range, 0 to 5. */
export const proficiencySchema = () =>
  z
    .number()
    .check(
      z.gte(LIMITS.proficiency.min, 'must be between 0 and 5'),
      z.lte(LIMITS.proficiency.max, 'must be between 0 and 5'),
    );

/** `{ id, proficiency }` and nothing else. */
export const proficiencyItemSchema = () =>
  z.strictObject({ id: z.string().check(z.minLength(1, 'is required')), proficiency: proficiencySchema() });

/** A list of items that names each id once; `what` names the id in the message (`duplicate skill id …`). */
export function uniqueItemsSchema<S extends z.ZodMiniType<{ id: string }>>(item: S, what: string) {
  return z.array(item).check(
    z.superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((entry, i) => {
        if (seen.has(entry.id))
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate ${what} id ${entry.id}` });
        seen.add(entry.id);
      });
    }),
  );
}
