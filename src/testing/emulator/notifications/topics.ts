// The topics the emulator accepts (routing-relevant topics of the official SDK purecloud-platform-client-v2's notification mapping),
// with the permissions it requires for each. The real requirements come from
// GET /api/v2/notifications/availabletopics?expand=requiresPermissions; these are the emulator's choice.
import { hasPermission } from '../pipeline/permissions.js';

interface TopicDef {
  pattern: RegExp;
  /** Any one of these is enough; none = no permission needed. */
  anyOf: string[];
}

const ID = '[^.\\s{}]+';
const QUEUE_MEDIA =
  '(?:\\.(?:calls|callbacks|chats|cobrowsesessions|emails|messages|screenshares|socialexpressions|videos))?';
const DETAIL_EVENTS =
  '(?:wrapup|acd\\.start|acd\\.end|acw|customer\\.start|customer\\.end|user\\.start|user\\.end|outbound|flow\\.start|flow\\.end)';

function def(source: string, anyOf: string[] = []): TopicDef {
  return { pattern: new RegExp(`^${source}$`, 'i'), anyOf };
}

const TOPICS: readonly TopicDef[] = [
  def(`v2\\.routing\\.queues\\.${ID}\\.users`, ['routing:queue:view', 'routing:queueMember:manage']),
  def(`v2\\.routing\\.queues\\.${ID}\\.conversations${QUEUE_MEDIA}`, ['routing:queue:view']),
  def(`v2\\.users\\.${ID}\\.(?:routingStatus|activity|presence|conversationsummary)`),
  def(`v2\\.analytics\\.queues\\.${ID}\\.(?:observations|activity)`, ['analytics:queueObservation:view']),
  def(`v2\\.analytics\\.users\\.${ID}\\.aggregates`, ['analytics:userAggregate:view']),
  def(`v2\\.analytics\\.wrapup\\.${ID}\\.aggregates`, ['analytics:conversationAggregate:view']),
  def(`v2\\.detail\\.events\\.conversation\\.${ID}\\.${DETAIL_EVENTS}`, ['analytics:conversationDetail:view']),
  def(`v2\\.audits\\.entitytype\\.${ID}\\.entityid\\.${ID}`, ['audits:audit:view']),
  def('v2\\.analytics\\.conversations\\.details\\.jobs\\.availability', ['analytics:conversationDetail:view']),
];

/** The platform's ChannelTopic. */
export interface ChannelTopic {
  id: string;
  state: 'Permitted' | 'Rejected';
  rejectionReason?: string;
  missingPermissions?: string[];
}

/** Checks one requested topic against the catalogue and the caller's permissions. */
export function checkTopic(topic: string, granted: readonly string[]): ChannelTopic {
  const found = TOPICS.find((t) => t.pattern.test(topic));
  if (!found)
    return { id: topic, state: 'Rejected', rejectionReason: `Topic ${topic} is not a valid notification topic` };
  if (found.anyOf.length > 0 && !found.anyOf.some((p) => hasPermission(granted, p))) {
    return {
      id: topic,
      state: 'Rejected',
      rejectionReason: 'Missing permissions for topic',
      missingPermissions: found.anyOf,
    };
  }
  return { id: topic, state: 'Permitted' };
}

/** Topic names are matched case-insensitively (subscriptions keep the caller's spelling). */
export function topicKey(topic: string): string {
  return topic.toLowerCase();
}
