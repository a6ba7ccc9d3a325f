// Notification channels and subscriptions (`/api/v2/notifications/channels...`). No permission is needed to create a channel;
// each topic checks its own. Emulator choices where the platform's behaviour is unconfirmed:
//  - POST/PUT .../subscriptions answer with the channel's topics after the change, followed by the rejected
//    topics of this request (state Rejected, not stored).
//  - Without ignoreErrors=true, any rejected topic fails the whole call (nothing is applied): 403
//    missing.permissions when only permissions are missing, else 400 bad.request.
//  - More than 1,000 topics on a channel: 400 bad.request, nothing applied.
import { ApiError, notFound } from '../respond/error-body.js';
import type { RequestContext } from '../respond/context.js';
import { hubFor } from '../notifications/index.js';
import type { ChannelRecord } from '../notifications/hub.js';
import { checkTopic, topicKey, type ChannelTopic } from '../notifications/topics.js';
import type { RouteDef } from '../pipeline/router.js';
import { FieldErrors, asArray } from '../respond/validate.js';

function requireChannel(ctx: RequestContext): ChannelRecord {
  const id = ctx.params['channelId'] ?? '';
  const channel = hubFor(ctx.runtime).get(id, ctx.caller.clientId);
  if (!channel) throw notFound(id, 'channel');
  return channel;
}

function topicsOf(channel: ChannelRecord): ChannelTopic[] {
  return [...channel.topics.values()].map((id) => ({ id, state: 'Permitted' as const }));
}

/** `[{ id: "<topic>" }, ...]` -> topic names (duplicates removed, first spelling kept). */
function requestedTopics(ctx: RequestContext): string[] {
  const items = asArray(ctx.body);
  const errors = new FieldErrors();
  const topics = new Map<string, string>();
  items.forEach((raw, i) => {
    const id = (raw as Record<string, unknown> | null)?.['id'];
    if (typeof id !== 'string' || id.trim() === '')
      errors.add(`[${i}].id`, `[${i}].id is required and must be a topic name`, 'required');
    else if (!topics.has(topicKey(id))) topics.set(topicKey(id), id);
  });
  errors.throwIfAny();
  return [...topics.values()];
}

function changeSubscriptions(ctx: RequestContext, mode: 'add' | 'replace'): void {
  const hub = hubFor(ctx.runtime);
  const channel = requireChannel(ctx);
  const ignoreErrors = ctx.queryBool('ignoreErrors') ?? false;
  const checked = requestedTopics(ctx).map((topic) => checkTopic(topic, ctx.caller.permissions));
  const rejected = checked.filter((t) => t.state === 'Rejected');
  if (rejected.length > 0 && !ignoreErrors) {
    const onlyPermissions = rejected.every((t) => t.missingPermissions !== undefined);
    const missing = [...new Set(rejected.flatMap((t) => t.missingPermissions ?? []))];
    const details = rejected.map((t) => ({
      errorCode: onlyPermissions ? 'missing.permissions' : 'invalid.value',
      fieldName: t.id,
    }));
    if (onlyPermissions) {
      throw new ApiError(
        403,
        'missing.permissions',
        `Unable to subscribe to ${rejected.map((t) => t.id).join(', ')}. Missing permission(s): [${missing.join(', ')}]`,
        {
          details,
          messageParams: { permissions: missing.join(', ') },
        },
      );
    }
    throw new ApiError(
      400,
      'bad.request',
      `Invalid topic(s): ${rejected.map((t) => `${t.id} (${t.rejectionReason ?? 'rejected'})`).join(', ')}`,
      { details },
    );
  }
  const permitted = checked.filter((t) => t.state === 'Permitted').map((t) => t.id);
  const keys = new Set(mode === 'add' ? channel.topics.keys() : []);
  for (const topic of permitted) keys.add(topicKey(topic));
  const max = hub.settings.maxTopicsPerChannel;
  if (keys.size > max) {
    throw new ApiError(
      400,
      'bad.request',
      `A channel may be subscribed to at most ${max} topics (this request would make it ${keys.size})`,
      {
        details: [{ errorCode: 'invalid.value', fieldName: 'body' }],
        messageParams: { limit: String(max) },
      },
    );
  }
  hub.setTopics(channel, permitted, mode);
  ctx.json(200, { entities: [...topicsOf(channel), ...rejected] });
}

export const notificationRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/notifications/channels',
    handle(ctx) {
      const hub = hubFor(ctx.runtime);
      ctx.json(200, hub.view(hub.createChannel(ctx.caller.clientId, ctx.token)));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/notifications/channels',
    handle(ctx) {
      const hub = hubFor(ctx.runtime);
      const scope = ctx.queryEnum('includechannels', ['token', 'oauthclient'] as const, 'token');
      const channels = hub.list(ctx.caller.clientId, scope === 'token' ? ctx.token : undefined);
      ctx.json(200, { entities: channels.map((c) => hub.view(c)) });
    },
  },
  {
    method: 'HEAD',
    path: '/api/v2/notifications/channels/{channelId}',
    handle(ctx) {
      requireChannel(ctx);
      ctx.send(200);
    },
  },
  {
    method: 'GET',
    path: '/api/v2/notifications/channels/{channelId}/subscriptions',
    handle(ctx) {
      ctx.json(200, { entities: topicsOf(requireChannel(ctx)) });
    },
  },
  {
    method: 'POST',
    path: '/api/v2/notifications/channels/{channelId}/subscriptions',
    body: 'json',
    handle: (ctx) => changeSubscriptions(ctx, 'add'),
  },
  {
    method: 'PUT',
    path: '/api/v2/notifications/channels/{channelId}/subscriptions',
    body: 'json',
    handle: (ctx) => changeSubscriptions(ctx, 'replace'),
  },
  {
    method: 'DELETE',
    path: '/api/v2/notifications/channels/{channelId}/subscriptions',
    handle(ctx) {
      hubFor(ctx.runtime).clearTopics(requireChannel(ctx));
      ctx.noContent();
    },
  },
];
