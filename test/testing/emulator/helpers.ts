// Shared helpers of the emulator tests: plain fetch against the real server.
import type { Emulator } from '../../../src/testing/index.js';

export async function getToken(
  emu: Emulator,
  clientId = emu.clientId,
  clientSecret = emu.clientSecret,
): Promise<string> {
  const res = await fetch(emu.url('/oauth/token'), {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the API with a bearer token; JSON bodies are sent with application/json. */
export async function api<T = Record<string, unknown>>(
  emu: Emulator,
  token: string | undefined,
  path: string,
  init: { method?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(path.startsWith('http') ? path : emu.url(path), {
    method: init.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface Listing<T = Record<string, unknown>> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total?: number;
  pageCount?: number;
  firstUri?: string;
  selfUri?: string;
  nextUri?: string;
  previousUri?: string;
  lastUri?: string;
}

export interface ErrorBodyShape {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: Array<{ errorCode: string; fieldName?: string; entityId?: string }>;
  errors: unknown[];
}
