// The optimizer's progress as MCP progress notifications, for a client that asked for them (a progress token in
// the request): the search's work done against its budget, and the step in words.
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { OptimizeProgress } from '../../optimizer/routing/types.js';

/**
 * A progress callback that notifies the client, or undefined when the request carries no progress token. The
 * protocol wants each notification's progress above the last one's, so only work done beyond it is sent, up to
 * the budget.
 */
export function progressNotifier(
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
): ((progress: OptimizeProgress) => void) | undefined {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let last = -Infinity;
  return (p) => {
    // The search's last evaluation may take its work a little past the budget: a client shows at most all of it.
    const progress = Math.min(p.work.used, p.work.budget);
    if (!(progress > last)) return;
    last = progress;
    const message = `${p.phase}: ${p.changes} changes, ${p.queuesBelowTarget} queue(s) below target`;
    const params = { progressToken, progress, total: p.work.budget, message };
    // A client gone away is the request's cancellation's business, not the optimizer's.
    extra.sendNotification({ method: 'notifications/progress', params }).catch(() => undefined);
  };
}
