// The optimizer's explicit one-field checks (the Erlang functions, the routing model): no schema library, so
// `import { erlangC }` bundles without zod.
import { ValidationError } from '../errors/index.js';

/** Throws a ValidationError for one field; for checks that are cheaper by hand on hot paths. */
export function invalid(context: string, path: string, message: string): never {
  throw new ValidationError(context, [{ path, message }]);
}
