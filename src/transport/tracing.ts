// Tracing hooks (`onRequest` / `onResponse` client options): one call per HTTP attempt, with what a tracer
// needs to open and close a span (operation, method, path template, attempt, status, duration, correlation
// id) and the same values as OpenTelemetry attribute names. Built on the client's `request`/`response`
// events, so hooks see exactly what the events see: redacted URLs, never a token, secret or body.
import type { RequestEvent, ResponseEvent } from '../client/events.js';

/** What `onRequest` gets: one HTTP attempt about to be sent. */
export interface TraceRequest {
  /** Operation name, e.g. `routing.queues.list` (`raw.GET /api/v2/...` for `client.request`). Use it as the span name. */
  operation: string;
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Path template, e.g. `/api/v2/routing/queues/{queueId}`: low-cardinality, safe as a span attribute. */
  pathTemplate: string;
  /** The URL sent, with secrets in query strings redacted. */
  url: string;
  /** 1 for the first attempt; retries count up. */
  attempt: number;
  /** The same values under OpenTelemetry semantic-convention names (`http.request.method`, `url.template`, ...). */
  attributes: Record<string, string | number>;
}

/** What `onResponse` gets: one HTTP attempt that got a response (any status, 4xx and 5xx included). */
export interface TraceResponse extends TraceRequest {
  /** HTTP status code of the response. */
  status: number;
  /** Milliseconds from sending the attempt to its response. */
  durationMs: number;
  /** `ININ-Correlation-Id` of the response (quote it to Genesys support). */
  correlationId: string | undefined;
}

/** The tracing options of `ClientOptions`. Hooks run synchronously; an error a hook throws is ignored. */
export interface TracingOptions {
  /** Called before each HTTP attempt is sent (retries included): operation, method, path template, URL, attempt. */
  onRequest?: ((request: TraceRequest) => void) | undefined;
  /** Called when an HTTP attempt got a response: status, duration, attempt and correlation id. */
  onResponse?: ((response: TraceResponse) => void) | undefined;
}

/** The emitter side the hooks attach to (the client's typed events). */
interface EventSource {
  on(event: 'request', listener: (e: RequestEvent) => void): unknown;
  on(event: 'response', listener: (e: ResponseEvent) => void): unknown;
}

function requestInfo(e: RequestEvent): TraceRequest {
  const pathTemplate = e.path ?? new URL(e.url).pathname;
  return {
    operation: e.operation,
    method: e.method,
    pathTemplate,
    url: e.url,
    attempt: e.attempt,
    attributes: {
      'http.request.method': e.method,
      'url.template': pathTemplate,
      'url.full': e.url,
      'http.request.resend_count': e.attempt - 1,
      'genesys.operation': e.operation,
    },
  };
}

/** A hook's failure must never fail or slow the request it observes. */
function safely<T>(hook: ((value: T) => void) | undefined, value: () => T): void {
  if (!hook) return;
  try {
    const result: unknown = hook(value());
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // ignored on purpose (see above)
  }
}

/** Attaches the hooks of `options` to the client's events; does nothing when neither is given. */
export function attachTracing(events: EventSource, options: TracingOptions): void {
  const { onRequest, onResponse } = options;
  if (onRequest) events.on('request', (e) => safely(onRequest, () => requestInfo(e)));
  if (onResponse) {
    events.on('response', (e) =>
      safely(onResponse, () => {
        const base = requestInfo(e);
        const attributes = {
          ...base.attributes,
          'http.response.status_code': e.status,
          ...(e.correlationId ? { 'genesys.correlation_id': e.correlationId } : {}),
        };
        return { ...base, attributes, status: e.status, durationMs: e.durationMs, correlationId: e.correlationId };
      }),
    );
  }
}
