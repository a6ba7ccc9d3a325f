// client.routing: one lazily created object per resource group.
import type { ClientCore } from '../core/client-core.js';
import { LanguagesResource, UserLanguagesResource } from './languages.js';
import { MembersResource } from './members/members.js';
import { QueuesResource } from './queues.js';
import { SkillGroupsResource } from './skill-groups.js';
import { SkillsResource } from './skills.js';
import { UserSkillsResource } from './users/user-skills.js';
import { UsersResource } from './users/users.js';
import { UtilizationResource } from './utilization.js';
import { QueueWrapupCodesResource, WrapupCodesResource } from './wrapup-codes.js';

/**
 * `client.routing`: queues, skills, members, user skills, users, utilization, languages, skill groups and wrap-up
 * codes.
 */
export class RoutingApi {
  #skills?: SkillsResource;
  #queues?: QueuesResource;
  #members?: MembersResource;
  #userSkills?: UserSkillsResource;
  #users?: UsersResource;
  #utilization?: UtilizationResource;
  #languages?: LanguagesResource;
  #userLanguages?: UserLanguagesResource;
  #skillGroups?: SkillGroupsResource;
  #wrapupCodes?: WrapupCodesResource;
  #queueWrapupCodes?: QueueWrapupCodesResource;

  /** Created by the client as `client.routing`. */
  constructor(private readonly client: ClientCore) {}

  /** Routing skills of the org: `list`, `get`, `create`, `moveToDivision`, `delete`. */
  get skills(): SkillsResource {
    return (this.#skills ??= new SkillsResource(this.client));
  }
  /** Queues: `list`, `get`, `create`, `update`, `delete`, `estimatedWaitTime`. */
  get queues(): QueuesResource {
    return (this.#queues ??= new QueuesResource(this.client));
  }
  /** Queue members: `list`, `add`, `remove`, `setJoined`, `setRingNumber`. */
  get members(): MembersResource {
    return (this.#members ??= new MembersResource(this.client));
  }
  /** The routing skills users hold, and their proficiency (0..5). */
  get userSkills(): UserSkillsResource {
    return (this.#userSkills ??= new UserSkillsResource(this.client));
  }
  /** Users with their skills, search, routing status, presence and queues (also `client.users`). */
  get users(): UsersResource {
    return (this.#users ??= new UsersResource(this.client));
  }
  /** Agent capacity per media type, org-wide and per agent. */
  get utilization(): UtilizationResource {
    return (this.#utilization ??= new UtilizationResource(this.client));
  }
  /** Routing languages of the org: `list`, `get`, `create`, `delete`. */
  get languages(): LanguagesResource {
    return (this.#languages ??= new LanguagesResource(this.client));
  }
  /** The languages users hold: `list`, `add`, `setProficiency`, `patchBulk`, `replaceAll`, `remove`. */
  get userLanguages(): UserLanguagesResource {
    return (this.#userLanguages ??= new UserLanguagesResource(this.client));
  }
  /** Skill groups: CRUD, `members`, `memberDivisions`. */
  get skillGroups(): SkillGroupsResource {
    return (this.#skillGroups ??= new SkillGroupsResource(this.client));
  }
  /** Wrap-up codes of the org: `list`, `get`, `create`, `update`, `delete`. */
  get wrapupCodes(): WrapupCodesResource {
    return (this.#wrapupCodes ??= new WrapupCodesResource(this.client));
  }
  /** The wrap-up codes of a queue: `list`, `add`, `remove`. */
  get queueWrapupCodes(): QueueWrapupCodesResource {
    return (this.#queueWrapupCodes ??= new QueueWrapupCodesResource(this.client));
  }
}
