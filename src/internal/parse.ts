// Parsing with zod/mini, with English messages. zod/mini ships without a locale (every message would read
// "Invalid input"), so the English error map is passed to each parse: installing it with z.config() would also
// change the messages of the caller's own zod/mini schemas. Messages a schema sets itself take precedence.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

const english = /* @__PURE__ */ en();

/** `z.safeParse` with English messages (`Invalid input: expected string, received number`). */
export function safeParse<S extends z.core.$ZodType>(schema: S, value: unknown): z.util.SafeParseResult<z.output<S>> {
  return z.safeParse(schema, value, { error: english.localeError });
}
