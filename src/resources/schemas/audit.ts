// Audit models (as in the official SDK purecloud-platform-client-v2), as loose zod/mini schemas. The public types are
// the named interfaces generated from the platform's definitions (../models/audit.ts); open string fields
// (serviceName, entityType, action, ...) keep their known values for autocompletion. models/schema-checks.ts checks
// each schema's output is assignable to its interface.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';

export type {
  AuditLogMessage,
  AuditPropertyChange,
  AuditQueryExecution,
  AuditServiceMapping,
} from '../models/audit.js';
import type {
  AuditAction,
  AuditEntityType,
  AuditLevel,
  AuditQueryState,
  AuditServiceName,
  AuditStatus,
} from '../audit/constants.js';

export const PropertyChangeSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    property: z.string(),
    oldValues: z.optional(z.array(z.string())),
    newValues: z.optional(z.array(z.string())),
  }),
);

export const EntityChangeSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    entityId: z.optional(z.string()),
    entityName: z.optional(z.string()),
    entityType: z.optional(z.string()),
    oldValues: z.optional(z.array(z.string())),
    newValues: z.optional(z.array(z.string())),
  }),
);

/** `AuditLogMessage`: one audited action. */
const open = <T extends string>() => z.custom<T>((v) => typeof v === 'string', 'expected a string');
const ref = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.string(), name: z.optional(z.string()), selfUri: z.optional(z.string()) }),
);
export const AuditLogMessageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    userHomeOrgId: z.optional(z.string()),
    user: z.optional(ref()),
    client: z.optional(ref()),
    remoteIp: z.optional(z.array(z.string())),
    serviceName: z.optional(open<AuditServiceName>()),
    level: z.optional(open<AuditLevel>()),
    eventDate: z.string(),
    /** `MessageInfo` in current models. */
    message: z.optional(
      z.looseObject({
        localizableMessageCode: z.optional(z.string()),
        message: z.optional(z.string()),
        messageWithParams: z.optional(z.string()),
        messageParams: z.optional(z.record(z.string(), z.string())),
      }),
    ),
    action: z.optional(open<AuditAction>()),
    entity: z.optional(ref()),
    entityType: z.optional(open<AuditEntityType>()),
    status: z.optional(open<AuditStatus>()),
    application: z.optional(z.string()),
    initiatingAction: z.optional(
      z.looseObject({ transactionId: z.optional(z.string()), actionContext: z.optional(z.string()) }),
    ),
    transactionInitiator: z.optional(z.boolean()),
    propertyChanges: z.optional(z.array(PropertyChangeSchema())),
    context: z.optional(z.record(z.string(), z.string())),
    entityChanges: z.optional(z.array(EntityChangeSchema())),
  }),
);

const FilterSortShapes = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    filters: z.optional(z.array(z.looseObject({ property: z.string(), value: z.string() }))),
    sort: z.optional(z.array(z.looseObject({ name: z.string(), sortOrder: z.string() }))),
  }),
);

/** `AuditQueryExecutionStatusResponse`: an async query and its state. */
export const AuditQueryExecutionSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(FilterSortShapes(), {
    id: z.string(),
    state: z.custom<AuditQueryState>((v) => typeof v === 'string', 'expected a string'),
    startDate: z.optional(z.string()),
    interval: z.optional(z.string()),
    serviceName: z.optional(z.string()),
  }),
);

/** `AuditQueryExecutionResultsResponse`: one cursor page of an async query's results. */
export const AuditQueryResultsPageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    pageSize: z.optional(z.number()),
    cursor: z.optional(z.string()),
    entities: z.optional(z.array(AuditLogMessageSchema())),
  }),
);

/** `AuditRealtimeQueryResultsResponse`: one page of a realtime query. */
export const AuditRealtimePageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    entities: z.optional(z.array(AuditLogMessageSchema())),
    pageSize: z.optional(z.number()),
    pageNumber: z.optional(z.number()),
    total: z.optional(z.number()),
    pageCount: z.optional(z.number()),
  }),
);

/** `AuditRealtimeRelatedResultsResponse`. */
export const AuditRelatedResultsSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(AuditLogMessageSchema())) }),
);

/** `AuditQueryServiceMapping`: valid serviceName / entityType / action combinations. */
export const AuditServiceMappingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    services: z.optional(
      z.array(
        z.looseObject({
          name: z.string(),
          entities: z.optional(z.array(z.looseObject({ name: z.string(), actions: z.optional(z.array(z.string())) }))),
        }),
      ),
    ),
  }),
);
