// client.webhooks and the standalone event-delivery helpers (no client needed): EventBridge parsing and the
// SDK's signed outbound webhooks. Imported statically by the root entry: nothing here loads node:crypto,
// zod or a WebSocket at import time (stream.ts and the WebSocket client are reached by dynamic import).
export { WebhooksApi, type CreateChannelOptions, type ListChannelsOptions, type SubscribeOptions } from './api.js';
export type { NotificationStream, OpenStreamOptions, ReconnectOptions, ReconnectReason, StreamEvents, StreamState } from './stream.js';
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
export { ChannelLimitError, MAX_CHANNELS_PER_CLIENT, MAX_TOPICS_PER_CHANNEL, CHANNEL_LIFETIME_MS } from './limits.js';
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
