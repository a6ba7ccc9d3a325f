// Low-level errors become causes of the SDK's errors only as redacted copies.
/** Fields of a low-level cause worth keeping (errno details); everything else (request options, headers) is dropped. */
const CAUSE_FIELDS = ['code', 'errno', 'syscall', 'address', 'port', 'hostname'] as const;

/**
 * A copy of a low-level error (fetch, undici, a socket) that is safe to attach as `cause`: name, message, stack and
 * the errno fields, each string passed through `redact`, and its own cause likewise. Request options, headers
 * and bodies that fetch libraries hang on their errors are left behind, so `util.inspect(error)` cannot print a
 * Bearer token or the Basic credential.
 */
export function sanitizeCause(cause: unknown, redact: (text: string) => string = (t) => t, depth = 0): unknown {
  if (cause === undefined || cause === null) return cause;
  if (typeof cause === 'string') return redact(cause);
  if (typeof cause !== 'object') return cause;
  if (!(cause instanceof Error) || depth >= 4) return redact(String(cause));
  const inner = (cause as { cause?: unknown }).cause;
  const copy = new Error(
    redact(cause.message),
    inner === undefined ? undefined : { cause: sanitizeCause(inner, redact, depth + 1) },
  );
  copy.name = cause.name;
  copy.stack = redact(cause.stack ?? `${cause.name}: ${cause.message}`);
  for (const field of CAUSE_FIELDS) {
    const value = (cause as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') Object.assign(copy, { [field]: redact(value) });
    else if (typeof value === 'number') Object.assign(copy, { [field]: value });
  }
  return copy;
}
