// ErrorBody (the official SDK purecloud-platform-client-v2 model) and the exception handlers throw to produce one.

/** One detail of an error answer (the platform's `ErrorBody.details`): a code and the field or entity it concerns. */
export interface ErrorDetail {
  errorCode: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

/**
 * The JSON body of an error answer, as the platform sends it (`ErrorBody` in the official SDK): message, code, status,
 * details.
 */
export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: ErrorDetail[];
  errors: ErrorBody[];
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  entityId?: string;
  entityName?: string;
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
