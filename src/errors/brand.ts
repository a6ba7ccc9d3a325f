// The brand every error of this SDK carries: the names of its class chain under a global symbol, so `instanceof`
// and the `is*` guards work across two loaded copies of the package (CommonJS and ES module builds, or two versions).

export const BRAND = Symbol.for('genesys-routing-sdk.error');

type Branded = { [BRAND]?: readonly string[] };

export function kindsOf(value: unknown): readonly string[] {
  if (typeof value !== 'object' || value === null) return [];
  return (value as Branded)[BRAND] ?? [];
}

/**
 * An error class's stable name. Constructor names are not stable: bundlers rename classes (esbuild turns
 * `ValidationError` into `_ValidationError`) and minifiers mangle them, so every class states its own.
 */
export function errorNameOf(ctor: unknown): string {
  const c = ctor as { errorName?: string; name: string };
  return Object.hasOwn(c, 'errorName') && c.errorName ? c.errorName : c.name;
}

/**
 * `instanceof` that also works when two copies of the package are loaded (CJS + ESM, or two versions):
 * every error carries the names of its class chain under a global symbol.
 */
export function brandedHasInstance(this: unknown, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
  return kindsOf(value).includes(errorNameOf(this));
}

/** A type guard by brand: true for an error of that class (or a subclass), also from another copy of the package. */
export function guard<T>(name: string): (value: unknown) => value is T {
  return (value: unknown): value is T => kindsOf(value).includes(name);
}
