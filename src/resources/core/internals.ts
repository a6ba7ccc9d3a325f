// Internal access to a client's transport, for the SDK's own tests and tools. Not exported by any entry and
// not on the client's type: the transport's shape may change in any release.
import type { Transport } from '../../transport/transport.js';

const transports = new WeakMap<object, Transport>();

/** Called once by the GenesysClient constructor. */
export function registerTransport(client: object, transport: Transport): void {
  transports.set(client, transport);
}

/** The transport behind a GenesysClient (internal). */
export function transportOf(client: object): Transport {
  const transport = transports.get(client);
  if (!transport) throw new TypeError('transportOf: not a GenesysClient');
  return transport;
}
