// Metric, dimension and media-type names of the analytics queries, as const arrays (for validation and
// autocompletion) and string-literal unions. Lists follow the official SDK enums (platform-client v259+).

/** Queue observation metrics (the `QueueObservationQuery` metric enum of the official SDK purecloud-platform-client-v2). */
export const QUEUE_OBSERVATION_METRICS = [
  'oActiveUsers',
  'oAlerting',
  'oInteracting',
  'oLongestInteracting',
  'oLongestWaiting',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
  'oWaiting',
] as const;
export type QueueObservationMetric = (typeof QUEUE_OBSERVATION_METRICS)[number];

/** Metrics allowed in `detailMetrics` (all observation metrics but the `oLongest*` ones). */
export const QUEUE_OBSERVATION_DETAIL_METRICS = [
  'oActiveUsers',
  'oAlerting',
  'oInteracting',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
  'oWaiting',
] as const satisfies readonly QueueObservationMetric[];
export type QueueObservationDetailMetric = (typeof QUEUE_OBSERVATION_DETAIL_METRICS)[number];

/** Conversation aggregate metrics (the `ConversationAggregationQuery` metric enum of the official SDK purecloud-platform-client-v2). `t*` are durations in ms, `n*` counts, `o*` observations. */
export const CONVERSATION_AGGREGATE_METRICS = [
  'nBlindTransferred', 'nBotInteractions', 'nCallbackAttempts', 'nCallbackOverSla', 'nCallbackScheduled', 'nCfcOffered',
  'nCobrowseSessions', 'nConnected', 'nConsult', 'nConsultTransferred', 'nConversations', 'nError', 'nOffered',
  'nOutbound', 'nOutboundAbandoned', 'nOutboundAttempted', 'nOutboundConnected', 'nOverSla', 'nStateTransitionError',
  'nTakeover', 'nTransferred', 'oAudioMessageCount', 'oCallbackServiceLevel', 'oExternalAudioMessageCount',
  'oExternalMediaCount', 'oMediaCount', 'oMessageCount', 'oMessageSegmentCount', 'oMessageTurn', 'oServiceLevel',
  'oServiceTarget', 'oSkillExpressionApplications', 'tAbandon', 'tAcd', 'tActiveCallback', 'tActiveCallbackComplete',
  'tAcw', 'tAgentResponseTime', 'tAgentVideoConnected', 'tAlert', 'tAnswered', 'tAverageAgentResponseTime',
  'tAverageCustomerResponseTime', 'tBarging', 'tCallbackAbandon', 'tCallbackConnect', 'tCallbackNotReached',
  'tCallbackVirtualWait', 'tCfcAbandon', 'tCfcAcd', 'tCfcAnswered', 'tCfcFlowOut', 'tCoaching', 'tCoachingComplete',
  'tConnected', 'tContacting', 'tDialing', 'tFirstConnect', 'tFirstDial', 'tFirstEngagement', 'tFirstResponse',
  'tFlowOut', 'tHandle', 'tHeld', 'tHeldComplete', 'tIvr', 'tMonitoring', 'tMonitoringComplete', 'tNotResponding',
  'tPark', 'tParkComplete', 'tScreenMonitoring', 'tShortAbandon', 'tSnippetRecord', 'tTalk', 'tTalkComplete',
  'tTransmitting', 'tUserResponseTime', 'tVoicemail', 'tWait',
] as const;
export type ConversationAggregateMetric = (typeof CONVERSATION_AGGREGATE_METRICS)[number];

/** Dimensions conversation aggregates can be grouped and filtered by. */
export const CONVERSATION_AGGREGATE_DIMENSIONS = [
  'activeRouting', 'activeSkillId', 'addressFrom', 'addressTo', 'agentAssistantId', 'agentBullseyeRing', 'agentOwned',
  'agentRank', 'agentScore', 'ani', 'assignerId', 'authenticated', 'conversationId', 'conversationInitiator',
  'convertedFrom', 'convertedTo', 'customerParticipation', 'deliveryStatus', 'destinationAddress', 'direction',
  'disconnectType', 'divisionId', 'dnis', 'edgeId', 'eligibleAgentCount', 'errorCode', 'extendedDeliveryStatus',
  'externalContactId', 'externalMediaCount', 'externalOrganizationId', 'externalTag', 'firstQueue', 'flaggedReason',
  'flowInType', 'flowOutType', 'groupId', 'interactionType', 'journeyActionId', 'journeyActionMapId',
  'journeyActionMapVersion', 'journeyCustomerId', 'journeyCustomerIdType', 'journeyCustomerSessionId',
  'journeyCustomerSessionIdType', 'knowledgeBaseId', 'mediaCount', 'mediaType', 'messageType', 'originatingDirection',
  'originatingSocialMediaPublic', 'outboundCampaignId', 'outboundContactId', 'outboundContactListId', 'participantName',
  'peerId', 'proposedAgentId', 'provider', 'purpose', 'queueId', 'remote', 'removedSkillId', 'requestedLanguageId',
  'requestedRouting', 'requestedRoutingSkillId', 'roomId', 'routingPriority', 'routingRing', 'routingRule',
  'routingRuleType', 'scoredAgentId', 'selectedAgentId', 'selectedAgentRank', 'selfServed', 'sessionDnis', 'sessionId',
  'skillExpressionId', 'stationId', 'teamId', 'usedRouting', 'userId', 'videoPresent', 'waitingInteractionCount',
  'wrapUpCode',
] as const;
export type ConversationAggregateDimension = (typeof CONVERSATION_AGGREGATE_DIMENSIONS)[number];

/** User aggregate metrics (the `UserAggregationQuery` metric enum of the official SDK purecloud-platform-client-v2); the qualifier is the routing status / presence. */
export const USER_AGGREGATE_METRICS = ['tAgentRoutingStatus', 'tOrganizationPresence', 'tSystemPresence'] as const;
export type UserAggregateMetric = (typeof USER_AGGREGATE_METRICS)[number];

/** Analytics media types (analytics says `voice` where queue media settings say `call`). */
export const ANALYTICS_MEDIA_TYPES = [
  'voice', 'chat', 'email', 'message', 'callback', 'cobrowse', 'video', 'screenshare', 'internalmessage', 'unknown',
] as const;
export type AnalyticsMediaType = (typeof ANALYTICS_MEDIA_TYPES)[number];

/** Agent routing statuses (qualifiers of `tAgentRoutingStatus`, `oUserRoutingStatuses`, `oOnQueueUsers`). */
export const AGENT_ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;
export type AgentRoutingStatus = (typeof AGENT_ROUTING_STATUSES)[number];

/** What a not-yet-listed metric name must look like when `allowUnknownMetrics` is on: `n`, `o` or `t` + CamelCase. */
export const METRIC_NAME_PATTERN = /^[not][A-Z][A-Za-z0-9]*$/;
/** What a not-yet-listed dimension must look like when `allowUnknownDimensions` is on. */
export const DIMENSION_NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;
