// Utilization (agent capacity per media type): org-wide at /api/v2/routing/utilization,
// per agent at /api/v2/routing/users/{userId}/utilization. PUT replaces: media types left out revert to
// the default (the org's values for an agent, the system's for the org).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { ApiPromise } from '../core/api-promise.js';
import { send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import {
  AgentUtilizationSchema,
  UtilizationSchema,
  type AgentUtilization,
  type Utilization,
} from '../schemas/routing.js';
import { parseArgs, requireId } from '../validate.js';
import { UtilizationLabelsResource } from './utilization-labels.js';

/** A media type of utilization settings. */
export type UtilizationMediaType = 'call' | 'callback' | 'chat' | 'email' | 'message' | 'workitem' | (string & {});

/** Capacity settings for one media type. */
export interface MediaUtilizationInput {
  /** Concurrent interactions of this media type (whole number >= 0). */
  maximumCapacity: number;
  /** Media types that may interrupt an interaction of this type. */
  interruptableMediaTypes?: UtilizationMediaType[];
  /** Count non-ACD interactions against the capacity. */
  includeNonAcd?: boolean;
}

/** Capacity settings for one utilization label. */
export interface LabelUtilizationInput {
  /** Most interactions with this label an agent handles at once (≥ 0). */
  maximumCapacity: number;
  /** Labels whose interactions may interrupt one with this label. */
  interruptingLabelIds?: string[];
}

/** `UtilizationRequest`. A value read with `getOrg()`/`getUser()` is accepted too (checked at runtime). */
export interface UtilizationInput {
  /** Per media type: capacity and what may interrupt it. */
  utilization?: Partial<Record<UtilizationMediaType, MediaUtilizationInput>>;
  /** Per utilization label id: capacity and interrupting labels. */
  labelUtilizations?: Record<string, LabelUtilizationInput>;
  /** The platform's `maxInboundCalls`: most inbound calls an agent may have at once (≥ 1). */
  maxInboundCalls?: number;
}

const count = (what: string) =>
  z.number(`${what} is required`).check(z.int('must be a whole number'), z.gte(0, 'must be >= 0'));
const UtilizationInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    utilization: z.optional(
      z.record(
        z.string().check(z.minLength(1)),
        z.strictObject({
          maximumCapacity: count('maximumCapacity'),
          interruptableMediaTypes: z.optional(z.array(z.string().check(z.minLength(1)))),
          includeNonAcd: z.optional(z.boolean()),
        }),
      ),
    ),
    labelUtilizations: z.optional(
      z.record(
        z.string().check(z.minLength(1)),
        z.strictObject({
          maximumCapacity: count('maximumCapacity'),
          interruptingLabelIds: z.optional(z.array(z.string().check(z.minLength(1)))),
        }),
      ),
    ),
    maxInboundCalls: z.optional(z.int().check(z.gte(1, 'must be >= 1'))),
  }),
);

const getOrgOp: Operation<Utilization> = {
  id: 'routing.utilization.getOrg',
  method: 'GET',
  path: '/api/v2/routing/utilization',
  schema: UtilizationSchema,
};
const setOrgOp: Operation<Utilization> = {
  id: 'routing.utilization.setOrg',
  method: 'PUT',
  path: '/api/v2/routing/utilization',
  schema: UtilizationSchema,
};
const resetOrgOp: Operation<void> = {
  id: 'routing.utilization.resetOrg',
  method: 'DELETE',
  path: '/api/v2/routing/utilization',
};
const userPath = '/api/v2/routing/users/{userId}/utilization';
const getUserOp: Operation<AgentUtilization> = {
  id: 'routing.utilization.getUser',
  method: 'GET',
  path: userPath,
  schema: AgentUtilizationSchema,
};
const setUserOp: Operation<AgentUtilization> = {
  id: 'routing.utilization.setUser',
  method: 'PUT',
  path: userPath,
  schema: AgentUtilizationSchema,
};
const resetUserOp: Operation<void> = { id: 'routing.utilization.resetUser', method: 'DELETE', path: userPath };

