// Input of scripts/generate-models.mjs: which platform models the SDK exposes (by output file), their field
// docs and documented enum values (from the Genesys Cloud developer docs / API explorer), and the few fields
// the SDK's runtime schemas require. Field lists and types come from purecloud-platform-client-v2's typings.

/** Output file (src/resources/models/<file>.ts) -> root models; nested models follow, each in the first file that reaches it. */
export const GROUPS = {
  routing: [
    'RoutingSkill',
    'Queue',
    'QueueMember',
    'UserRoutingSkill',
    'Language',
    'UserRoutingLanguage',
    'UserRoutingLanguagePost',
    'SkillGroup',
    'SkillGroupWithMemberDivisions',
    'SkillGroupMemberDivisions',
    'UserReferenceWithName',
    'WrapupCode',
    'WrapupCodeRequest',
    'WrapUpCodeReference',
    'EstimatedWaitTimePredictions',
    'UtilizationLabel',
    'CreateUtilizationLabelRequest',
    'UpdateUtilizationLabelRequest',
  ],
  users: ['User', 'RoutingStatus', 'UserPresence', 'OrganizationPresenceDefinition', 'UserQueue'],
  analytics: [
    'QueueObservationQueryResponse',
    'UserObservationQueryResponse',
    'ConversationAggregateQueryResponse',
    'UserAggregateQueryResponse',
  ],
  audit: ['AuditLogMessage'],
};

/** Public names where the SDK's own name would read worse or clash with an existing export. */
export const RENAMES = { Page: 'ScriptPage', UserRoutingSkill: 'UserSkill' };

/** Field types that differ from the SDK's typings because the platform sends more than they say. */
export const TYPES = {
  // The dev-center examples show a number where the typings say string.
  'RoutingSkill.version': 'string | number',
  'Language.version': 'string | number',
  // A member's user is read loosely (the runtime schema does not insist on its id; the member's own `id` is the user id).
  'QueueMember.user': "Omit<User, 'id'> & { id?: string }",
};

/**
 * Models not modelled here (deep user-profile and script internals a routing SDK never reads): fields of
 * these types are `unknown` in the generated interfaces.
 */
export const OPAQUE = new Set([
  'Script',
  'QueueEmailAddress',
  'QueueMessagingAddresses',
  'InboundRoute',
  'Signature',
  'EmailAddress',
  'Location',
  'LocationDefinition',
  'Group',
  'Team',
  'UserAuthorization',
  'UserStations',
  'Image',
  'OutOfOffice',
  'UserConversationSummary',
  'EmployerInfo',
  'Biography',
  'Contact',
  'Chat',
  'Geolocation',
  'OAuthLastTokenIssued',
  'WorkPlanBidRanks',
  'Certification',
  'Education',
]);

/** Fields the SDK's runtime schemas check are present (the platform always sends them on these responses). */
export const REQUIRED = {
  RoutingSkill: ['id', 'name'],
  Queue: ['id', 'name'],
  QueueMember: ['id'],
  UserRoutingSkill: ['id'],
  User: ['id'],
  Language: ['id', 'name'],
  UserRoutingLanguage: ['id'],
  UserRoutingLanguagePost: ['id', 'proficiency'],
  SkillGroup: ['id', 'name', 'skillConditions'],
  SkillGroupCondition: ['routingSkillConditions', 'languageSkillConditions', 'operation'],
  SkillGroupRoutingCondition: ['routingSkill', 'comparator', 'proficiency'],
  SkillGroupLanguageCondition: ['languageSkill', 'comparator', 'proficiency'],
  SkillGroupWithMemberDivisions: ['name'],
  WrapupCode: ['id', 'name'],
  WrapupCodeRequest: ['name'],
  UserQueue: ['id'],
  OrganizationPresenceDefinition: ['id'],
  UtilizationLabel: ['id', 'name'],
  CreateUtilizationLabelRequest: ['name'],
  UpdateUtilizationLabelRequest: ['name'],
  EstimatedWaitTimePredictions: ['results'],
  PredictionResults: ['formula', 'estimatedWaitTimeSeconds'],
  AuditLogMessage: ['id'],
};

