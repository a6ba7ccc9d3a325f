// A tiny router: method + path template with {param} segments. Literal segments win over params, so
// '/users/{id}/routingskills/bulk' beats '/users/{id}/routingskills/{skillId}'.
import type { RequestContext } from '../respond/context.js';
import type { RoutePermissions } from './permissions.js';

/** An HTTP method an emulated route answers. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface RouteDef {
  method: HttpMethod;
  /** Template, e.g. '/api/v2/routing/skills/{skillId}'. */
  path: string;
  /** Required permissions, as the Genesys Cloud API documentation lists them per endpoint; omit where it lists none. */
  permissions?: RoutePermissions;
  /**
   * Request body: 'json' (required JSON), 'optional-json', 'form' (OAuth form) or 'none' (default; any body is ignored).
   */
  body?: 'json' | 'optional-json' | 'form' | 'none';
  /** Public routes (the OAuth token endpoint) skip bearer auth and the API rate limiter. */
  public?: boolean;
  handle: (ctx: RequestContext) => void | Promise<void>;
}

interface CompiledRoute {
  route: RouteDef;
  segments: Array<{ literal: string } | { param: string }>;
  /** Higher = more literal segments; used to rank ambiguous matches. */
  score: number;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: RouteDef[]): this {
    for (const route of routes) {
      const segments = split(route.path).map((s) => {
        const m = /^\{(\w+)\}$/.exec(s);
        return m?.[1] ? { param: m[1] } : { literal: s };
      });
      const duplicate = this.routes.find((r) => r.route.method === route.method && r.route.path === route.path);
      if (duplicate) throw new Error(`Emulator route registered twice: ${route.method} ${route.path}`);
      this.routes.push({ route, segments, score: segments.filter((s) => 'literal' in s).length });
    }
    return this;
  }

  list(): RouteDef[] {
    return this.routes.map((r) => r.route);
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = split(path);
    let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    for (const compiled of this.routes) {
      if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = compiled.segments.every((segment, i) => {
        const part = parts[i] as string;
        if ('literal' in segment) return segment.literal === part;
        try {
          params[segment.param] = decodeURIComponent(part);
        } catch {
          return false;
        }
        return true;
      });
      if (ok && (!best || compiled.score > best.compiled.score)) best = { compiled, params };
    }
    return best ? { route: best.compiled.route, params: best.params } : undefined;
  }
}

export function routeKey(route: RouteDef): string {
  return `${route.method} ${route.path}`;
}