/**
 * `client.routing.utilization`: agent capacity per media type, org-wide and per agent; `labels` for utilization
 * labels.
 */
export class UtilizationResource extends Resource {
  #labels?: UtilizationLabelsResource;

  /** Utilization labels: `list`, `get`, `create`, `rename`, `delete`. */
  get labels(): UtilizationLabelsResource {
    return (this.#labels ??= new UtilizationLabelsResource(this._client));
  }

  /**
   * The org-wide utilization.
   *
   * @example
   * const { utilization } = await client.routing.utilization.getOrg();
   * console.log(utilization?.chat?.maximumCapacity);
   */
  getOrg(options: CallOptions = {}): ApiPromise<Utilization> {
    return this._run(async (core) => {
      return send(core, getOrgOp, {}, options);
    });
  }

  /**
   * Replaces the org-wide utilization. Media types you leave out revert to the system default, so send
   * every type you want to keep (read with `getOrg()` first and change what you need).
   *
   * @example
   * const org = await client.routing.utilization.getOrg();
   * await client.routing.utilization.setOrg({ ...org, utilization: { ...org.utilization, chat: { maximumCapacity: 3 } } });
   */
  setOrg(body: UtilizationInput | Utilization, options: CallOptions = {}): ApiPromise<Utilization> {
    return this._run(async (core) => {
      const valid = parseArgs('routing.utilization.setOrg', UtilizationInputSchema(), pickRequest(body), 'body');
      return send(core, setOrgOp, { body: valid }, options);
    });
  }

  /** Reverts the org-wide utilization to the system default (`DELETE /api/v2/routing/utilization`). */
  resetOrg(options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      await send(core, resetOrgOp, {}, options);
    });
  }

  /**
   * An agent's utilization. Without own settings the platform answers the org values with `level: 'Organization'`.
   *
   * @example
   * const u = await client.routing.utilization.getUser(userId);
   * if (u.level === 'Agent') console.log('agent has own capacity settings');
   */
  getUser(userId: string, options: CallOptions = {}): ApiPromise<AgentUtilization> {
    return this._run(async (core) => {
      requireId('routing.utilization.getUser', 'userId', userId);
      return send(core, getUserOp, { params: { userId } }, options);
    });
  }

  /**
   * Gives an agent own utilization (`level` becomes `Agent`). PUT replaces: media types left out follow the
   * org values again.
   *
   * @example
   * await client.routing.utilization.setUser(userId, { utilization: { chat: { maximumCapacity: 2, includeNonAcd: false } } });
   */
  setUser(
    userId: string,
    body: UtilizationInput | AgentUtilization,
    options: CallOptions = {},
  ): ApiPromise<AgentUtilization> {
    return this._run(async (core) => {
      requireId('routing.utilization.setUser', 'userId', userId);
      const valid = parseArgs('routing.utilization.setUser', UtilizationInputSchema(), pickRequest(body), 'body');
      return send(core, setUserOp, { params: { userId }, body: valid }, options);
    });
  }

  /** Removes an agent's own utilization; the agent follows the org values again. */
  resetUser(userId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('routing.utilization.resetUser', 'userId', userId);
      await send(core, resetUserOp, { params: { userId } }, options);
    });
  }
}

/**
 * Drops the response-only fields (`level`, and `labelName` inside label entries) so a value read earlier can
 * be sent back: `setOrg({ ...(await getOrg()), ... })`. Any other unknown field is still reported.
 */
function pickRequest(body: UtilizationInput | AgentUtilization): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const { level: _level, ...rest } = body as UtilizationInput & { level?: unknown };
  const labels = rest.labelUtilizations;
  if (!labels || typeof labels !== 'object') return rest;
  const cleaned = Object.fromEntries(
    Object.entries(labels).map(([id, label]) => {
      if (typeof label !== 'object' || label === null) return [id, label];
      const { labelName: _labelName, ...kept } = label as LabelUtilizationInput & { labelName?: unknown };
      return [id, kept];
    }),
  );
  return { ...rest, labelUtilizations: cleaned };
}
