// Key checks of the client's raw calls (`client.request`, `client.paginate`): a misspelled `qurey` would send the
// call without its query, a misspelled `signl` would leave it unstoppable. Keys only; the transport checks values.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { checkedElsewhere, parseOptions, strictOptions } from '../../internal/options.js';
import type { CallOptions } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { ClientRequest, PagingStyle } from './client-core.js';

// Built on first use, as the resources' schemas are: a client that never makes a raw call never builds them.
const RequestKeys = /* @__PURE__ */ lazySchema(() =>
  strictOptions<ClientRequest>({
    method: true,
    path: true,
    id: true,
    idempotent: true,
    schema: true,
    params: true,
    query: true,
    body: true,
    url: true,
  }),
);
const CallKeys = /* @__PURE__ */ lazySchema(() =>
  strictOptions<CallOptions>({ signal: true, timeoutMs: true, maxRetries: true, validation: true }),
);
const ListKeys = /* @__PURE__ */ lazySchema(() =>
  strictOptions<ListOptions>({ signal: true, timeoutMs: true, maxRetries: true, validation: true, pageSize: true }),
);
const PagingKeys = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('style', [
    z.strictObject({ style: z.literal('pageNumber'), itemsKey: checkedElsewhere() }),
    z.strictObject({
      style: z.literal('body'),
      itemsKey: checkedElsewhere(),
      placement: checkedElsewhere(),
      totalKey: checkedElsewhere(),
    }),
    z.strictObject({ style: z.literal('cursor'), itemsKey: checkedElsewhere() }),
    z.strictObject({ style: z.literal('after') }),
  ]),
);

/** Throws a ValidationError naming an unknown key of a raw call's request or options (`request.qurey`). */
export function checkRawCall(req: ClientRequest, options: CallOptions | undefined): void {
  parseOptions('client.request', RequestKeys(), req, 'request');
  parseOptions('client.request', CallKeys(), options);
}

/** The same for a raw listing, with its paging style (`paging.itemKey`). */
export function checkRawListing(req: ClientRequest, paging: PagingStyle, options: ListOptions | undefined): void {
  parseOptions('client.paginate', RequestKeys(), req, 'request');
  parseOptions('client.paginate', PagingKeys(), paging, 'paging');
  parseOptions('client.paginate', ListKeys(), options);
}
