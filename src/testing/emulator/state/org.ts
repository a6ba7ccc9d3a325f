// The emulator's in-memory org. Tests may read and mutate it directly; helpers keep the cross-links
// (user skills, queue members, audit) consistent when used.
import { Random, deriveSeed } from '../random.js';
import { defaultWorkforceSettings, type WorkforceSettings } from '../workforce/settings.js';
import {
  defaultAnalyticsSettings,
  defaultScenarioDemand,
  type AnalyticsSettings,
  type ScenarioDemand,
} from '../traffic/config.js';
import type {
  AuditLogMessage,
  Division,
  MemberRecord,
  OrgChange,
  Organization,
  PendingJoinBatch,
  QueueLanguageDemand,
  QueueRecord,
  RoutingStatusValue,
  SkillGroupRecord,
  SkillRecord,
  UserRecord,
  UtilizationRecord,
} from './types.js';

/**
 * An audit entry to add to the emulated org (`org.recordAudit(...)`): an `AuditLogMessage` whose id, date and service the
 * emulator fills in where left out.
 */
export type NewAuditEntry = Omit<
  AuditLogMessage,
  'id' | 'userHomeOrgId' | 'remoteIp' | 'serviceName' | 'level' | 'status' | 'eventDate' | 'propertyChanges' | 'context'
> &
  Partial<
    Pick<AuditLogMessage, 'serviceName' | 'level' | 'status' | 'eventDate' | 'propertyChanges' | 'context' | 'remoteIp'>
  >;

/** The emulator's in-memory org (`emulator.org`): skills, queues, members, users and the rest, seeded from a number, read and changed by the emulated endpoints. */
export class OrgState {
  /** The seed the org was generated from: the same seed gives the same org. */
  readonly seed: number;
  /** The org's id and name (`GET /api/v2/organizations/me`). */
  organization: Organization;
  /** The division entities are created in by default. */
  homeDivision: Division;
  /** divisionId -> division. */
  readonly divisions = new Map<string, Division>();
  /** skillId -> routing skill. */
  readonly skills = new Map<string, SkillRecord>();
  /** queueId -> queue. */
  readonly queues = new Map<string, QueueRecord>();
  /** queueId -> userId -> membership. */
  readonly members = new Map<string, Map<string, MemberRecord>>();
  /** userId -> user. */
  readonly users = new Map<string, UserRecord>();
  /** userId -> skillId -> proficiency (0..5). */
  readonly userSkills = new Map<string, Map<string, number>>();
  /**
   * Emulator-only mapping queueId -> skillId: the skill conversations of that queue require. The real Queue
   * has no such field (skills are requested per conversation by flows); later analytics use it for consistency.
   */
  readonly queueSkill = new Map<string, string>();
  /**
   * Emulator-only mapping queueId -> the routing language its conversations request, and in what share of them.
   * The real Queue has no such field either: a flow sets the language per conversation, and analytics report it as
   * the ACD segments' `requestedLanguageId` (the conversation details and the aggregates' `requestedLanguageId`
   * dimension). A scenario marks queues here; tests may set it directly.
   */
  readonly queueLanguage = new Map<string, QueueLanguageDemand>();
  /** skillGroupId -> skill group. */
  readonly skillGroups = new Map<string, SkillGroupRecord>();
  /** Every successful mutation made through the API, oldest first. */
  readonly auditLog: AuditLogMessage[] = [];
  /** Org-wide utilization as the last PUT sent it; undefined = the system defaults. */
  orgUtilization: UtilizationRecord | undefined = undefined;
  /** Per-agent utilization (userId -> what the last PUT sent); absent = the agent follows the org. */
  readonly userUtilization = new Map<string, UtilizationRecord>();
  /**
   * Delay (ms of `now()`) before a bulk join/unjoin (PATCH …/members) takes effect. The platform applies it
   * asynchronously; 0 (default) applies it at once. Due batches are applied by the next membership read.
   */
  joinDelayMs = 0;
  /** Bulk joins accepted but not applied yet, oldest first. */
  readonly pendingJoins: PendingJoinBatch[] = [];
  /**
   * The org clock: timestamps of mutations, what analytics count as settled history, job and join delays.
   * The wall clock unless the emulator was started with `anchor` (see startClockAt); replace it to freeze time.
   */
  now: () => Date = () => new Date();
  /**
   * The UTC midnight that weeks of synthetic history are counted back from when `analytics.historyWeeks` is
   * 'independent' (the end of reproducibleHistoryWindow at the org clock's start; set by startEmulator).
   */
  historyWeeksFrom = 0;
  /** Emulated analytics: limits, async-job timing and synthetic traffic volume (traffic/config.ts). Mutable. */
  readonly analytics: AnalyticsSettings = defaultAnalyticsSettings();
  /** The scenario the org was started with (scenarios.ts): per-queue demand and an optional surge. Mutable. */
  readonly scenario: ScenarioDemand = defaultScenarioDemand();
  /** Emulated WFM API settings (workforce/model.ts). Mutable. */
  readonly workforce: WorkforceSettings = defaultWorkforceSettings();
  /** Results the emulated download service holds (token -> JSON body); see handlers/workforce/workforce-downloads.ts. */
  readonly downloads = new Map<string, unknown>();
  /** Separate stream from the seeding one, so ids of created entities are reproducible too. */
  private readonly ids: Random;

