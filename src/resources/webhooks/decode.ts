// Raw notification message -> typed NotificationEvent. Shared by the stream and the EventBridge parser.
import { ValidationError } from '../../errors/index.js';
import type { NotificationMessage } from '../schemas/notifications.js';
import { matchTopic, schemaForKind, type NotificationEvent, type NotificationMetadata } from './topics.js';
import { safeParse } from '../../internal/parse.js';

/** Heartbeats and socket notices: handled by the stream, never delivered as events. */
export const HEARTBEAT_TOPIC = 'channel.metadata';
export const SOCKET_CLOSING_TOPIC = 'v2.system.socket_closing';

export interface DecodedEvent {
  event: NotificationEvent;
  /** Set when the payload did not match its kind's schema (the event still carries the raw body). */
  issue: ValidationError | undefined;
}

/** Types the message by its topic and checks the payload against the kind's loose schema. */
export function decodeNotification(
  message: NotificationMessage,
  context: string,
  pathPrefix = 'eventBody',
): DecodedEvent {
  const { kind, ids } = matchTopic(message.topicName);
  const schema = schemaForKind(kind);
  let eventBody: unknown = message.eventBody;
  let issue: ValidationError | undefined;
  if (schema) {
    const parsed = safeParse(schema, message.eventBody);
    if (parsed.success) eventBody = parsed.data;
    else
      issue = ValidationError.fromZod(
        `${context}: ${message.topicName} payload does not match the ${kind} model`,
        parsed.error,
        pathPrefix,
      );
  }
  const metadata = (
    typeof message.metadata === 'object' && message.metadata !== null ? message.metadata : {}
  ) as NotificationMetadata;
  const event = {
    kind,
    topicName: message.topicName,
    ids,
    eventBody,
    metadata,
    version: message.version === undefined ? undefined : String(message.version),
  } as NotificationEvent;
  return { event, issue };
}
