// Field docs of the analytics session model (`AnalyticsSession`, a participant's session in conversation details):
// the descriptions the platform publishes for each field (the official SDKs' model documentation, e.g.
// platform-client-sdk-java docs/AnalyticsSession.md, generated from the Genesys Cloud API definitions).
// Fields the published model documentation does not describe yet are left out (the generator lists them).

export const SESSION_FIELDS = {
  'AnalyticsSession.acwSkipped': { doc: 'Marker for an agent that skipped after call work.' },
  'AnalyticsSession.addressOther': {
    doc: 'The email address for the participant on the other side of the email conversation.',
  },
  'AnalyticsSession.addressSelf': {
    doc: 'The email address for the participant on this side of the email conversation.',
  },
  'AnalyticsSession.agentAssistantId': { doc: 'Unique identifier of the active virtual agent assistant.' },
  'AnalyticsSession.agentOwned': { doc: 'Flag indicating an agent-owned callback.' },
  'AnalyticsSession.assignerId': { doc: 'Id of the user that manually assigned a conversation.' },
  'AnalyticsSession.authenticated': {
    doc: 'Flag that indicates that the identity of the customer has been asserted as verified by the provider.',
  },
  'AnalyticsSession.bargedParticipantId': {
    doc: 'The participantId being barged in on (if someone, e.g. an agent, is being barged in on, this is one of the other participantIds present in the conversation).',
  },
  'AnalyticsSession.bcc': { doc: 'Blind carbon copy email address(es).' },
  'AnalyticsSession.callbackNumbers': { doc: 'Callback phone number(s).' },
  'AnalyticsSession.callbackScheduledTime': { doc: 'Scheduled callback date/time, ISO-8601.' },
  'AnalyticsSession.callbackUserName': { doc: 'The name of the user requesting a call back.' },
  'AnalyticsSession.cc': { doc: 'Carbon copy email address(es).' },
  'AnalyticsSession.cleared': { doc: 'Flag that indicates that the conversation has been cleared by the customer.' },
  'AnalyticsSession.coachedParticipantId': {
    doc: 'The participantId being coached (if someone, e.g. an agent, is being coached, this is one of the other participantIds present in the conversation).',
  },
  'AnalyticsSession.cobrowseRole': { doc: 'Describes side of the cobrowse (sharer or viewer).' },
  'AnalyticsSession.cobrowseRoomId': { doc: 'A unique identifier for a Genesys Cloud cobrowse room.' },
  'AnalyticsSession.deliveryPushed': { doc: 'Flag that indicates that the push delivery mechanism was used.' },
  'AnalyticsSession.deliveryStatus': {
    doc: 'The email or SMS delivery status (e.g. `Queued`, `Sent`, `Received`, `Read`, `DeliverySuccess`, `DeliveryFailed`, `Failed`, `Published`).',
  },
  'AnalyticsSession.deliveryStatusChangeDate': {
    doc: 'Date and time of the most recent delivery status change, ISO-8601.',
  },
  'AnalyticsSession.destinationAddresses': { doc: 'Destination address(es) of transfers or consults.' },
  'AnalyticsSession.detectedSpeechEnd': { doc: 'Absolute time when the speech ended, ISO-8601.' },
  'AnalyticsSession.detectedSpeechStart': { doc: 'Absolute time when the speech started, ISO-8601.' },
  'AnalyticsSession.dispositionAnalyzer': { doc: '(Dialer) Analyzer (for example `speech.person`).' },
  'AnalyticsSession.dispositionName': {
    doc: '(Dialer) Result of the analysis (for example `disposition.classification.callable.machine`).',
  },
  'AnalyticsSession.edgeId': { doc: 'Unique identifier of the edge device.' },
  'AnalyticsSession.eligibleAgentCounts': { doc: 'Number of eligible agents for each predictive routing attempt.' },
  'AnalyticsSession.engagementSource': {
    doc: 'Open Messaging engagement source type (e.g. `WhatsApp`, `Facebook`, `SMS`, `WebChat`, `Other`).',
  },
  'AnalyticsSession.extendedDeliveryStatus': { doc: 'Extended delivery status.' },
  'AnalyticsSession.flowInType': { doc: 'Type of flow in that occurred when entering ACD.' },
  'AnalyticsSession.flowOutType': { doc: 'Type of flow out that occurred when emitting tFlowOut.' },
  'AnalyticsSession.journeyActionId': { doc: 'Identifier of the journey action.' },
  'AnalyticsSession.journeyActionMapId': { doc: 'Identifier of the journey action map that triggered the action.' },
  'AnalyticsSession.journeyActionMapVersion': { doc: 'Version of the journey action map that triggered the action.' },
  'AnalyticsSession.journeyCustomerId': {
    doc: 'Primary identifier of the journey customer in the source where the activities originate from.',
  },
  'AnalyticsSession.journeyCustomerIdType': {
    doc: 'Type of primary identifier of the journey customer (e.g. cookie).',
  },
  'AnalyticsSession.journeyCustomerSessionId': { doc: 'Unique identifier of the journey session.' },
  'AnalyticsSession.journeyCustomerSessionIdType': {
    doc: 'Type or category of journey sessions (e.g. web, ticket, delivery, atm).',
  },
  'AnalyticsSession.mediaBridgeId': {
    doc: 'Media bridge id for the conference session, consistent across all participants.',
  },
  'AnalyticsSession.mediaCount': { doc: 'Count of any media (images, files, etc.) included in this session.' },
  'AnalyticsSession.messageType': { doc: 'Message type for messaging services, e.g. sms, facebook, twitter, line.' },
  'AnalyticsSession.monitoredParticipantId': {
    doc: 'The participantId being monitored (if someone, e.g. an agent, is being monitored, this is one of the other participantIds present in the conversation).',
  },
  'AnalyticsSession.outboundCampaignId': { doc: '(Dialer) Unique identifier of the outbound campaign.' },
  'AnalyticsSession.outboundContactId': { doc: '(Dialer) Unique identifier of the contact.' },
  'AnalyticsSession.outboundContactListId': {
    doc: '(Dialer) Unique identifier of the contact list that this contact belongs to.',
  },
  'AnalyticsSession.peerId': {
    doc: "Identifies pairs of related sessions on a conversation: an external session's peerId is the session the call first connected to (e.g. the IVR session), and later transfers of that session to other internal components (ACD, agent, ...) spawn sessions whose peerIds point back to the original external session.",
  },
  'AnalyticsSession.protocolCallId': { doc: 'The original voice protocol call id, e.g. a SIP call id.' },
  'AnalyticsSession.provider': { doc: 'The source provider for the communication.' },
  'AnalyticsSession.recording': { doc: 'Flag determining if an audio recording was started or not.' },
  'AnalyticsSession.remote': { doc: 'Name, phone number, or email address of the remote party.' },
  'AnalyticsSession.remoteNameDisplayable': { doc: 'Unique identifier for the remote party.' },
  'AnalyticsSession.roomId': { doc: 'Unique identifier for the room.' },
  'AnalyticsSession.routingRule': { doc: 'Routing rule for preferred, conditional and predictive routing type.' },
  'AnalyticsSession.routingRuleType': {
    doc: 'Routing rule type (`Bullseye`, `Conditional`, `Predictive`, `Preferred`).',
  },
  'AnalyticsSession.screenShareAddressSelf': { doc: 'Direct screen share address.' },
  'AnalyticsSession.screenShareRoomId': { doc: 'A unique identifier for a Genesys Cloud screen share room.' },
  'AnalyticsSession.scriptId': { doc: 'A unique identifier for a script.' },
  'AnalyticsSession.selectedAgentRank': { doc: 'Selected agent GPR (predictive routing) rank.' },
  'AnalyticsSession.sessionDnis': {
    doc: 'Dialed number for the current session; this can be different from dnis, e.g. if the call was transferred.',
  },
  'AnalyticsSession.sharingScreen': { doc: 'Flag determining if screen share is started or not.' },
  'AnalyticsSession.skipEnabled': { doc: '(Dialer) Whether the agent can skip the dialer contact.' },
  'AnalyticsSession.timeoutSeconds': {
    doc: 'The number of seconds before Genesys Cloud begins the call for a call back (0 disables automatic calling).',
  },
  'AnalyticsSession.videoAddressSelf': { doc: 'Direct video address.' },
  'AnalyticsSession.videoRoomId': { doc: 'A unique identifier for a Genesys Cloud video room.' },
  'AnalyticsSession.waitingInteractionCounts': {
    doc: 'Number of waiting interactions for each predictive routing attempt.',
  },
  'AnalyticsSession.agentGroups': { doc: 'Conditional group routing agent groups.' },
  'AnalyticsSession.proposedAgents': { doc: 'Proposed agents.' },
  'AnalyticsSession.mediaEndpointStats': { doc: 'Media endpoint statistics associated with this session.' },
  'AnalyticsSession.flow': { doc: 'IVR flow execution associated with this session.' },
  'AnalyticsSession.errorCodeDescription': { doc: 'Error code description extracted from the first disconnectReason.' },
  'AnalyticsSession.screenMonitoredUserId': { doc: 'The user ID for the participant who is being screen monitored.' },
  'AnalyticsSession.skillExpressionId': { doc: 'Unique identifier for the skill requested for an interaction.' },
  'AnalyticsSession.snippetRecording': { doc: 'Whether or not the conversation included a snippet being recorded.' },
};
