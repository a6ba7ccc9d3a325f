// The metrics of a synthetic conversation, per session, with the dimensions they can be grouped and
// filtered by. Aggregates are sums of exactly these values and details render exactly these session
// metrics, so the two always agree (nOffered over an interval = detail conversations in it, tHandle sums
// match). Every metric is attributed to the bucket of the conversation's start: a simplification of the
// platform, which attributes each metric at its emit time.
import type { AgentLeg, SyntheticConversation } from './generate.js';

export interface SessionMetric {
  name: string;
  value: number;
  /** Epoch ms. */
  emitDate: number;
}

export interface Fact {
  role: 'acd' | 'agent';
  /** Dimension values of this session (absent = the dimension does not apply). */
  dims: Record<string, string>;
  metrics: SessionMetric[];
  /** Service level contribution (ACD session only): answered within the threshold or not. */
  serviceLevel?: { within: boolean; target: number; emitDate: number };
  leg?: AgentLeg;
}

function commonDims(c: SyntheticConversation): Record<string, string> {
  return {
    conversationId: c.conversationId,
    queueId: c.queueId,
    mediaType: c.mediaType,
    direction: 'inbound',
    originatingDirection: 'inbound',
    divisionId: c.divisionId,
    ...(c.skillId ? { requestedRoutingSkillId: c.skillId } : {}),
    ...(c.languageId ? { requestedLanguageId: c.languageId } : {}),
  };
}

export function factsOf(c: SyntheticConversation): Fact[] {
  const waited = c.queueLeave - c.start;
  const acd: Fact = {
    role: 'acd',
    dims: { ...commonDims(c), purpose: 'acd' },
    metrics: [
      { name: 'nOffered', value: 1, emitDate: c.start },
      { name: 'tAcd', value: waited, emitDate: c.queueLeave },
      { name: 'tWait', value: waited, emitDate: c.queueLeave },
      ...(c.abandoned ? [{ name: 'tAbandon', value: waited, emitDate: c.queueLeave }] : []),
      ...(!c.abandoned && waited > c.serviceLevel.durationMs
        ? [{ name: 'nOverSla', value: 1, emitDate: c.queueLeave }]
        : []),
    ],
    // Abandoned conversations count in the denominator (offered, not answered in time).
    serviceLevel: {
      within: !c.abandoned && waited <= c.serviceLevel.durationMs,
      target: c.serviceLevel.percentage,
      emitDate: c.queueLeave,
    },
  };
  return [acd, ...c.legs.map((leg, i) => agentFact(c, leg, i === 0))];
}

function agentFact(c: SyntheticConversation, leg: AgentLeg, answering: boolean): Fact {
  const handle = leg.talkMs + leg.holdMs + leg.acwMs;
  const acwEnd = leg.disconnect + leg.acwMs;
  const metrics: SessionMetric[] = [
    { name: 'tAlert', value: leg.connect - leg.alertStart, emitDate: leg.connect },
    ...(answering
      ? [
          { name: 'tAnswered', value: leg.connect - c.start, emitDate: leg.connect },
          { name: 'nConnected', value: 1, emitDate: leg.connect },
        ]
      : []),
    { name: 'tTalk', value: leg.talkMs, emitDate: leg.disconnect },
    { name: 'tTalkComplete', value: leg.talkMs, emitDate: leg.disconnect },
    ...(leg.holdMs > 0
      ? [
          { name: 'tHeld', value: leg.holdMs, emitDate: (leg.holdStart ?? leg.connect) + leg.holdMs },
          { name: 'tHeldComplete', value: leg.holdMs, emitDate: (leg.holdStart ?? leg.connect) + leg.holdMs },
        ]
      : []),
    ...(leg.transferred
      ? [
          { name: 'nTransferred', value: 1, emitDate: leg.disconnect },
          { name: 'nBlindTransferred', value: 1, emitDate: leg.disconnect },
        ]
      : []),
    { name: 'tAcw', value: leg.acwMs, emitDate: acwEnd },
    { name: 'tHandle', value: handle, emitDate: acwEnd },
  ];
  return {
    role: 'agent',
    dims: { ...commonDims(c), purpose: 'agent', userId: leg.userId, wrapUpCode: leg.wrapUpCode },
    metrics,
    leg,
  };
}
