// The SDK's error tree, by family: the base and its brand, HTTP answers, no usable answer, validation, workflows.
// Every class keeps a stable `errorName` and an `is*` guard that works across two loaded copies of the package.
export { GenesysError, isGenesysError, type GenesysErrorOptions } from './base.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GenesysApiError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isGenesysApiError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isServerError,
  type GenesysApiErrorOptions,
  type GenesysErrorBody,
  type GenesysErrorDetail,
} from './api.js';
export {
  ConnectionError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
  isConnectionError,
  isRequestAbortedError,
  isResponseTooLargeError,
  isTimeoutError,
} from './network.js';
export {
  UnexpectedResponseError,
  ValidationError,
  formatPath,
  isUnexpectedResponseError,
  isValidationError,
  type IssueList,
  type ValidationIssue,
  type ZodIssueLike,
} from './validation.js';
export {
  JournalUnavailableError,
  LeaseLostError,
  PlanLockedError,
  SkillLimitError,
  SolverUnavailableError,
  isJournalUnavailableError,
  isLeaseLostError,
  isPlanLockedError,
  isSkillLimitError,
  isSolverUnavailableError,
} from './workflow.js';
