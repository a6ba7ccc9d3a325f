// A consumer compiled with exactOptionalPropertyTypes (on in TypeScript 5.9's `tsc --init`): option objects
// accept an explicit `undefined`, as code that forwards its own optional settings writes them.
import { GenesysClient, type ClientOptions, type ListOptions } from 'genesys-routing-sdk';
import { erlangA, requiredAgents, type StaffingTargets } from 'genesys-routing-sdk/optimizer';
import { sendWebhook, verifyWebhook } from 'genesys-routing-sdk/webhooks';

declare const maybe: number | undefined;
declare const signal: AbortSignal | undefined;

export const staffing = requiredAgents({
  traffic: 10,
  ahtSeconds: 300,
  serviceLevel: 0.8,
  targetSeconds: 20,
  maxOccupancy: undefined,
});
export const staffing2 = requiredAgents({
  traffic: 10,
  ahtSeconds: 300,
  serviceLevel: 0.8,
  targetSeconds: 20,
  maxOccupancy: maybe,
});
export const target: Partial<StaffingTargets> = { maxOccupancy: undefined };
export const abandon = erlangA;

const options: ClientOptions = {
  clientId: 'id',
  clientSecret: 'secret',
  region: undefined,
  apiBaseUrl: 'https://api.mypurecloud.ie',
  loginBaseUrl: 'https://login.mypurecloud.ie',
  timeoutMs: maybe,
  logger: undefined,
};
export const client = new GenesysClient(options);
export const list: ListOptions = { pageSize: maybe, signal };
export const send = () =>
  sendWebhook('https://example.com/hook', { ok: true }, { secret: 's', timeoutMs: maybe, signal });
export const verify = () => verifyWebhook({ body: '{}', headers: {}, secret: 's', toleranceSeconds: maybe });

// Named models (generated from the platform's definitions): a typo in a response field does not compile.
import type { Queue, QueueMember, User, UserSkill, RoutingSkill } from 'genesys-routing-sdk';
declare const queue: Queue;
declare const member: QueueMember;
declare const user: User;
declare const held: UserSkill;
declare const skill: RoutingSkill;
// @ts-expect-error Queue has memberCount, not memberCont
export const typoCount = queue.memberCont;
// @ts-expect-error QueueMember has routingStatus, not routingStatuss
export const typoStatus = member.routingStatuss;
// @ts-expect-error UserSkill has proficiency, not proficency
export const typoProficiency = held.proficency;
export const fields = [
  queue.memberCount,
  queue.bullseye?.rings?.[0]?.expansionCriteria?.[0]?.threshold,
  member.routingStatus?.status,
  user.languages?.[0]?.proficiency,
  skill.state,
] as const;
