// Wires the notification service into a running emulator: one hub per org, the HTTP 'upgrade' hook for
// WebSocket connections, the change publisher, and the test controls exposed as `emu.notifications`.
import type { Server } from 'node:http';
import type { EmulatorRuntime } from '../respond/context.js';
import type { OrgState } from '../state/org.js';
import { NotificationHub, type NotificationSettings } from './hub.js';
import { ChangePublisher } from './publisher.js';

export type { NotificationSettings } from './hub.js';
export { DEFAULT_NOTIFICATION_SETTINGS } from './hub.js';

/** A notification channel the emulator holds: its id, the OAuth client that created it, its topics and expiry. */
export interface NotificationChannelInfo {
  /** Channel id. */
  id: string;
  /** The OAuth client that created it. */
  clientId: string;
  /** The WebSocket URL to connect to. */
  connectUri: string;
  /** When the channel expires, ISO-8601. */
  expires: string;
  /** True while a WebSocket is connected to it. */
  connected: boolean;
  /** Topics subscribed. */
  topics: string[];
}

/** Test controls of the emulator's notification service (`emu.notifications`). */
export interface NotificationsControl {
  /** Changes heartbeat period, channel lifetime and limits at runtime (e.g. short heartbeats in tests). */
  configure(settings: Partial<NotificationSettings>): void;
  /** The settings in force. */
  readonly settings: Readonly<NotificationSettings>;
  /** Sends an event on `topicName` to every connected channel subscribed to it; returns the sockets reached. */
  publish(topicName: string, eventBody: unknown): number;
  /** Sends a heartbeat now on every connected socket. */
  heartbeat(): number;
  /** Drops every WebSocket without a close frame (network failure); channels and subscriptions survive. */
  dropConnections(): number;
  /** Sends `v2.system.socket_closing` on every socket, then closes them after `closeAfterMs` (default 60 s). */
  sendSocketClosing(options?: { closeAfterMs?: number }): number;
  /** Removes a channel as if it expired or was evicted (HEAD then answers 404). */
  removeChannel(channelId: string): boolean;
  /** Live channels of every client. */
  channels(): NotificationChannelInfo[];
  /** Open WebSocket connections. */
  connectionCount(): number;
}

const hubs = new WeakMap<OrgState, NotificationHub>();

/** The org's notification hub (created on first use; handlers reach it through the request's org). */
export function hubFor(runtime: Pick<EmulatorRuntime, 'state' | 'baseUrl'>): NotificationHub {
  let hub = hubs.get(runtime.state);
  if (!hub) {
    hub = new NotificationHub(runtime.state, () => runtime.baseUrl.replace(/^http/, 'ws'));
    hubs.set(runtime.state, hub);
    new ChangePublisher(runtime.state, hub);
  }
  return hub;
}

/** Hooks WebSocket upgrades of `server` into the org's hub and returns the controls and a close function. */
export function attachNotifications(
  server: Server,
  runtime: EmulatorRuntime,
): { control: NotificationsControl; close(): void } {
  const hub = hubFor(runtime);
  server.on('upgrade', (req, socket, head: Buffer) => hub.handleUpgrade(req, socket, head));
  const control: NotificationsControl = {
    configure: (settings) => hub.configure(validSettings(settings)),
    get settings() {
      return { ...hub.settings };
    },
    publish: (topicName, eventBody) => hub.publish(topicName, eventBody),
    heartbeat: () => hub.heartbeat(),
    dropConnections: () => hub.dropConnections(),
    sendSocketClosing: (options = {}) => hub.sendSocketClosing(options.closeAfterMs),
    removeChannel: (channelId) => hub.remove(channelId),
    channels: () =>
      hub.all().map((c) => ({
        ...hub.view(c),
        clientId: c.clientId,
        connected: c.socket?.isOpen ?? false,
        topics: [...c.topics.values()],
      })),
    connectionCount: () => hub.connectionCount(),
  };
  return { control, close: () => hub.close() };
}

function validSettings(settings: Partial<NotificationSettings>): Partial<NotificationSettings> {
  const positive = (name: keyof NotificationSettings, value: unknown, min: number) => {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min)) {
      throw new Error(`notifications.configure: "${name}" must be a number >= ${min} (got ${String(value)})`);
    }
  };
  for (const key of Object.keys(settings)) {
    if (
      ![
        'heartbeatIntervalMs',
        'channelLifetimeMs',
        'maxChannelsPerClient',
        'maxTopicsPerChannel',
        'fragmentSize',
      ].includes(key)
    ) {
      throw new Error(`notifications.configure: unknown setting "${key}"`);
    }
  }
  positive('heartbeatIntervalMs', settings.heartbeatIntervalMs, 1);
  positive('channelLifetimeMs', settings.channelLifetimeMs, 1);
  positive('maxChannelsPerClient', settings.maxChannelsPerClient, 1);
  positive('maxTopicsPerChannel', settings.maxTopicsPerChannel, 1);
  positive('fragmentSize', settings.fragmentSize, 1);
  return settings;
}
