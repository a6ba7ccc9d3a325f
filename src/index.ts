// genesys-routing-sdk: the client, its resources, typed errors and guards, the Paginator, the platform LIMITS and
// the public types; what a program that calls the API needs, and nothing more. The resources' names are listed in
// resources/index.ts, the rest here, each once; etc/ (the API report) locks the surface. The workflows (plan,
// apply, audit, export, weights, autopilot) are in `genesys-routing-sdk/workflows`, the HTML report in `/report`,
// pure math in `/optimizer`, the emulator in `/testing`, signed webhooks and EventBridge parsing in `/webhooks`,
// shared state through Redis in `/redis`.
export { LIMITS, type Limits } from './limits.js';
export { WebhookDeliveryError, isWebhookDeliveryError, type WebhookDeliveryErrorOptions } from './webhooks/errors.js';
export { GenesysClient, type RawRequest } from './client/client.js';
export type { ClientOptions, ValidationMode } from './client/config.js';
export type { Clock } from './internal/clock.js';
export type { IssueList, ZodIssueLike } from './errors/index.js';
export type { PageSource, PageResult, PaginatorOptions } from './transport/paging/paginator.js';
export type { RequestInput, SchemaLike } from './transport/operation.js';
export type { TokenLockRelease } from './transport/auth/token-store.js';
export type {
  WebSocketEventMapLike,
  WebSocketMessageEventLike,
  WebSocketCloseEventLike,
} from './internal/websocket/types.js';
export type { SendWebhookOptions, SendWebhookResult } from './webhooks/send.js';
export { REGIONS, regionBaseUrls, type Region, type RegionName, type RegionDomain } from './client/regions.js';
export { Paginator, type Page, type ToArrayOptions } from './transport/paging/paginator.js';
export type { ListOptions } from './transport/paging/paging-strategies.js';
export type { CallOptions, HttpMethod, QueryValue } from './transport/operation.js';
export type { TransportResponse } from './transport/transport.js';
export type { TraceRequest, TraceResponse, TracingOptions } from './transport/tracing.js';
export { MemoryTokenStore, type TokenStore, type StoredToken } from './transport/auth/token-store.js';
export type { Logger } from './transport/redaction/log.js';
export type { SharedQuota, QuotaGate, QuotaContext, QuotaTicket } from './transport/rate-limit/quota.js';
export {
  type GenesysErrorOptions,
  GenesysError,
  type GenesysErrorDetail,
  type GenesysErrorBody,
  type GenesysApiErrorOptions,
  GenesysApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  ResponseTooLargeError,
  RequestAbortedError,
  type ValidationIssue,
  ValidationError,
  isGenesysError,
  isGenesysApiError,
  isBadRequestError,
  isAuthenticationError,
  isPermissionDeniedError,
  isNotFoundError,
  isConflictError,
  isRateLimitError,
  isServerError,
  isConnectionError,
  isTimeoutError,
  isRequestAbortedError,
  isResponseTooLargeError,
  isValidationError,
  PlanLockedError,
  isPlanLockedError,
  SkillLimitError,
  isSkillLimitError,
  SolverUnavailableError,
  isSolverUnavailableError,
  LeaseLostError,
  isLeaseLostError,
  JournalUnavailableError,
  isJournalUnavailableError,
  UnexpectedResponseError,
  isUnexpectedResponseError,
} from './errors/index.js';
export {
  type RateLimitInfo,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  type RateLimitedEvent,
  type TokenRefreshedEvent,
  type ValidationIssueEvent,
  type SharedStateEvent,
  type ProgressEvent,
  type ClientEvents,
  type ClientEventName,
} from './client/events.js';
export * from './resources/index.js';
