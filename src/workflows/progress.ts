// The one progress channel of workflows: each step calls the workflow's own `onProgress` callback (with its
// detailed snapshot) and emits the client's `progress` event (the common shape every listener understands).
import type { ProgressEvent } from '../client/events.js';
import type { ClientCore } from '../resources/core/client-core.js';

export function reportProgress<D>(
  client: Pick<ClientCore, 'emit'>,
  event: ProgressEvent,
  onProgress?: (detail: D) => void,
  detail?: D,
): void {
  if (onProgress) onProgress(detail as D);
  client.emit('progress', event);
}
