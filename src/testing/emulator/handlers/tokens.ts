// POST /oauth/token (client credentials, OAuth error shape), /api/v2/tokens/me and /api/v2/organizations/me.
import type { RequestContext } from '../respond/context.js';
import type { RouteDef } from '../pipeline/router.js';

/** OAuth endpoints answer `{ error, description, error_description }`, not ErrorBody. */
function oauthError(ctx: RequestContext, status: number, error: string, description: string): void {
  ctx.send(
    status,
    { error, description, error_description: description },
    status === 401 ? { 'WWW-Authenticate': 'Basic realm="oauth"' } : {},
  );
}

export const tokenRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/oauth/token',
    public: true,
    body: 'form',
    handle(ctx) {
      const client = ctx.runtime.auth.authenticateBasic(ctx.req.headers.authorization);
      if (client === undefined)
        return oauthError(
          ctx,
          401,
          'invalid_client',
          'client authentication required: use HTTP Basic with clientId:clientSecret',
        );
      if (client === 'invalid') return oauthError(ctx, 401, 'invalid_client', 'client not found or bad client secret');
      const form = ctx.body as Record<string, string> | undefined;
      if (!form)
        return oauthError(ctx, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
      const grant = form['grant_type'];
      if (!grant) return oauthError(ctx, 400, 'invalid_request', 'missing grant_type');
      if (grant !== 'client_credentials')
        return oauthError(ctx, 400, 'unsupported_grant_type', `unsupported grant type: ${grant}`);
      const { token, expiresIn } = ctx.runtime.auth.issue(client.clientId);
      ctx.client = client;
      ctx.send(
        200,
        { access_token: token, token_type: 'bearer', expires_in: expiresIn },
        { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
      );
    },
  },
  {
    method: 'GET',
    path: '/api/v2/tokens/me',
    handle(ctx) {
      const { organization } = ctx.state;
      const org = { id: organization.id, name: organization.name, selfUri: `/api/v2/organizations/${organization.id}` };
      const expiresAt = ctx.token ? ctx.runtime.auth.tokenExpiry(ctx.token) : undefined;
      ctx.json(200, {
        organization: org,
        homeOrganization: org,
        authorizedScope: [],
        ...(expiresAt === undefined ? {} : { dateTokenIdles: new Date(expiresAt).toISOString() }),
        OAuthClient: {
          id: ctx.caller.clientId,
          name: ctx.caller.name,
          organization: org,
          selfUri: `/api/v2/oauth/clients/${ctx.caller.clientId}`,
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/api/v2/organizations/me',
    handle(ctx) {
      const { organization } = ctx.state;
      ctx.json(200, {
        id: organization.id,
        name: organization.name,
        defaultLanguage: 'en-us',
        state: 'active',
        version: 1,
        selfUri: `/api/v2/organizations/${organization.id}`,
      });
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/tokens/me',
    handle(ctx) {
      if (ctx.token) ctx.runtime.auth.revoke(ctx.token);
      ctx.noContent();
    },
  },
];
