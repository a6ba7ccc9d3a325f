// The resource contract: ApiPromise, the client core and the Resource base.
export { ApiPromise, type ApiResponse } from './api-promise.js';
export type { ClientCore, ClientRequest, OrgInfo, PagingStyle } from './client-core.js';
export { Resource, runRecorded } from './resource.js';
