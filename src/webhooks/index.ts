// Public entry `genesys-routing-sdk/webhooks`: event delivery that needs no client. Signed outbound webhooks
// (send, sign), their verification and a ready-made HTTP handler, and parsing of Genesys Cloud events
// delivered through Amazon EventBridge. node:crypto is loaded on first use, not at import.
export { sendWebhook, type SendWebhookOptions, type SendWebhookResult } from './send.js';
export { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER } from './signing.js';
export {
  verifyWebhook,
  MemoryReplayStore,
  type HeadersLike,
  type LegacyReplayStore,
  type ReplayStore,
  type VerifyWebhookOptions,
  type VerifyWebhookResult,
  type WebhookFailureReason,
} from './verify.js';
export {
  createWebhookHandler,
  type WebhookDelivery,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookRequest,
  type WebhookResponse,
} from './handler.js';
export {
  parseEventBridgeEvent,
  type EventBridgeInfo,
  type EventBridgeNotification,
  type ParseEventBridgeOptions,
} from './eventbridge.js';
export { WebhookDeliveryError, isWebhookDeliveryError, type WebhookDeliveryErrorOptions } from './errors.js';
export {
  GenesysError,
  type GenesysErrorOptions,
  type IssueList,
  type ZodIssueLike,
  ValidationError,
  isValidationError,
  type ValidationIssue,
} from '../errors/index.js';
export type {
  NotificationEvent,
  NotificationKind,
  NotificationKinds,
  NotificationMetadata,
} from '../resources/webhooks/topics.js';
export type {
  QueueMemberNotification,
  QueueConversationNotification,
  UserRoutingStatusNotification,
  UserActivityNotification,
  UserPresenceNotification,
  UserConversationSummaryNotification,
  StatsNotification,
  DetailEventNotification,
  AuditNotification,
  DataAvailabilityNotification,
} from '../resources/schemas/notifications.js';
