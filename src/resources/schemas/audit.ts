// Audit models (as in the official SDK purecloud-platform-client-v2), as loose zod/mini schemas; exported types are inferred from them. Open
// string fields (serviceName, entityType, action, ...) keep their known values for autocompletion.
import * as z from 'zod/mini';
import type {
  AuditAction,
  AuditEntityType,
  AuditLevel,
  AuditQueryState,
  AuditServiceName,
  AuditStatus,
} from '../audit/constants.js';

const PropertyChangeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    property: z.string(),
    oldValues: z.optional(z.array(z.string())),
    newValues: z.optional(z.array(z.string())),
  }))();
/** One changed property of an audited entity: its old and new values. */
export type AuditPropertyChange = z.infer<typeof PropertyChangeSchema>;

const EntityChangeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    entityId: z.optional(z.string()),
    entityName: z.optional(z.string()),
    entityType: z.optional(z.string()),
    oldValues: z.optional(z.array(z.string())),
    newValues: z.optional(z.array(z.string())),
  }))();

/** `AuditLogMessage`: one audited action. */
const open = <T extends string>() => z.custom<T>((v) => typeof v === 'string', 'expected a string');
const ref = /* @__PURE__ */ (() =>
  z.looseObject({ id: z.string(), name: z.optional(z.string()), selfUri: z.optional(z.string()) }))();
export const AuditLogMessageSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.string(),
    userHomeOrgId: z.optional(z.string()),
    user: z.optional(ref),
    client: z.optional(ref),
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
    entity: z.optional(ref),
    entityType: z.optional(open<AuditEntityType>()),
    status: z.optional(open<AuditStatus>()),
    application: z.optional(z.string()),
    initiatingAction: z.optional(
      z.looseObject({ transactionId: z.optional(z.string()), actionContext: z.optional(z.string()) }),
    ),
    transactionInitiator: z.optional(z.boolean()),
    propertyChanges: z.optional(z.array(PropertyChangeSchema)),
    context: z.optional(z.record(z.string(), z.string())),
    entityChanges: z.optional(z.array(EntityChangeSchema)),
  }))();
/** One audit log entry: who did what to which entity, when, with its property changes. */
export type AuditLogMessage = z.infer<typeof AuditLogMessageSchema>;

const FilterSortShapes = /* @__PURE__ */ (() =>
  z.looseObject({
    filters: z.optional(z.array(z.looseObject({ property: z.string(), value: z.string() }))),
    sort: z.optional(z.array(z.looseObject({ name: z.string(), sortOrder: z.string() }))),
  }))();

/** `AuditQueryExecutionStatusResponse`: an async query and its state. */
export const AuditQueryExecutionSchema = /* @__PURE__ */ (() =>
  z.extend(FilterSortShapes, {
    id: z.string(),
    state: z.custom<AuditQueryState>((v) => typeof v === 'string', 'expected a string'),
    startDate: z.optional(z.string()),
    interval: z.optional(z.string()),
    serviceName: z.optional(z.string()),
  }))();
/** `AuditQueryExecutionStatusResponse`: an async query and its state. */
export type AuditQueryExecution = z.infer<typeof AuditQueryExecutionSchema>;

/** `AuditQueryExecutionResultsResponse`: one cursor page of an async query's results. */
export const AuditQueryResultsPageSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.optional(z.string()),
    pageSize: z.optional(z.number()),
    cursor: z.optional(z.string()),
    entities: z.optional(z.array(AuditLogMessageSchema)),
  }))();

/** `AuditRealtimeQueryResultsResponse`: one page of a realtime query. */
export const AuditRealtimePageSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    entities: z.optional(z.array(AuditLogMessageSchema)),
    pageSize: z.optional(z.number()),
    pageNumber: z.optional(z.number()),
    total: z.optional(z.number()),
    pageCount: z.optional(z.number()),
  }))();

/** `AuditRealtimeRelatedResultsResponse`. */
export const AuditRelatedResultsSchema = /* @__PURE__ */ (() =>
  z.looseObject({ entities: z.optional(z.array(AuditLogMessageSchema)) }))();

/** `AuditQueryServiceMapping`: valid serviceName / entityType / action combinations. */
export const AuditServiceMappingSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    services: z.optional(
      z.array(
        z.looseObject({
          name: z.string(),
          entities: z.optional(z.array(z.looseObject({ name: z.string(), actions: z.optional(z.array(z.string())) }))),
        }),
      ),
    ),
  }))();
/** `AuditQueryServiceMapping`: valid serviceName / entityType / action combinations. */
export type AuditServiceMapping = z.infer<typeof AuditServiceMappingSchema>;
