// Outbound signed webhooks (e.g. to a WFM system): JSON POST signed with the SDK's v2 scheme (signing.ts),
// retried with jittered backoff on network errors, timeouts, 429 and 5xx (Retry-After honoured). The delivery
// id stays the same across retries so the receiver can de-duplicate; timestamp and signature are fresh per attempt.
import { ConnectionError, RequestAbortedError, TimeoutError, ValidationError } from '../errors/index.js';
import { attemptSignal } from '../internal/attempt-signal.js';
import { sleep } from '../internal/sleep.js';
import { backoffDelay, parseRetryAfter } from '../transport/retry.js';
import { WebhookDeliveryError } from './errors.js';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  checkDeliveryId,
  loadCrypto,
  secretList,
  signatureHeader,
} from './signing.js';
import { keysOf, rejectUnknownKeys } from '../internal/unknown-keys.js';

/** Options of `sendWebhook`. */
export interface SendWebhookOptions {
  /** Signing secret; several while rotating (the receiver accepts any). */
  secret: string | readonly string[];
  /** Per-attempt timeout. Default 10,000 ms. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number | undefined;
  /** Aborts the delivery: the attempt in flight and any backoff wait; throws `RequestAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers (the signature, timestamp, delivery and content-type headers cannot be overridden). */
  headers?: Record<string, string> | undefined;
  /** A fetch implementation. Default: global fetch. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Backoff: step = min(maxMs, baseMs * 2^(n-1)), wait uniform in [step/2, step]. Default 500 / 30,000. */
  retryBackoff?: { baseMs?: number; maxMs?: number } | undefined;
  /** A longer Retry-After is not waited out: the call fails. Default 60,000 ms. */
  maxRetryAfterMs?: number | undefined;
  /**
   * Delivery id (signed, so receivers can de-duplicate safely): 1-128 letters, digits, `_` or `-`. Default a
   * random UUID. Reuse it to re-send the same logical delivery later.
   */
  deliveryId?: string | undefined;
}

const SEND_KEYS = keysOf<SendWebhookOptions>({
  secret: true,
  timeoutMs: true,
  maxRetries: true,
  signal: true,
  headers: true,
  fetch: true,
  retryBackoff: true,
  maxRetryAfterMs: true,
  deliveryId: true,
});

/** What `sendWebhook` resolves to once the receiver answered 2xx. */
export interface SendWebhookResult {
  /** Final (2xx) status. */
  status: number;
  /** Attempts made, the first included. */
  attempts: number;
  /** The signed delivery id. */
  deliveryId: string;
}

function checkOptions(url: unknown, options: SendWebhookOptions): { url: URL; secrets: string[] } {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError('sendWebhook', [
      { path: 'options', message: 'expected an options object with a secret' },
    ]);
  const issues: Array<{ path: string; message: string }> = [];
  let parsed: URL | undefined;
  try {
    parsed = new URL(String(url));
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      issues.push({ path: 'url', message: 'must be an http(s) URL' });
  } catch {
    issues.push({ path: 'url', message: 'must be an absolute URL' });
  }
  const int = (name: string, v: unknown, min: number) => {
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min))
      issues.push({ path: name, message: `must be an integer >= ${min}` });
  };
  int('timeoutMs', options.timeoutMs, 1);
  int('maxRetries', options.maxRetries, 0);
  int('maxRetryAfterMs', options.maxRetryAfterMs, 0);
  int('retryBackoff.baseMs', options.retryBackoff?.baseMs, 0);
  int('retryBackoff.maxMs', options.retryBackoff?.maxMs, 0);
  if (options.deliveryId !== undefined) {
    try {
      checkDeliveryId('sendWebhook', 'deliveryId', options.deliveryId);
    } catch (error) {
      issues.push(...(error as ValidationError).issues);
    }
  }
  if (issues.length > 0) throw new ValidationError('sendWebhook', issues);
  return { url: parsed as URL, secrets: secretList('sendWebhook', options.secret) };
}

/**
 * POSTs `payload` as JSON with `x-genesys-routing-signature` (v2: over the delivery id, the timestamp and the
 * body), `-timestamp` and `-delivery` headers, retrying
 * transient failures. Resolves on a 2xx; throws WebhookDeliveryError otherwise. Redirects are not followed
 * (a signed payload is never forwarded to another host).
 *
 * @example
 * const { deliveryId } = await sendWebhook('https://wfm.example.com/hooks/routing', { type: 'plan.applied', planId }, {
 *   secret: process.env.WFM_WEBHOOK_SECRET!,
 * });
 */
