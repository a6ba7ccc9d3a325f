// The standalone event-delivery helpers (no client needed): topic names, EventBridge parsing and the SDK's
// signed outbound webhooks (client.notifications lives in ../notifications). Imported statically by the root
// entry: nothing here loads node:crypto or zod at import time.
export {
  topics,
  matchTopic,
  type ConversationDetailEventType,
  type NotificationEvent,
  type NotificationKind,
  type NotificationKinds,
  type NotificationMetadata,
  type QueueConversationMedia,
  type TopicEvent,
  type TopicKind,
} from './topics.js';
export { parseEventBridgeEvent, type EventBridgeInfo, type EventBridgeNotification, type ParseEventBridgeOptions } from './eventbridge.js';
export { sendWebhook, type SendWebhookOptions, type SendWebhookResult } from './send.js';
export {
  verifyWebhook,
  MemoryReplayStore,
  type HeadersLike,
  type ReplayStore,
  type VerifyWebhookOptions,
  type VerifyWebhookResult,
  type WebhookFailureReason,
} from './verify.js';
export { createWebhookHandler, type WebhookDelivery, type WebhookHandler, type WebhookHandlerOptions, type WebhookRequest, type WebhookResponse } from './handler.js';
export { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER } from './signing.js';
export { WebhookDeliveryError, isWebhookDeliveryError } from './errors.js';
export type { WebSocketConstructor, WebSocketLike } from '../../internal/websocket/types.js';
export type * from '../schemas/notifications.js';
