// genesys-routing-sdk: the client, typed errors and guards, the Paginator, and public types.
export { GenesysClient, type RawRequest } from './client.js';
export { ClientOptionsSchema, type ClientOptions, type ValidationMode } from './config.js';
export { REGIONS, regionBaseUrls, type Region, type RegionName, type RegionDomain } from './regions.js';
export * from './errors.js';
export type * from './events.js';
export { Paginator, type Page, type ToArrayOptions } from './transport/paginator.js';
export type { ListOptions } from './transport/paging-strategies.js';
export type { CallOptions, HttpMethod, QueryValue } from './transport/operation.js';
export type { TransportResponse } from './transport/transport.js';
export { MemoryTokenStore, type TokenStore, type StoredToken } from './transport/token-store.js';
export type { Logger } from './transport/log.js';
export type { SharedQuota, QuotaGate, QuotaContext, QuotaTicket } from './transport/quota.js';
export * from './resources/index.js';
export * from './workflows/index.js';
export { renderReport, staffingFromHistory, type ReportInput, type StaffingReport, type StaffingRow, type StaffingFromHistoryOptions, type StaffingFromHistoryResult } from './report/index.js';
