// Renders records as the API's models (field names as in the official SDK models). Derived fields
// (selfUri, member counts, expansions) are computed here so handlers and state stay simple.
import { Random, deriveSeed } from '../random.js';
import { liveStatus } from '../state/live-status.js';
import { adminState } from '../state/admin.js';
import type { OrgState } from '../state/org.js';
import type { MemberRecord, QueueRecord, SkillRecord, SystemPresence, UserRecord } from '../state/types.js';

export function divisionRef(state: OrgState, id: string) {
  const d = state.division(id);
  return { id: d.id, name: d.name, selfUri: `/api/v2/authorization/divisions/${d.id}` };
}

export function skillView(state: OrgState, s: SkillRecord) {
  return {
    id: s.id,
    name: s.name,
    division: divisionRef(state, s.divisionId),
    dateModified: s.dateModified,
    state: s.state,
    version: String(s.version),
    selfUri: `/api/v2/routing/skills/${s.id}`,
  };
}

/** UserRoutingSkill. */
export function userSkillView(state: OrgState, userId: string, skillId: string, proficiency: number) {
  const skill = state.skills.get(skillId);
  return {
    id: skillId,
    name: skill?.name ?? skillId,
    proficiency,
    state: skill?.state === 'deleted' ? 'deleted' : 'active',
    skillUri: `/api/v2/routing/skills/${skillId}`,
    selfUri: `/api/v2/users/${userId}/routingskills/${skillId}`,
  };
}

/** The user's skills as UserRoutingSkill, sorted by skill name (the order listings use). */
export function userSkillsOf(state: OrgState, userId: string) {
  return [...state.skillsOf(userId)]
    .filter(([skillId]) => state.activeSkill(skillId))
    .map(([skillId, proficiency]) => userSkillView(state, userId, skillId, proficiency))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// System presence definitions have fixed ids per org on the platform; derive stable ones from the name.
function presenceId(presence: SystemPresence): string {
  return new Random(deriveSeed(0, `presence:${presence}`)).uuid();
}

/** The routing languages a user holds (UserRoutingLanguage), by name. */
function userLanguagesOf(state: OrgState, userId: string) {
  const admin = adminState(state);
  return [...(admin.userLanguages.get(userId) ?? [])]
    .map(([id, proficiency]) => ({ language: admin.languages.get(id), proficiency }))
    .filter((e) => e.language?.state === 'active')
    .map(({ language, proficiency }) => ({
      id: language!.id,
      name: language!.name,
      proficiency,
      state: 'active',
      languageUri: `/api/v2/routing/languages/${language!.id}`,
      selfUri: `/api/v2/users/${userId}/routinglanguages/${language!.id}`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** RoutingStatus at the org clock (the agent's shift, or the status last set; state/live-status.ts). */
export function routingStatusView(state: OrgState, u: UserRecord) {
  const { routingStatus } = liveStatus(state, u);
  return { userId: u.id, status: routingStatus.status, startTime: routingStatus.startTime };
}

function presenceView(state: OrgState, u: UserRecord) {
  const { presence } = liveStatus(state, u);
  const id = presenceId(presence.systemPresence);
  return {
    source: 'PURECLOUD',
    primary: true,
    presenceDefinition: { id, systemPresence: presence.systemPresence, selfUri: `/api/v2/presencedefinitions/${id}` },
    modifiedDate: presence.modifiedDate,
  };
}

/** User; `expand` values are compared lower-cased (routingstatus, presence, skills, languages). */
export function userView(state: OrgState, u: UserRecord, expand: ReadonlySet<string> = new Set()) {
  return {
    id: u.id,
    name: u.name,
    division: divisionRef(state, u.divisionId),
    chat: { jabberId: `${u.id}@emulator.local` },
    ...(u.department === undefined ? {} : { department: u.department }),
    email: u.email,
    primaryContactInfo: [{ address: u.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: [],
    state: u.state,
    ...(u.title === undefined ? {} : { title: u.title }),
    username: u.username,
    version: u.version,
    acdAutoAnswer: false,
    ...(expand.has('routingstatus') ? { routingStatus: routingStatusView(state, u) } : {}),
    ...(expand.has('presence') ? { presence: presenceView(state, u) } : {}),
    ...(expand.has('skills') ? { skills: userSkillsOf(state, u.id) } : {}),
    ...(expand.has('languages') ? { languages: userLanguagesOf(state, u.id) } : {}),
    selfUri: `/api/v2/users/${u.id}`,
  };
}

export function queueView(state: OrgState, q: QueueRecord) {
  const members = [...state.membersOf(q.id).values()];
  const userMembers = members.filter((m) => m.memberBy === 'user').length;
  return {
    id: q.id,
    name: q.name,
    division: divisionRef(state, q.divisionId),
    description: q.description,
    dateCreated: q.dateCreated,
    dateModified: q.dateModified,
    memberCount: members.length,
    userMemberCount: userMembers,
    joinedMemberCount: members.filter((m) => m.joined).length,
    mediaSettings: structuredClone(q.mediaSettings),
    routingRules: [],
    bullseye: structuredClone(q.bullseye),
    conditionalGroupRouting: { rules: [] },
    acwSettings: { ...q.acwSettings },
    skillEvaluationMethod: q.skillEvaluationMethod,
    memberGroups: [],
    autoAnswerOnly: q.autoAnswerOnly,
    enableTranscription: q.enableTranscription,
    enableManualAssignment: q.enableManualAssignment,
    ...(q.callingPartyName === undefined ? {} : { callingPartyName: q.callingPartyName }),
    scoringMethod: q.scoringMethod,
    lastAgentRoutingMode: q.lastAgentRoutingMode,
    // QueueRequest fields stored as sent (queueFlow, routingRules, ...); they replace the empty defaults above.
    ...(q.extras ? structuredClone(q.extras) : {}),
    selfUri: `/api/v2/routing/queues/${q.id}`,
  };
}

/** QueueMember; the user carries presence/skills/languages expansions, the member its routingStatus. */
export function memberView(state: OrgState, m: MemberRecord, expand: ReadonlySet<string>) {
  const u = state.users.get(m.userId);
  const userExpand = new Set([...expand].filter((e) => e !== 'routingstatus'));
  return {
    id: m.userId,
    name: u?.name ?? m.userId,
    ...(u ? { user: userView(state, u, userExpand) } : {}),
    ringNumber: m.ringNumber,
    joined: m.joined,
    memberBy: m.memberBy,
    ...(u && expand.has('routingstatus') ? { routingStatus: routingStatusView(state, u) } : {}),
    selfUri: `/api/v2/users/${m.userId}`,
  };
}
