// The audit endpoints (`/api/v2/audits/query...`) as operations. Queries have no side effects, so every POST here
// is safe to repeat after an ambiguous failure.
import type { Operation } from '../../transport/operation.js';
import {
  AuditQueryExecutionSchema,
  AuditQueryResultsPageSchema,
  AuditRealtimePageSchema,
  AuditRelatedResultsSchema,
  AuditServiceMappingSchema,
  type AuditLogMessage,
  type AuditQueryExecution,
  type AuditServiceMapping,
} from '../schemas/audit.js';

export const realtimeOp: Operation = {
  id: 'audit.realtime',
  method: 'POST',
  path: '/api/v2/audits/query/realtime',
  idempotent: true,
  schema: AuditRealtimePageSchema,
};

export const relatedOp: Operation<{ entities?: AuditLogMessage[] }> = {
  id: 'audit.related',
  method: 'POST',
  path: '/api/v2/audits/query/realtime/related',
  idempotent: true,
  schema: AuditRelatedResultsSchema,
};

export const submitOp: Operation<AuditQueryExecution> = {
  id: 'audit.query.submit',
  method: 'POST',
  path: '/api/v2/audits/query',
  idempotent: true,
  schema: AuditQueryExecutionSchema,
};

export const statusOp: Operation<AuditQueryExecution> = {
  id: 'audit.query.status',
  method: 'GET',
  path: '/api/v2/audits/query/{transactionId}',
  schema: AuditQueryExecutionSchema,
};

export const resultsOp: Operation = {
  id: 'audit.query.results',
  method: 'GET',
  path: '/api/v2/audits/query/{transactionId}/results',
  schema: AuditQueryResultsPageSchema,
};

export const serviceMappingOp: Operation<AuditServiceMapping> = {
  id: 'audit.serviceMapping',
  method: 'GET',
  path: '/api/v2/audits/query/servicemapping',
  schema: AuditServiceMappingSchema,
};

export const realtimeServiceMappingOp: Operation<AuditServiceMapping> = {
  id: 'audit.realtimeServiceMapping',
  method: 'GET',
  path: '/api/v2/audits/query/realtime/servicemapping',
  schema: AuditServiceMappingSchema,
};
