// The Genesys Cloud platform limits the SDK (and its emulator) enforce, in one frozen object. Each value
// states its public source. Pure data: every layer may import it, the optimizer included.

/** Platform limits, e.g. `LIMITS.skillsPerBulkCall` (50). Frozen: read it, never change it. */
export const LIMITS = Object.freeze({
  /** Skills per `PATCH`/`PUT /api/v2/users/{userId}/routingskills/bulk` call (the Genesys terraform provider, terraform-provider-genesyscloud, chunks at 50 citing an API restriction). */
  skillsPerBulkCall: 50,
  /** Routing skills one user may hold in total (Genesys help center, "Assign skills to multiple users"). */
  skillsPerUser: 50,
  /** Members per `POST /api/v2/routing/queues/{queueId}/members` call, and per page of the members listing (Genesys developer center). */
  membersPerCall: 100,
  /** Largest `pageSize` of `POST /api/v2/users/search` (Genesys developer center). */
  userSearchPageSize: 100,
  /** Largest page of async audit query results (Genesys developer center). */
  auditResultsPageSize: 500,
  /** How far back a realtime audit query reaches, in days (Genesys developer center: ~14 days for certain services). */
  auditRealtimeWindowDays: 14,
  /** Notification channels per user or OAuth client; the 21st evicts the least recently used (Genesys developer center, notification service). */
  channelsPerClient: 20,
  /** Topics one notification channel may subscribe to (Genesys developer center, notification service). */
  topicsPerChannel: 1_000,
  /** Lifetime of a notification channel that is not re-subscribed, in ms (24 h, Genesys developer center). */
  channelLifetimeMs: 24 * 60 * 60 * 1000,
  /** Proficiency range of a user routing skill (float 0.0–5.0, `UserRoutingSkill` in the official SDK purecloud-platform-client-v2). */
  proficiency: Object.freeze({ min: 0, max: 5 }),
  /** Languages per `PATCH /api/v2/users/{userId}/routinglanguages/bulk` call (Genesys developer center: max 50 per request). */
  languagesPerBulkCall: 50,
  /** Wrap-up codes per `POST /api/v2/routing/queues/{queueId}/wrapupcodes` call (Genesys developer center). */
  queueWrapupCodesPerCall: 100,
  /** Queues per `PATCH /api/v2/users/{userId}/queues` call (as for the queue-side bulk join: 100 per call). */
  userQueuesPerCall: 100,
  /** Bullseye ring numbers (the Genesys terraform provider's validation; the API states no range). */
  ringNumber: Object.freeze({ min: 1, max: 6 }),
});

/** The type of `LIMITS`. */
export type Limits = typeof LIMITS;
