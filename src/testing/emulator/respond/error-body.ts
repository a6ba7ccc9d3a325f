// ErrorBody (the official SDK purecloud-platform-client-v2 model) and the exception handlers throw to produce one.

/** One detail of an error answer (the platform's `ErrorBody.details`): a code and the field or entity it concerns. */
export interface ErrorDetail {
  /** Machine-readable code of the detail. */
  errorCode: string;
  /** The request field it concerns. */
  fieldName?: string;
  /** Id of the entity it concerns. */
  entityId?: string;
  /** Name of the entity it concerns. */
  entityName?: string;
}

/**
 * The JSON body of an error answer, as the platform sends it (`ErrorBody` in the official SDK): message, code, status,
 * details.
 */
export interface ErrorBody {
  /** Human-readable message. */
  message: string;
  /** Machine-readable error code, e.g. `bad.request`, `not.found`. */
  code: string;
  /** HTTP status, repeated in the body. */
  status: number;
  /** The request's correlation id (also the `ININ-Correlation-Id` header). */
  contextId: string;
  /** Details: codes and the fields or entities they concern. */
  details: ErrorDetail[];
  /** Nested errors (e.g. one per failed item of a bulk call). */
  errors: ErrorBody[];
  /** The message with `{placeholders}` for `messageParams`. */
  messageWithParams?: string;
  /** Values of the placeholders in `messageWithParams`. */
  messageParams?: Record<string, string>;
  /** Id of the entity the error concerns. */
  entityId?: string;
  /** Name of the entity the error concerns. */
  entityName?: string;
  /** The limit that was hit (namespace, key and value), for limit errors. */
  limit?: { namespace: string; key: string; value: number };
}

export type ErrorExtras = Partial<
  Pick<ErrorBody, 'details' | 'entityId' | 'entityName' | 'messageWithParams' | 'messageParams' | 'limit'>
> & {
  headers?: Record<string, string>;
};

/** Thrown anywhere below a handler; the server renders it as an ErrorBody response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(
  status: number,
  code: string,
  message: string,
  contextId: string,
  extras: ErrorExtras = {},
): ErrorBody {
  const { headers: _headers, details, ...rest } = extras;
  return { message, code, status, contextId, details: details ?? [], errors: [], ...rest };
}

/** 400 for one bad field, with `details[].fieldName` naming it the way clients can show it. */
export function invalidValue(fieldName: string, message: string, errorCode = 'invalid.value'): ApiError {
  return new ApiError(400, 'invalid.value', message, {
    details: [{ errorCode, fieldName }],
    messageParams: { field: fieldName },
  });
}

export function badRequest(message: string, details: ErrorDetail[] = []): ApiError {
  return new ApiError(400, 'bad.request', message, { details });
}

export function notFound(entityId?: string, what = 'entity'): ApiError {
  const message = entityId
    ? `The requested ${what} was not found: ${entityId}`
    : 'The requested resource was not found.';
  return new ApiError(
    404,
    'not.found',
    message,
    entityId ? { entityId, details: [{ errorCode: 'not.found', entityId }] } : {},
  );
}
