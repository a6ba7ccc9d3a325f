// client.routing: one lazily created object per resource group.
import type { Transport } from '../../transport/transport.js';
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

  constructor(private readonly transport: Transport) {}

  get skills(): SkillsResource {
    return (this.#skills ??= new SkillsResource(this.transport));
  }
  get queues(): QueuesResource {
    return (this.#queues ??= new QueuesResource(this.transport));
  }
  get members(): MembersResource {
    return (this.#members ??= new MembersResource(this.transport));
  }
  get userSkills(): UserSkillsResource {
    return (this.#userSkills ??= new UserSkillsResource(this.transport));
  }
  get users(): UsersResource {
    return (this.#users ??= new UsersResource(this.transport));
  }
  /** Agent capacity per media type, org-wide and per agent. */
  get utilization(): UtilizationResource {
    return (this.#utilization ??= new UtilizationResource(this.transport));
  }
}
