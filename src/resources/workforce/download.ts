// Large WFM results come as a `downloadUrl` (the platform's download service: a pre-signed URL on another
// host) instead of an inline `result`. It is fetched without the API token (the URL carries its own
// signature, and a token must never leave the API origin), with the caller's signal and a timeout.
import { GenesysApiError, GenesysError } from '../../errors/index.js';
import { createHttpSender } from '../../transport/http.js';
import type { CallOptions } from '../../transport/operation.js';

const DEFAULT_TIMEOUT_MS = 60_000;

/** Reads a download-service URL as JSON; `operation` names the call in errors. */
export async function fetchDownload(url: string, operation: string, options: CallOptions = {}): Promise<unknown> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GenesysError(`${operation}: the platform returned an invalid downloadUrl`, { operation });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new GenesysError(`${operation}: downloadUrl is not an http(s) URL`, { operation });
  // The signature is in the query: keep it out of errors and logs.
  const safeUrl = `${parsed.origin}${parsed.pathname}`;
  const send = createHttpSender();
  const res = await send({
    url,
    method: 'GET',
    headers: { Accept: 'application/json' },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
    operation,
    safeUrl,
  });
  if (res.status < 200 || res.status >= 300)
    throw GenesysApiError.fromResponse({ status: res.status, body: res.data, operation, method: 'GET', url: safeUrl });
  return res.data;
}