  /** Generates the org's identity from `seed`; the emulator then seeds its entities. */
  constructor(seed: number) {
    this.seed = seed;
    this.ids = new Random(deriveSeed(seed, 'runtime-ids'));
    const orgRng = new Random(deriveSeed(seed, 'org-identity'));
    this.organization = { id: orgRng.uuid(), name: `Emulated Org ${seed}` };
    this.homeDivision = { id: orgRng.uuid(), name: 'Home' };
    this.divisions.set(this.homeDivision.id, this.homeDivision);
  }

  /** A new entity id (a UUID drawn from the org's seed, so ids repeat run to run). */
  newId(): string {
    return this.ids.uuid();
  }

  /**
   * Starts the org clock (`now`) at `anchorMs`; it then advances with real time. Emulators started with the
   * same anchor see the same org time, whatever the wall clock says.
   */
  startClockAt(anchorMs: number): void {
    const startedAt = performance.now();
    this.now = () => new Date(anchorMs + Math.floor(performance.now() - startedAt));
  }

  /** The org clock now, as ISO-8601. */
  nowIso(): string {
    return this.now().toISOString();
  }

  /** A division by id, or the home division for an unknown id. */
  division(id: string): Division {
    return this.divisions.get(id) ?? this.homeDivision;
  }

  // ---- skills -------------------------------------------------------------------------------------

  /** Adds a routing skill (in the home division unless `divisionId` is given). */
  addSkill(input: { name: string; divisionId?: string; id?: string; dateModified?: string }): SkillRecord {
    const skill: SkillRecord = {
      id: input.id ?? this.newId(),
      name: input.name,
      divisionId: input.divisionId ?? this.homeDivision.id,
      dateModified: input.dateModified ?? this.nowIso(),
      state: 'active',
      version: 1,
    };
    this.skills.set(skill.id, skill);
    return skill;
  }

  /** Active skill with this name, compared case-insensitively (names are unique per org). */
  findSkillByName(name: string): SkillRecord | undefined {
    const wanted = name.trim().toLowerCase();
    for (const skill of this.skills.values()) {
      if (skill.state !== 'deleted' && skill.name.toLowerCase() === wanted) return skill;
    }
    return undefined;
  }

  /** A skill by id unless it is deleted. */
  activeSkill(id: string): SkillRecord | undefined {
    const skill = this.skills.get(id);
    return skill && skill.state !== 'deleted' ? skill : undefined;
  }

  /** Soft delete like the platform: state becomes 'deleted' and users lose the skill. */
  deleteSkill(id: string): void {
    const skill = this.skills.get(id);
    if (!skill) return;
    skill.state = 'deleted';
    skill.version += 1;
    skill.dateModified = this.nowIso();
    for (const skills of this.userSkills.values()) skills.delete(id);
  }

  // ---- users --------------------------------------------------------------------------------------

  /** Adds (or replaces) a user. */
  addUser(user: UserRecord): UserRecord {
    this.users.set(user.id, user);
    if (!this.userSkills.has(user.id)) this.userSkills.set(user.id, new Map());
    return user;
  }

  /** The skills a user holds: skill id -> proficiency (a live map). */
  skillsOf(userId: string): Map<string, number> {
    let skills = this.userSkills.get(userId);
    if (!skills) {
      skills = new Map();
      this.userSkills.set(userId, skills);
    }
    return skills;
  }

  /** Gives a user a skill at a proficiency (or changes it). */
  setUserSkill(userId: string, skillId: string, proficiency: number): void {
    this.skillsOf(userId).set(skillId, proficiency);
  }

  // ---- queues -------------------------------------------------------------------------------------

  /** Adds (or replaces) a queue, with the skill its traffic requires if given. */
  addQueue(queue: QueueRecord, requiredSkillId?: string): QueueRecord {
    this.queues.set(queue.id, queue);
    if (!this.members.has(queue.id)) this.members.set(queue.id, new Map());
    if (requiredSkillId) this.queueSkill.set(queue.id, requiredSkillId);
    return queue;
  }

  /** The members of a queue: user id -> member record (a live map). */
  membersOf(queueId: string): Map<string, MemberRecord> {
    let members = this.members.get(queueId);
    if (!members) {
      members = new Map();
      this.members.set(queueId, members);
    }
    return members;
  }

