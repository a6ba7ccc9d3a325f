// OAuth clients and bearer tokens. Tokens are random (not seeded): they are secrets, not org data.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../respond/error-body.js';
import type { EmulatorClient } from '../state/types.js';

interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

export class AuthService {
  readonly clients = new Map<string, EmulatorClient>();
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    clients: EmulatorClient[],
    public tokenLifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    for (const client of clients) this.clients.set(client.clientId, client);
  }

  addClient(client: EmulatorClient): void {
    this.clients.set(client.clientId, client);
  }

  /** Checks `Authorization: Basic ...`; undefined when the header is absent or malformed. */
  authenticateBasic(header: string | undefined): EmulatorClient | 'invalid' | undefined {
    if (!header) return undefined;
    const match = /^Basic\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const client = this.clients.get(decoded.slice(0, colon));
    return client && client.clientSecret === decoded.slice(colon + 1) ? client : 'invalid';
  }

  issue(clientId: string): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { clientId, expiresAt: this.now() + this.tokenLifetimeSeconds * 1000 });
    this.sweep();
    return { token, expiresIn: Math.max(1, Math.ceil(this.tokenLifetimeSeconds)) };
  }

  /** Resolves `Authorization: Bearer ...` to a client or throws the platform's 401. */
  authenticateBearer(header: string | undefined): { client: EmulatorClient; token: string } {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    if (!match?.[1]) {
      throw new ApiError(
        401,
        'authentication.required',
        'No authentication bearer token specified in authorization header.',
      );
    }
    const record = this.tokens.get(match[1]);
    const client = record && record.expiresAt > this.now() ? this.clients.get(record.clientId) : undefined;
    if (!client) throw new ApiError(401, 'bad.credentials', 'Invalid login credentials.');
    return { client, token: match[1] };
  }

  tokenExpiry(token: string): number | undefined {
    return this.tokens.get(token)?.expiresAt;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Forces every issued token to be rejected (tests of 401 handling). */
  expireAll(): void {
    for (const record of this.tokens.values()) record.expiresAt = 0;
  }

  /** Keeps the map bounded in long runs by dropping expired tokens. */
  private sweep(): void {
    if (this.tokens.size < 10_000) return;
    const now = this.now();
    for (const [token, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(token);
  }
}