export async function sendWebhook(
  url: string | URL,
  payload: unknown,
  options: SendWebhookOptions,
): Promise<SendWebhookResult> {
  if (typeof options === 'object' && options !== null) rejectUnknownKeys('sendWebhook', options, SEND_KEYS, 'options');
  const { url: target, secrets } = checkOptions(url, options);
  const body = jsonBody(payload);
  const bytes = Buffer.from(body, 'utf8');
  const crypto = await loadCrypto();
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const deliveryId = options.deliveryId ?? crypto.randomUUID();
  const maxRetries = options.maxRetries ?? 3;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { baseMs = 500, maxMs = 30_000 } = options.retryBackoff ?? {};
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const where = { operation: 'sendWebhook', method: 'POST', url: `${target.origin}${target.pathname}` };

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted)
      throw new RequestAbortedError('sendWebhook: aborted by the caller', { ...where, cause: options.signal.reason });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'user-agent': 'genesys-routing-sdk-webhooks',
      ...options.headers,
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signatureHeader(crypto, secrets, deliveryId, timestamp, bytes),
      [TIMESTAMP_HEADER]: String(timestamp),
      [DELIVERY_HEADER]: deliveryId,
    };
    let status: number | undefined;
    let retryAfterMs: number | undefined;
    let failure: Error;
    try {
      const res = await attemptOnce(fetchImpl, target, headers, body, timeoutMs, options.signal);
      status = res.status;
      if (status >= 200 && status < 300) return { status, attempts: attempt, deliveryId };
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      failure = new WebhookDeliveryError(`sendWebhook: receiver answered HTTP ${status}`, {
        ...where,
        status,
        attempts: attempt,
        deliveryId,
      });
      if (status !== 429 && status < 500) throw failure;
    } catch (error) {
      if (error instanceof WebhookDeliveryError) throw error;
      if (options.signal?.aborted)
        throw new RequestAbortedError('sendWebhook: aborted by the caller', { ...where, cause: options.signal.reason });
      failure = error as Error;
    }
    if (attempt > maxRetries) {
      throw new WebhookDeliveryError(`sendWebhook: gave up after ${attempt} attempt(s): ${failure.message}`, {
        ...where,
        status,
        attempts: attempt,
        deliveryId,
        cause: failure,
      });
    }
    if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
      throw new WebhookDeliveryError(`sendWebhook: Retry-After ${retryAfterMs} ms exceeds maxRetryAfterMs`, {
        ...where,
        status,
        attempts: attempt,
        deliveryId,
        cause: failure,
      });
    }
    try {
      await sleep(Math.max(backoffDelay(attempt, baseMs, maxMs), retryAfterMs ?? 0), options.signal);
    } catch (reason) {
      throw new RequestAbortedError('sendWebhook: aborted by the caller', { ...where, cause: reason });
    }
  }
}

/** The payload as JSON; a ValidationError naming `payload` when it has none (a bigint, a cycle, undefined). */
function jsonBody(payload: unknown): string {
  let body: string | undefined;
  try {
    body = JSON.stringify(payload);
  } catch (error) {
    // A bigint or a cycle: JSON.stringify throws a TypeError.
    throw new ValidationError('sendWebhook', [
      { path: 'payload', message: `must be JSON-serializable (${(error as Error).message})` },
    ]);
  }
  if (body === undefined)
    throw new ValidationError('sendWebhook', [{ path: 'payload', message: 'must be JSON-serializable' }]);
  return body;
}

/** One POST with its own timeout; never throws for a status. Network errors -> ConnectionError / TimeoutError. */
async function attemptOnce(
  fetchImpl: typeof globalThis.fetch,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const attemptAbort = attemptSignal(timeoutMs, signal);
  const where = { operation: 'sendWebhook', method: 'POST', url: `${url.origin}${url.pathname}` };
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      signal: attemptAbort.signal,
      redirect: 'manual',
    });
    // Drain the body so the connection can be reused; its content is not needed.
    await res.arrayBuffer().catch(() => undefined);
    return res;
  } catch (error) {
    if (attemptAbort.timedOut())
      throw new TimeoutError(`sendWebhook: no response from ${url.host} within ${timeoutMs} ms`, {
        ...where,
        timeoutMs,
        cause: error,
      });
    throw new ConnectionError(
      `sendWebhook: connection to ${url.host} failed (${(error as Error)?.message ?? String(error)})`,
      { ...where, cause: error },
    );
  } finally {
    attemptAbort.dispose();
  }
}