  /** Makes a user a member of a queue (ring 1, joined, by user unless `options` say otherwise). */
  addMember(queueId: string, userId: string, options: Partial<Omit<MemberRecord, 'userId'>> = {}): MemberRecord {
    const member: MemberRecord = {
      userId,
      ringNumber: options.ringNumber ?? 1,
      joined: options.joined ?? true,
      memberBy: options.memberBy ?? 'user',
    };
    this.membersOf(queueId).set(userId, member);
    this.emitChange({ type: 'member', queueId, userId });
    return member;
  }

  /** Queue ids the user is a member of. */
  queuesOf(userId: string): string[] {
    const out: string[] = [];
    for (const [queueId, members] of this.members) if (members.has(userId)) out.push(queueId);
    return out;
  }

  /**
   * Applies joined states like the platform's bulk PATCH: users who are not members are ignored. Audits one
   * `MemberUpdate` (property `joined`) when anything changed; returns the changes as `userId:joined|unjoined`.
   */
  applyJoins(queueId: string, items: ReadonlyArray<{ userId: string; joined: boolean }>, clientId: string): string[] {
    const queue = this.queues.get(queueId);
    const members = this.members.get(queueId);
    if (!queue || !members) return [];
    const changed: string[] = [];
    for (const { userId, joined } of items) {
      const member = members.get(userId);
      if (member && member.joined !== joined) {
        member.joined = joined;
        changed.push(`${userId}:${joined ? 'joined' : 'unjoined'}`);
      }
    }
    if (changed.length > 0) {
      this.recordAudit({
        action: 'MemberUpdate',
        entityType: 'Queue',
        entity: { id: queue.id, name: queue.name },
        propertyChanges: [{ property: 'joined', oldValues: [], newValues: changed }],
        client: { id: clientId },
      });
    }
    return changed;
  }

  /** Applies every pending bulk join that is due (in arrival order); returns how many batches were applied. */
  settleJoins(): number {
    const now = this.now().getTime();
    let applied = 0;
    while (this.pendingJoins.length > 0 && (this.pendingJoins[0] as PendingJoinBatch).applyAt <= now) {
      const batch = this.pendingJoins.shift() as PendingJoinBatch;
      this.applyJoins(batch.queueId, batch.items, batch.clientId);
      applied++;
    }
    return applied;
  }

  // ---- audit --------------------------------------------------------------------------------------

  /** Adds an audit entry (what the audit queries will find), filling in its id, org, date and service. */
  recordAudit(entry: NewAuditEntry): AuditLogMessage {
    const message: AuditLogMessage = {
      id: this.newId(),
      userHomeOrgId: this.organization.id,
      remoteIp: ['127.0.0.1'],
      serviceName: 'Routing',
      level: 'USER',
      status: 'SUCCESS',
      eventDate: this.nowIso(),
      propertyChanges: [],
      context: {},
      ...entry,
    };
    this.auditLog.push(message);
    this.emitChange({ type: 'audit', message });
    return message;
  }

  // ---- change feed (the notification service publishes from it) ---------------------------------------

  private readonly changeListeners = new Set<(change: OrgChange) => void>();

  /** Calls `listener` after each recorded audit, member added via addMember, or routing status set; returns an unsubscribe function. */
  onChange(listener: (change: OrgChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private emitChange(change: OrgChange): void {
    for (const listener of this.changeListeners) {
      try {
        listener(change);
      } catch {
        // A broken listener must not undo or fail the mutation that was already applied.
      }
    }
  }

  /** Sets a user's routing status (as the agent's client would) and notifies listeners. */
  setRoutingStatus(userId: string, status: RoutingStatusValue): UserRecord {
    const user = this.users.get(userId);
    if (!user) throw new Error(`setRoutingStatus: unknown user ${userId}`);
    user.routingStatus = { status, startTime: this.nowIso() };
    this.emitChange({ type: 'routingStatus', userId, routingStatus: user.routingStatus });
    return user;
  }

  /** Plain, JSON-friendly copy of the whole org (handy to compare two orgs or snapshot one). */
  toJSON(): Record<string, unknown> {
    const mapOfMaps = <V>(m: Map<string, Map<string, V>>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));
    return {
      seed: this.seed,
      organization: this.organization,
      divisions: [...this.divisions.values()],
      skills: [...this.skills.values()],
      queues: [...this.queues.values()],
      members: mapOfMaps(this.members),
      users: [...this.users.values()],
      userSkills: mapOfMaps(this.userSkills),
      queueSkill: Object.fromEntries(this.queueSkill),
      queueLanguage: Object.fromEntries(this.queueLanguage),
      skillGroups: [...this.skillGroups.values()],
      auditLog: this.auditLog,
    };
  }
}
