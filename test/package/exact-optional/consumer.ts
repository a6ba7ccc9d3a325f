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

// No public model carries an index signature: a typo fails to compile in every family, not only the generated
// models (fields the platform adds later are still on the objects at run time; docs/resources/models.md).
import type {
  Channel,
  CreateQueueInput,
  EntityRef,
  GenesysErrorBody,
  ManagementUnit,
  NotificationEvent,
  ShortTermForecast,
  Utilization,
} from 'genesys-routing-sdk';
import type { QueueMemberNotification, UserPresenceNotification } from 'genesys-routing-sdk/webhooks';
declare const memberEvent: QueueMemberNotification;
declare const presenceEvent: UserPresenceNotification;
declare const event: NotificationEvent<'queueMembers'>;
declare const unit: ManagementUnit;
declare const forecast: ShortTermForecast;
declare const utilization: Utilization;
declare const channel: Channel;
declare const ref: EntityRef;
declare const errorBody: GenesysErrorBody;
// @ts-expect-error User has email, not emial
export const typoEmail = user.emial;
// @ts-expect-error QueueMemberNotification has joined, not joinde
export const typoJoined = memberEvent.joinde;
// @ts-expect-error the event body of a queueMembers event is a QueueMemberNotification: queueId, not queueid
export const typoEventBody = event.eventBody.queueid;
// @ts-expect-error UserPresenceNotification.presenceDefinition has systemPresence, not systemPresense
export const typoPresence = presenceEvent.presenceDefinition?.systemPresense;
// @ts-expect-error ManagementUnit has timeZone, not timezone
export const typoTimeZone = unit.timezone;
// @ts-expect-error ShortTermForecast.metadata has dateModified, not dateModifed
export const typoForecast = forecast.metadata?.dateModifed;
// @ts-expect-error Utilization has maxInboundCalls, not maxInboundCall
export const typoUtilization = utilization.maxInboundCall;
// @ts-expect-error Channel has connectUri, not connectUrl
export const typoChannel = channel.connectUrl;
// @ts-expect-error EntityRef has selfUri, not selfUrl
export const typoRef = ref.selfUrl;
// @ts-expect-error GenesysErrorBody has contextId, not contextID
export const typoError = errorBody.contextID;
// @ts-expect-error CreateQueueInput has description, not descripton
export const typoCreate: CreateQueueInput = { name: 'Support', descripton: 'misspelt' };
// Writable Queue fields are still accepted on create, typed.
export const createWithFlow: CreateQueueInput = {
  name: 'Support',
  queueFlow: { id: 'flow-1' },
  mediaSettings: { call: { alertingTimeoutSeconds: 8, autoAnswerAlertToneSeconds: 1 } },
};
export const eventFields = [
  event.eventBody.queueId,
  unit.timeZone,
  forecast.metadata?.dateModified,
  utilization.utilization?.['call']?.maximumCapacity,
  channel.connectUri,
  errorBody.contextId,
] as const;
