// Schemas built the first time they are used, then kept: building every response and input schema of the client
// when the package loads was most of its own load cost, and a program pays only for the calls it makes. A schema
// that refers to itself wraps that inner reference in z.lazy.

/** A function that builds the schema on its first call and returns that same schema ever after. */
export function lazySchema<S>(build: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= build());
}
