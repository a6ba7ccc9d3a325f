// Amazon EventBridge delivery (the `amazon-eventbridge-source` integration, Genesys Cloud developer center): the platform wraps each notification in the AWS event
// envelope; `detail` is the same { topicName, version, eventBody, metadata } the WebSocket carries.
import * as z from 'zod/mini';
import { ValidationError } from '../errors/index.js';
import { parseOptions, strictOptions } from '../internal/options.js';
import { EventBridgeEnvelopeSchema } from '../resources/schemas/notifications.js';
import { findNonJson } from '../optimizer/planning/json-value.js';
import { decodeNotification } from '../resources/webhooks/decode.js';
import type { NotificationEvent } from '../resources/webhooks/topics.js';
import { safeParse } from '../internal/parse.js';

const GENESYS_SOURCE_PREFIX = 'aws.partner/genesys.com';
// Built on first use: a handler that only verifies webhooks never builds it.
const OptionsSchema = /* @__PURE__ */ z.lazy(() =>
  strictOptions<ParseEventBridgeOptions>({
    bodyValidation: z.optional(z.enum(['strict', 'off'])),
    allowAnySource: z.optional(z.boolean()),
  }),
);

/** The AWS part of the envelope, next to the typed event. */
export interface EventBridgeInfo {
  /** The EventBridge event id. */
  id: string;
  /** Equals the topic name for Genesys Cloud events. */
  detailType: string;
  /** `aws.partner/genesys.com/cloud/{orgId}/{eventSourceSuffix}`. */
  source: string;
  /** The AWS account id the event was delivered to. */
  account: string;
  /** ISO-8601: when EventBridge received the event. */
  time: string;
  /** The AWS region. */
  region: string;
  /** The AWS resources involved (usually empty). */
  resources: string[];
  /** The EventBridge envelope version (`0`). */
  version: string;
}

/** A notification delivered through EventBridge: the stream's event union plus the envelope. */
export type EventBridgeNotification = NotificationEvent & { eventBridge: EventBridgeInfo };

/** Options of `parseEventBridgeEvent`. */
export interface ParseEventBridgeOptions {
  /**
   * `strict` (default): a payload that does not match its topic's model throws a ValidationError naming the
   * field. `off`: only the envelope is checked; the payload is passed through as received.
   */
  bodyValidation?: 'strict' | 'off' | undefined;
  /** Accept a `source` that is not a Genesys partner source (`aws.partner/genesys.com/...`). Default false. */
  allowAnySource?: boolean | undefined;
}

/**
 * Parses and validates an EventBridge event from a Genesys Cloud partner event source (a Lambda's `event`,
 * an SQS message body, ...). Accepts the JSON string or the parsed object. Returns a promise; a bad event
 * rejects with a ValidationError naming the field.
 *
 * @example
 * export const handler = async (raw: unknown) => {
 *   const event = await parseEventBridgeEvent(raw);
 *   if (event.kind === 'queueMembers') console.log(event.ids.queueId, event.eventBody.joined);
 * };
 */
export async function parseEventBridgeEvent(
  input: string | object,
  options: ParseEventBridgeOptions = {},
): Promise<EventBridgeNotification> {
  const context = 'parseEventBridgeEvent';
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(context, [{ path: 'options', message: 'must be an options object' }]);
  parseOptions(context, OptionsSchema, options);
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new ValidationError(context, [{ path: '', message: 'is not valid JSON' }]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(context, [{ path: '', message: 'must be an EventBridge event object' }]);
  }
  // A parsed object is passed through (unknown fields included): it must be what JSON could have produced.
  const notJson = findNonJson(value, '');
  if (notJson) throw new ValidationError(context, [notJson]);
  const parsed = safeParse(EventBridgeEnvelopeSchema(), value);
  if (!parsed.success) throw ValidationError.fromZod(context, parsed.error);
  const envelope = parsed.data;
  if (!options.allowAnySource && !envelope.source.startsWith(GENESYS_SOURCE_PREFIX)) {
    throw new ValidationError(context, [
      {
        path: 'source',
        message: `must be a Genesys Cloud partner source (${GENESYS_SOURCE_PREFIX}/...), got ${envelope.source}`,
      },
    ]);
  }
  const { event, issue } = decodeNotification(envelope.detail, context, 'detail.eventBody');
  if (issue && options.bodyValidation !== 'off') throw issue;
  return {
    ...event,
    eventBridge: {
      id: envelope.id,
      detailType: envelope['detail-type'],
      source: envelope.source,
      account: envelope.account,
      time: envelope.time,
      region: envelope.region,
      resources: envelope.resources,
      version: envelope.version,
    },
  } as EventBridgeNotification;
}
