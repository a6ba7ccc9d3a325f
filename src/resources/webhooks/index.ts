// Topic names and matching for event delivery (client.notifications lives in ../notifications; signed outbound
// webhooks, their verification and EventBridge parsing live in the `genesys-routing-sdk/webhooks` entry).
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
export type { WebSocketConstructor, WebSocketLike } from '../../internal/websocket/types.js';
export type * from '../schemas/notifications.js';
