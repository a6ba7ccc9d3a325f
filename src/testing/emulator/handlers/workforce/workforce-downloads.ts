// The platform's download service: large WFM results come as a `downloadUrl` (a pre-signed URL on another host,
// fetched without the API token) instead of an inline `result`. The emulator serves them under /downloads/wfm
// on its own origin, without auth and outside /api/v2 (so API rate limits and default faults do not apply).
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../respond/context.js';
import { notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';

const KEEP = 100;

export function publishDownload(ctx: RequestContext, body: unknown): string {
  const token = randomUUID();
  const store = ctx.state.downloads;
  store.set(token, body);
  while (store.size > KEEP) store.delete(store.keys().next().value as string);
  return `${ctx.runtime.baseUrl}/downloads/wfm/${token}?X-Amz-Signature=emulated`;
}

export const workforceDownloadRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/downloads/wfm/{token}',
    public: true,
    handle(ctx) {
      const body = ctx.state.downloads.get(ctx.params['token'] ?? '');
      if (body === undefined) throw notFound(ctx.params['token'], 'download');
      ctx.json(200, body);
    },
  },
];
