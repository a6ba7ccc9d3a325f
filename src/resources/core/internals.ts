// Internal access to a client's transport, for the SDK's own tests and tools. Not exported by any entry:
// the transport's shape may change in any release.
import type { Transport } from '../../transport/transport.js';

export const TRANSPORT: unique symbol = Symbol('genesys-routing-sdk.transport');

export interface HasTransport {
  readonly [TRANSPORT]: Transport;
}

/** The transport behind a GenesysClient (internal). */
export function transportOf(client: HasTransport): Transport {
  return client[TRANSPORT];
}
