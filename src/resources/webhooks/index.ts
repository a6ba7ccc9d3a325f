// client.webhooks: notification channels, topics and streams. Signed outbound webhooks, their verification
// and EventBridge parsing live in the `genesys-routing-sdk/webhooks` entry (src/webhooks/). Nothing here loads
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
export type { WebSocketConstructor, WebSocketLike } from '../../internal/websocket/types.js';
export type * from '../schemas/notifications.js';
