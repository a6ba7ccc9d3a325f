// Metric and dimension names the analytics endpoints accept (official SDK enums, platform-client v259+).
// Names outside these lists answer 400; valid names the synthetic traffic does not model return no data.

export const CONVERSATION_METRICS: ReadonlySet<string> = new Set([
  'nBlindTransferred', 'nBotInteractions', 'nCallbackAttempts', 'nCallbackOverSla', 'nCallbackScheduled', 'nCfcOffered',
  'nCobrowseSessions', 'nConnected', 'nConsult', 'nConsultTransferred', 'nConversations', 'nError', 'nOffered', 'nOutbound',
  'nOutboundAbandoned', 'nOutboundAttempted', 'nOutboundConnected', 'nOverSla', 'nStateTransitionError', 'nTakeover',
  'nTransferred', 'oAudioMessageCount', 'oCallbackServiceLevel', 'oExternalAudioMessageCount', 'oExternalMediaCount',
  'oMediaCount', 'oMessageCount', 'oMessageSegmentCount', 'oMessageTurn', 'oServiceLevel', 'oServiceTarget',
  'oSkillExpressionApplications', 'tAbandon', 'tAcd', 'tActiveCallback', 'tActiveCallbackComplete', 'tAcw',
  'tAgentResponseTime', 'tAgentVideoConnected', 'tAlert', 'tAnswered', 'tAverageAgentResponseTime',
  'tAverageCustomerResponseTime', 'tBarging', 'tCallbackAbandon', 'tCallbackConnect', 'tCallbackNotReached',
  'tCallbackVirtualWait', 'tCfcAbandon', 'tCfcAcd', 'tCfcAnswered', 'tCfcFlowOut', 'tCoaching', 'tCoachingComplete',
  'tConnected', 'tContacting', 'tDialing', 'tFirstConnect', 'tFirstDial', 'tFirstEngagement', 'tFirstResponse', 'tFlowOut',
  'tHandle', 'tHeld', 'tHeldComplete', 'tIvr', 'tMonitoring', 'tMonitoringComplete', 'tNotResponding', 'tPark',
  'tParkComplete', 'tScreenMonitoring', 'tShortAbandon', 'tSnippetRecord', 'tTalk', 'tTalkComplete', 'tTransmitting',
  'tUserResponseTime', 'tVoicemail', 'tWait',
]);

export const CONVERSATION_DIMENSIONS: ReadonlySet<string> = new Set([
  'activeRouting', 'activeSkillId', 'addressFrom', 'addressTo', 'agentAssistantId', 'agentBullseyeRing', 'agentOwned',
  'agentRank', 'agentScore', 'ani', 'assignerId', 'authenticated', 'conversationId', 'conversationInitiator', 'convertedFrom',
  'convertedTo', 'customerParticipation', 'deliveryStatus', 'destinationAddress', 'direction', 'disconnectType', 'divisionId',
  'dnis', 'edgeId', 'eligibleAgentCount', 'errorCode', 'extendedDeliveryStatus', 'externalContactId', 'externalMediaCount',
  'externalOrganizationId', 'externalTag', 'firstQueue', 'flaggedReason', 'flowInType', 'flowOutType', 'groupId',
  'interactionType', 'journeyActionId', 'journeyActionMapId', 'journeyActionMapVersion', 'journeyCustomerId',
  'journeyCustomerIdType', 'journeyCustomerSessionId', 'journeyCustomerSessionIdType', 'knowledgeBaseId', 'mediaCount',
  'mediaType', 'messageType', 'originatingDirection', 'originatingSocialMediaPublic', 'outboundCampaignId', 'outboundContactId',
  'outboundContactListId', 'participantName', 'peerId', 'proposedAgentId', 'provider', 'purpose', 'queueId', 'remote',
  'removedSkillId', 'requestedLanguageId', 'requestedRouting', 'requestedRoutingSkillId', 'roomId', 'routingPriority',
  'routingRing', 'routingRule', 'routingRuleType', 'scoredAgentId', 'selectedAgentId', 'selectedAgentRank', 'selfServed',
  'sessionDnis', 'sessionId', 'skillExpressionId', 'stationId', 'teamId', 'usedRouting', 'userId', 'videoPresent',
  'waitingInteractionCount', 'wrapUpCode',
]);

export const OBSERVATION_METRICS: ReadonlySet<string> = new Set([
  'oActiveUsers', 'oAlerting', 'oInteracting', 'oLongestInteracting', 'oLongestWaiting', 'oMemberUsers', 'oOffQueueUsers',
  'oOnQueueUsers', 'oUserPresences', 'oUserRoutingStatuses', 'oWaiting',
]);

export const USER_METRICS: ReadonlySet<string> = new Set(['tAgentRoutingStatus', 'tOrganizationPresence', 'tSystemPresence']);

/** Segment-level dimensions the emulator's details filters understand. */
export const SEGMENT_DIMENSIONS: ReadonlySet<string> = new Set([
  'queueId', 'userId', 'mediaType', 'purpose', 'requestedRoutingSkillId', 'segmentType', 'wrapUpCode', 'disconnectType',
  'direction', 'conversationId', 'participantId', 'sessionId',
]);

/** Conversation-level dimensions the emulator's details filters understand. */
export const CONVERSATION_LEVEL_DIMENSIONS: ReadonlySet<string> = new Set(['conversationId', 'originatingDirection', 'divisionId']);
