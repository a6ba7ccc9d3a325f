// client.routing: one lazily created object per resource group.
import type { ClientCore } from '../core/client-core.js';
import { MembersResource } from './members.js';
import { QueuesResource } from './queues.js';
import { SkillsResource } from './skills.js';
import { UserSkillsResource } from './user-skills.js';
import { UsersResource } from './users.js';
import { UtilizationResource } from './utilization.js';

export class RoutingApi {
  #skills?: SkillsResource;
  #queues?: QueuesResource;
  #members?: MembersResource;
  #userSkills?: UserSkillsResource;
  #users?: UsersResource;
  #utilization?: UtilizationResource;

  constructor(private readonly client: ClientCore) {}

  get skills(): SkillsResource {
    return (this.#skills ??= new SkillsResource(this.client));
  }
  get queues(): QueuesResource {
    return (this.#queues ??= new QueuesResource(this.client));
  }
  get members(): MembersResource {
    return (this.#members ??= new MembersResource(this.client));
  }
  get userSkills(): UserSkillsResource {
    return (this.#userSkills ??= new UserSkillsResource(this.client));
  }
  get users(): UsersResource {
    return (this.#users ??= new UsersResource(this.client));
  }
  /** Agent capacity per media type, org-wide and per agent. */
  get utilization(): UtilizationResource {
    return (this.#utilization ??= new UtilizationResource(this.client));
  }
}
