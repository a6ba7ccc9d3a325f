// Renders a synthetic conversation as the platform's AnalyticsConversationWithoutAttributes (the official SDK's model:
// participants -> sessions -> metrics + segments), and matches the details query's segment/conversation
// filters against what was rendered.
import type { AgentLeg, SyntheticConversation } from './synthetic/generate.js';
import { factsOf, type SessionMetric } from './synthetic/facts.js';
import { idsFor } from './synthetic/ids.js';
import type { DimValues, Test } from './query/filters.js';

const iso = (t: number) => new Date(t).toISOString();

interface Segment {
  segmentStart: string;
  segmentEnd: string;
  segmentType: string;
  queueId?: string;
  requestedRoutingSkillIds?: string[];
  requestedLanguageId?: string;
  wrapUpCode?: string;
  disconnectType?: string;
}

export interface RenderedConversation {
  conversationId: string;
  conversationStart: string;
  conversationEnd: string;
  divisionIds: string[];
  originatingDirection: 'inbound';
  participants: Array<{
    participantId: string;
    participantName: string;
    purpose: string;
    userId?: string;
    sessions: Array<{
      sessionId: string;
      mediaType: string;
      direction: string;
      requestedRoutings?: string[];
      usedRouting?: string;
      selectedAgentId?: string;
      metrics?: Array<{ name: string; value: number; emitDate: string }>;
      segments: Segment[];
    }>;
  }>;
}

const metricsView = (metrics: readonly SessionMetric[]) =>
  metrics.map((m) => ({ name: m.name, value: m.value, emitDate: iso(m.emitDate) }));

// Generated conversations are cached per slot, so their renderings can be too (keyed by the agent names used).
const rendered = new WeakMap<SyntheticConversation, { names: string; view: RenderedConversation }>();

export function renderConversation(
  c: SyntheticConversation,
  userName: (userId: string) => string,
): RenderedConversation {
  const names = c.legs.map((l) => userName(l.userId)).join('\u0000');
  const hit = rendered.get(c);
  if (hit && hit.names === names) return hit.view;
  const view = render(c, userName);
  rendered.set(c, { names, view });
  return view;
}

function render(c: SyntheticConversation, userName: (userId: string) => string): RenderedConversation {
  const [acdFact, ...agentFacts] = factsOf(c);
  const routed = {
    ...(c.skillId ? { requestedRoutingSkillIds: [c.skillId] } : {}),
    ...(c.languageId ? { requestedLanguageId: c.languageId } : {}),
  };
  const session = { mediaType: c.mediaType, direction: 'inbound' };
  const customer = idsFor(c, 'customer');
  const acd = idsFor(c, 'acd');
  return {
    conversationId: c.conversationId,
    conversationStart: iso(c.start),
    conversationEnd: iso(c.end),
    divisionIds: [c.divisionId],
    originatingDirection: 'inbound',
    participants: [
      {
        participantId: customer.participantId,
        participantName: 'Customer',
        purpose: 'customer',
        sessions: [
          {
            sessionId: customer.sessionId,
            ...session,
            segments: [
              {
                segmentStart: iso(c.start),
                segmentEnd: iso(c.end),
                segmentType: 'interact',
                disconnectType: c.abandoned ? 'client' : 'peer',
              },
            ],
          },
        ],
      },
      {
        participantId: acd.participantId,
        participantName: c.queueName,
        purpose: 'acd',
        sessions: [
          {
            sessionId: acd.sessionId,
            ...session,
            requestedRoutings: ['Standard'],
            ...(c.abandoned ? {} : { usedRouting: 'Standard' }),
            metrics: metricsView(acdFact?.metrics ?? []),
            segments: [
              {
                segmentStart: iso(c.start),
                segmentEnd: iso(c.queueLeave),
                segmentType: 'interact',
                queueId: c.queueId,
                ...routed,
                disconnectType: c.abandoned ? 'peer' : 'transfer',
              },
            ],
          },
        ],
      },
      ...c.legs.map((leg, i) => ({
        participantId: idsFor(c, `agent:${i}`).participantId,
        participantName: userName(leg.userId),
        purpose: 'agent',
        userId: leg.userId,
        sessions: [
          {
            sessionId: idsFor(c, `agent:${i}`).sessionId,
            ...session,
            ...(i === 0 ? { selectedAgentId: leg.userId } : {}),
            metrics: metricsView(agentFacts[i]?.metrics ?? []),
            segments: agentSegments(c, leg, routed),
          },
        ],
      })),
    ],
  };
}

function agentSegments(
  c: SyntheticConversation,
  leg: AgentLeg,
  routed: { requestedRoutingSkillIds?: string[]; requestedLanguageId?: string },
): Segment[] {
  const on = { queueId: c.queueId, ...routed };
  const segments: Segment[] = [
    { segmentStart: iso(leg.alertStart), segmentEnd: iso(leg.connect), segmentType: 'alert', ...on },
  ];
  const last = leg.transferred ? 'transfer' : 'client';
  if (leg.holdStart !== undefined && leg.holdMs > 0) {
    const holdEnd = leg.holdStart + leg.holdMs;
    segments.push(
      { segmentStart: iso(leg.connect), segmentEnd: iso(leg.holdStart), segmentType: 'interact', ...on },
      { segmentStart: iso(leg.holdStart), segmentEnd: iso(holdEnd), segmentType: 'hold', ...on },
      {
        segmentStart: iso(holdEnd),
        segmentEnd: iso(leg.disconnect),
        segmentType: 'interact',
        ...on,
        disconnectType: last,
      },
    );
  } else {
    segments.push({
      segmentStart: iso(leg.connect),
      segmentEnd: iso(leg.disconnect),
      segmentType: 'interact',
      ...on,
      disconnectType: last,
    });
  }
  segments.push({
    segmentStart: iso(leg.disconnect),
    segmentEnd: iso(leg.disconnect + leg.acwMs),
    segmentType: 'wrapup',
    ...on,
    wrapUpCode: leg.wrapUpCode,
  });
  return segments;
}

/** Every segment of the conversation as a record of segment-level dimensions. */
function segmentDims(r: RenderedConversation): DimValues[] {
  const out: DimValues[] = [];
  for (const p of r.participants) {
    for (const s of p.sessions) {
      for (const seg of s.segments) {
        out.push({
          conversationId: r.conversationId,
          participantId: p.participantId,
          purpose: p.purpose,
          userId: p.userId,
          sessionId: s.sessionId,
          mediaType: s.mediaType,
          direction: s.direction,
          segmentType: seg.segmentType,
          queueId: seg.queueId,
          requestedRoutingSkillId: seg.requestedRoutingSkillIds,
          requestedLanguageId: seg.requestedLanguageId,
          wrapUpCode: seg.wrapUpCode,
          disconnectType: seg.disconnectType,
        });
      }
    }
  }
  return out;
}

/** Each segment filter must match at least one segment; each conversation filter the conversation. */
export function matchesDetailFilters(
  r: RenderedConversation,
  segmentFilters: readonly Test[],
  conversationFilters: readonly Test[],
): boolean {
  const conversation: DimValues = {
    conversationId: r.conversationId,
    originatingDirection: r.originatingDirection,
    divisionId: r.divisionIds,
  };
  if (!conversationFilters.every((t) => t(conversation))) return false;
  if (segmentFilters.length === 0) return true;
  const segments = segmentDims(r);
  return segmentFilters.every((t) => segments.some((s) => t(s)));
}