const ENTITY_STATES = ['active', 'inactive', 'deleted'];
const ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'];
const SYSTEM_PRESENCES = [
  'Available',
  'Away',
  'Busy',
  'Offline',
  'Idle',
  'On Queue',
  'Meal',
  'Training',
  'Meeting',
  'Break',
];
const id = (what) => ({ doc: `Globally unique id of the ${what}.` });
const self = { doc: 'URI of this resource (relative to the API base).' };
const iso = (what) => ({ doc: `${what}, ISO-8601 date-time in UTC.` });

/** `Model` -> model doc; `Model.field` -> field doc and documented enum values. */
export const DOCS = {
  RoutingSkill: { doc: 'A routing skill: a label agents hold with a proficiency and conversations request.' },
  'RoutingSkill.id': id('skill'),
  'RoutingSkill.name': { doc: 'Skill name, unique in the org (skills cannot be renamed).' },
  'RoutingSkill.division': { doc: 'Division the skill belongs to.' },
  'RoutingSkill.dateModified': iso('Last change'),
  'RoutingSkill.state': { doc: 'Lifecycle state; deleted skills stay readable by id.', enum: ENTITY_STATES },
  'RoutingSkill.version': { doc: 'Version number, incremented on each change.' },
  'RoutingSkill.selfUri': self,

  Queue: { doc: 'An ACD queue: routing settings, media settings, bullseye rings and conditional group routing.' },
  'Queue.id': id('queue'),
  'Queue.name': { doc: 'Queue name (required on create and update).' },
  'Queue.division': { doc: 'Division the queue belongs to.' },
  'Queue.description': { doc: 'Free-text description.' },
  'Queue.dateCreated': iso('Creation time'),
  'Queue.dateModified': iso('Last change'),
  'Queue.memberCount': { doc: 'Read-only: number of members (users and groups).' },
  'Queue.userMemberCount': { doc: 'Read-only: number of user members.' },
  'Queue.joinedMemberCount': { doc: 'Read-only: number of joined members (who can take interactions).' },
  'Queue.mediaSettings': {
    doc: 'Per media type (`call`, `callback`, `chat`, `email`, `message`): alerting timeout (seconds), service level (percentage 0–1, duration ms), auto answer.',
  },
  'Queue.routingRules': {
    doc: 'Preferred-agent routing rules: which agents are tried first, by score operator and threshold.',
  },
  'Queue.conditionalGroupRouting': {
    doc: 'Conditional group routing rules: when a metric (e.g. estimated wait time) crosses a value, the listed member groups are added.',
  },
  'Queue.conditionalGroupActivation': {
    doc: 'Conditional group activation (the successor of conditional group routing).',
  },
  'Queue.bullseye': {
    doc: "Bullseye routing: rings of agents widened after each ring's timeout, optionally dropping skills.",
  },
  'Queue.scoringMethod': {
    doc: 'How waiting interactions are ordered.',
    enum: ['TimestampAndPriority', 'PriorityOnly'],
  },
  'Queue.lastAgentRoutingMode': { doc: 'Last-agent routing.', enum: ['Disabled', 'QueueMembersOnly', 'AnyAgent'] },
  'Queue.acwSettings': { doc: 'After-call work: wrap-up prompt and timeout (1 s to 60 min).' },
  'Queue.skillEvaluationMethod': {
    doc: 'How agent skills are evaluated: `NONE` (ignore proficiency), `BEST` (highest proficiency first), `ALL` (every skill must match).',
    enum: ['NONE', 'BEST', 'ALL'],
  },
  'Queue.memberGroups': { doc: 'Groups whose users are members of the queue (group-based membership).' },
  'Queue.queueFlow': { doc: 'In-queue call flow.' },
  'Queue.autoAnswerOnly': { doc: 'Only agents with auto answer get interactions.' },
  'Queue.enableTranscription': { doc: 'Transcribe voice interactions of this queue.' },
  'Queue.enableManualAssignment': { doc: 'Allow manual assignment of waiting interactions to agents.' },
  'Queue.agentOwnedRouting': { doc: 'Agent-owned routing (callbacks routed to their owning agent).' },
  'Queue.directRouting': { doc: 'Direct routing: interactions addressed to one agent, with backup behaviour.' },
  'Queue.peerId': { doc: 'Id of the peer (external) system owning this queue, if any.' },
  'Queue.selfUri': self,

  MediaSettings: { doc: 'Routing settings of one media type on a queue.' },
  'MediaSettings.alertingTimeoutSeconds': { doc: 'Seconds an agent is alerted before the interaction moves on.' },
  'MediaSettings.serviceLevel': { doc: 'Service-level target of this media type.' },
  'MediaSettings.enableAutoAnswer': { doc: 'Connect interactions without the agent accepting.' },
  ServiceLevel: {
    doc: 'A service-level target: `percentage` (0–1) of interactions answered within `durationMs` milliseconds.',
  },
  'ServiceLevel.percentage': { doc: 'Share of interactions to answer within `durationMs`, 0–1.' },
  'ServiceLevel.durationMs': { doc: 'Answer-time target in milliseconds.' },
  AcwSettings: { doc: 'After-call work settings of a queue.' },
  'AcwSettings.wrapupPrompt': {
    doc: 'Whether and how agents are prompted for a wrap-up code.',
    enum: ['MANDATORY', 'OPTIONAL', 'MANDATORY_TIMEOUT', 'MANDATORY_FORCED_TIMEOUT', 'AGENT_REQUESTED'],
  },
  'AcwSettings.timeoutMs': { doc: 'After-call work timeout in milliseconds (1 s to 60 min).' },
  Bullseye: { doc: 'Bullseye routing of a queue: rings tried in order.' },
  'Bullseye.rings': { doc: 'Rings, innermost first (the platform allows up to 6).' },
  Ring: { doc: 'One bullseye ring: when it expands to the next ring and what changes then.' },
  'Ring.expansionCriteria': { doc: 'When the ring expands (e.g. `TIMEOUT_SECONDS` after `threshold` seconds).' },
  'Ring.actions': { doc: 'What changes on expansion (skills to remove).' },
  'Ring.memberGroups': { doc: 'Groups added in this ring.' },
  ExpansionCriterium: { doc: 'A bullseye expansion criterion.' },
  'ExpansionCriterium.type': { doc: 'Criterion type.', enum: ['TIMEOUT_SECONDS'] },
  'ExpansionCriterium.threshold': { doc: 'Seconds in the ring before it expands.' },
  ConditionalGroupRouting: { doc: 'Conditional group routing of a queue: rules evaluated in order.' },
  'ConditionalGroupRouting.rules': { doc: 'Rules, first one evaluated first (the platform allows up to 5).' },
  ConditionalGroupRoutingRule: {
    doc: 'One conditional group routing rule: when `metric` `operator` `conditionValue` holds (after `waitSeconds`), route to `groups` too.',
  },
  'ConditionalGroupRoutingRule.queue': {
    doc: 'Queue whose metric is evaluated (omit for the queue itself; only rule 1 may name another queue).',
  },
  'ConditionalGroupRoutingRule.metric': { doc: 'Metric compared.', enum: ['EstimatedWaitTime', 'ServiceLevel'] },
  'ConditionalGroupRoutingRule.operator': {
    doc: 'Comparison.',
    enum: ['GreaterThan', 'GreaterThanOrEqualTo', 'LessThan', 'LessThanOrEqualTo', 'EqualTo', 'NotEqualTo'],
  },
  'ConditionalGroupRoutingRule.conditionValue': {
    doc: 'Threshold (seconds for `EstimatedWaitTime`, 0–1 for `ServiceLevel`).',
  },
  'ConditionalGroupRoutingRule.groups': { doc: 'Member groups activated by this rule.' },
  'ConditionalGroupRoutingRule.waitSeconds': {
    doc: 'Seconds to wait in this rule before evaluating the next (2–259200).',
  },
  MemberGroup: { doc: 'A group whose users are queue members.' },
  'MemberGroup.type': { doc: 'Kind of group.', enum: ['TEAM', 'GROUP', 'SKILLGROUP'] },
  'MemberGroup.memberCount': { doc: 'Users in the group.' },

  QueueMember: { doc: 'A member of a queue: a user (directly or through a group), joined or not, with a ring number.' },
  'QueueMember.id': { doc: 'User id of the member.' },
  'QueueMember.name': { doc: 'User name.' },
  'QueueMember.user': { doc: 'The user, with the fields asked for by `expand`.' },
  'QueueMember.ringNumber': { doc: 'Bullseye ring the member is in (1–6).' },
  'QueueMember.joined': { doc: 'Whether the member is joined (takes interactions from this queue).' },
  'QueueMember.memberBy': { doc: 'How the user is a member.', enum: ['user', 'group'] },
  'QueueMember.routingStatus': { doc: 'Current routing status (with `expand=routingStatus`).' },
  'QueueMember.selfUri': self,

  UserRoutingSkill: { doc: 'A skill a user holds, with the proficiency routing uses.' },
  'UserRoutingSkill.id': { doc: 'Skill id.' },
  'UserRoutingSkill.name': { doc: 'Skill name.' },
  'UserRoutingSkill.proficiency': {
    doc: 'Proficiency, 0.0–5.0 (used when a queue evaluates the best available skill).',
  },
  'UserRoutingSkill.state': { doc: 'State of the assignment.', enum: ENTITY_STATES },
  'UserRoutingSkill.skillUri': { doc: 'URI of the skill.' },
  'UserRoutingSkill.selfUri': self,

  Language: {
    doc: 'A routing language: like a skill, held by agents with a proficiency and requested by conversations.',
  },
  'Language.id': id('language'),
  'Language.name': { doc: 'Language name, unique in the org.' },
  'Language.dateModified': iso('Last change'),
  'Language.state': { doc: 'Lifecycle state.', enum: ENTITY_STATES },
  'Language.version': { doc: 'Version, incremented on each change.' },
  'Language.selfUri': self,
  UserRoutingLanguage: { doc: 'A routing language a user holds, with a proficiency.' },
  'UserRoutingLanguage.id': { doc: 'Language id.' },
  'UserRoutingLanguage.name': { doc: 'Language name.' },
  'UserRoutingLanguage.proficiency': { doc: 'Proficiency, 0–5 (the platform may round it to a whole number).' },
  'UserRoutingLanguage.state': { doc: 'State of the assignment.', enum: ENTITY_STATES },
  'UserRoutingLanguage.languageUri': { doc: 'URI of the language.' },
  UserRoutingLanguagePost: { doc: 'A language to give a user: its id and the proficiency (0–5).' },
  'UserRoutingLanguagePost.id': { doc: 'Language id.' },
  'UserRoutingLanguagePost.proficiency': { doc: 'Proficiency, 0–5.' },

  SkillGroup: { doc: 'A skill group: its members are the users who meet its skill conditions.' },
  'SkillGroup.id': id('skill group'),
  'SkillGroup.name': { doc: 'Group name.' },
  'SkillGroup.memberCount': { doc: 'Read-only: users currently meeting the conditions.' },
  'SkillGroup.status': { doc: 'Membership computation state.', enum: ['Pending', 'Complete'] },
  'SkillGroup.skillConditions': { doc: 'Conditions a user must meet to be a member.' },
  SkillGroupWithMemberDivisions: { doc: 'A skill group to create, with the divisions its members are drawn from.' },
  'SkillGroupWithMemberDivisions.memberDivisions': { doc: 'Division ids whose users may be members (`*` = all).' },
  SkillGroupCondition: {
    doc: 'A skill group condition: routing-skill and language conditions combined by `operation`.',
  },
  'SkillGroupCondition.operation': { doc: 'How the conditions combine.', enum: ['And', 'Or'] },
  SkillGroupRoutingCondition: { doc: 'Holds routing skill `routingSkill` at a proficiency compared by `comparator`.' },
  'SkillGroupRoutingCondition.routingSkill': { doc: 'Skill name.' },
  'SkillGroupRoutingCondition.comparator': {
    doc: 'Comparison with `proficiency`.',
    enum: ['GreaterThan', 'LessThan', 'EqualTo', 'NotEqualTo', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'],
  },
  'SkillGroupRoutingCondition.proficiency': { doc: 'Proficiency, 0–5.' },
  SkillGroupLanguageCondition: { doc: 'Holds language `languageSkill` at a proficiency compared by `comparator`.' },
  'SkillGroupLanguageCondition.languageSkill': { doc: 'Language name.' },
  'SkillGroupLanguageCondition.comparator': {
    doc: 'Comparison with `proficiency`.',
    enum: ['GreaterThan', 'LessThan', 'EqualTo', 'NotEqualTo', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'],
  },
  'SkillGroupLanguageCondition.proficiency': { doc: 'Proficiency, 0–5.' },
  SkillGroupMemberDivisions: { doc: "Divisions to add to and remove from a skill group's member divisions." },
  UserReferenceWithName: { doc: 'A user reference (skill group members).' },

  WrapupCode: { doc: 'A wrap-up code agents pick after an interaction.' },
  'WrapupCode.id': id('wrap-up code'),
  'WrapupCode.name': { doc: 'Code name, unique in the org.' },
  WrapupCodeRequest: { doc: 'A wrap-up code to create or update.' },
  WrapUpCodeReference: { doc: 'A wrap-up code by id (adding codes to a queue).' },
  EstimatedWaitTimePredictions: { doc: 'Estimated wait time of a queue.' },
  PredictionResults: { doc: 'One estimate of the wait time.' },
  'PredictionResults.intent': {
    doc: 'What the estimate is for.',
    enum: ['ALL', 'CALL', 'CALLBACK', 'CHAT', 'EMAIL', 'SOCIAL_EXPRESSION', 'VIDEO_COMMUNICATION', 'MESSAGE'],
  },
  'PredictionResults.formula': {
    doc: 'How it was estimated.',
    enum: ['BEST', 'SIMPLE', 'ABANDON', 'PATIENCE_ABANDON'],
  },
  'PredictionResults.estimatedWaitTimeSeconds': { doc: 'Estimated wait in seconds.' },
  UtilizationLabel: { doc: 'A utilization label: a capacity bucket for interactions that carry it.' },
  'UtilizationLabel.name': { doc: 'Label name.' },

  User: { doc: 'A user (agent) of the org, with the routing data asked for by `expand`.' },
  'User.id': id('user'),
  'User.name': { doc: 'Display name.' },
  'User.state': { doc: 'Account state.', enum: ENTITY_STATES },
  'User.version': { doc: 'Version; `PATCH /api/v2/users/{userId}` requires the current one.' },
  'User.skills': { doc: 'Routing skills (with `expand=skills`; best effort).' },
  'User.languages': { doc: 'Routing languages (with `expand=languages`; best effort).' },
  'User.routingStatus': { doc: 'Routing status (with `expand=routingStatus`).' },
  'User.presence': { doc: 'Presence (with `expand=presence`).' },
  'User.selfUri': self,
  RoutingStatus: { doc: "A user's ACD routing status and since when." },
  'RoutingStatus.userId': { doc: 'User id.' },
  'RoutingStatus.status': { doc: 'Routing status.', enum: ROUTING_STATUSES },
  'RoutingStatus.startTime': iso('Since'),
  UserPresence: { doc: "A user's presence from one source (Genesys Cloud's own is `purecloud`)." },
  'UserPresence.source': { doc: 'Presence source.' },
  'UserPresence.primary': { doc: "Whether this source is the user's primary one." },
  'UserPresence.presenceDefinition': { doc: 'The presence definition the user is in.' },
  'UserPresence.message': { doc: 'Presence message.' },
  'UserPresence.modifiedDate': iso('Last change'),
  PresenceDefinition: { doc: 'A presence definition reference.' },
  'PresenceDefinition.systemPresence': { doc: 'The system presence it maps to.', enum: SYSTEM_PRESENCES },
  OrganizationPresenceDefinition: {
    doc: "A presence definition of the org (system presences and the org's own secondary ones).",
  },
  'OrganizationPresenceDefinition.type': { doc: 'Definition type.', enum: ['System', 'User'] },
  'OrganizationPresenceDefinition.languageLabels': {
    doc: 'Display label per locale, e.g. `{ "en_US": "Available" }`.',
  },
  'OrganizationPresenceDefinition.systemPresence': { doc: 'The system presence it maps to.', enum: SYSTEM_PRESENCES },
  'OrganizationPresenceDefinition.deactivated': { doc: 'Deactivated definitions cannot be set.' },
  UserQueue: { doc: 'A queue as listed for one user, with whether the user is joined to it.' },
  'UserQueue.joined': { doc: 'Whether the user is joined to this queue.' },

  AuditLogMessage: { doc: 'One audit record: who changed what, when, and the property changes.' },
  'AuditLogMessage.level': { doc: 'Who caused it.', enum: ['USER', 'SYSTEM', 'GENESYS_INTERNAL'] },
  'AuditLogMessage.status': { doc: 'Outcome.', enum: ['SUCCESS', 'FAILURE', 'WARNING'] },
  'AuditLogMessage.eventDate': iso('When it happened'),
  ObservationMetricData: { doc: 'One observation metric (e.g. `oOnQueueUsers`) with its breakdown `qualifier`.' },
  StatisticalSummary: { doc: 'Statistics of a metric. Durations (`t*` metrics) are in milliseconds.' },
};
