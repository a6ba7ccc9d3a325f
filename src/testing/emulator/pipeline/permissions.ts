// Permission checks as the platform does them: a route needs ANY of its permissions unless it says ALL.
import { ApiError } from '../respond/error-body.js';

/** The permissions an emulated route requires: any one of them, or all of them (as the platform's API documentation lists them per endpoint). */
export type RoutePermissions = { anyOf: string[] } | { allOf: string[] };

/** '*' grants everything; a '*' segment matches any value of that segment ('routing:skill:*'). */
export function hasPermission(granted: readonly string[], needed: string): boolean {
  const want = needed.split(':');
  return granted.some((g) => {
    if (g === '*') return true;
    const have = g.split(':');
    if (have.length !== want.length) return false;
    return have.every((segment, i) => segment === '*' || segment.toLowerCase() === want[i]?.toLowerCase());
  });
}

/** Throws the platform's 403 when `granted` does not satisfy `required`. */
export function checkPermissions(granted: readonly string[], required: RoutePermissions | undefined): void {
  if (!required) return;
  if ('allOf' in required) {
    const missing = required.allOf.filter((p) => !hasPermission(granted, p));
    if (missing.length > 0) {
      throw new ApiError(
        403,
        'missing.permissions',
        `Unable to perform the requested action. You are missing the following permission(s): [${missing.join(', ')}]`,
        {
          messageParams: { permissions: missing.join(', ') },
        },
      );
    }
    return;
  }
  if (required.anyOf.length > 0 && !required.anyOf.some((p) => hasPermission(granted, p))) {
    throw new ApiError(
      403,
      'missing.any.permissions',
      `Unable to perform the requested action. You must have at least one of the following permissions assigned: [${required.anyOf.join(', ')}]`,
      {
        messageParams: { permissions: required.anyOf.join(', ') },
      },
    );
  }
}
