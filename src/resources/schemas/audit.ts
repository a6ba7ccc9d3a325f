// Audit models (as in the official SDK purecloud-platform-client-v2), as loose schemas (the checker in internal/shape.ts); exported types are inferred from them. Open
// string fields (serviceName, entityType, action, ...) keep their known values for autocompletion.
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';
import type { AuditAction, AuditEntityType, AuditLevel, AuditQueryState, AuditServiceName, AuditStatus } from '../audit/constants.js';

const PropertyChangeSchema = z.lazy(() =>
  z.looseObject({
    property: z.string(),
    oldValues: z.array(z.string()).optional(),
    newValues: z.array(z.string()).optional(),
  }),
);
export type AuditPropertyChange = Infer<typeof PropertyChangeSchema>;

const EntityChangeSchema = z.lazy(() =>
  z.looseObject({
    entityId: z.string().optional(),
    entityName: z.string().optional(),
    entityType: z.string().optional(),
    oldValues: z.array(z.string()).optional(),
    newValues: z.array(z.string()).optional(),
  }),
);

/** `AuditLogMessage`: one audited action. */
export const AuditLogMessageSchema = z.lazy(() => {
  const open = <T extends string>() => z.custom<T>((v) => typeof v === 'string', 'expected a string');
  const ref = z.looseObject({ id: z.string(), name: z.string().optional(), selfUri: z.string().optional() });
  return z.looseObject({
    id: z.string(),
    userHomeOrgId: z.string().optional(),
    user: ref.optional(),
    client: ref.optional(),
    remoteIp: z.array(z.string()).optional(),
    serviceName: open<AuditServiceName>().optional(),
    level: open<AuditLevel>().optional(),
    eventDate: z.string(),
    /** `MessageInfo` in current models. */
    message: z
      .looseObject({
        localizableMessageCode: z.string().optional(),
        message: z.string().optional(),
        messageWithParams: z.string().optional(),
        messageParams: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    action: open<AuditAction>().optional(),
    entity: ref.optional(),
    entityType: open<AuditEntityType>().optional(),
    status: open<AuditStatus>().optional(),
    application: z.string().optional(),
    initiatingAction: z.looseObject({ transactionId: z.string().optional(), actionContext: z.string().optional() }).optional(),
    transactionInitiator: z.boolean().optional(),
    propertyChanges: z.array(PropertyChangeSchema).optional(),
    context: z.record(z.string(), z.string()).optional(),
    entityChanges: z.array(EntityChangeSchema).optional(),
  });
});
export type AuditLogMessage = Infer<typeof AuditLogMessageSchema>;

const FilterSortShapes = z.lazy(() =>
  z.looseObject({
    filters: z.array(z.looseObject({ property: z.string(), value: z.string() })).optional(),
    sort: z.array(z.looseObject({ name: z.string(), sortOrder: z.string() })).optional(),
  }),
);

/** `AuditQueryExecutionStatusResponse`: an async query and its state. */
export const AuditQueryExecutionSchema = z.lazy(() =>
  FilterSortShapes.inner.extend({
    id: z.string(),
    state: z.custom<AuditQueryState>((v) => typeof v === 'string', 'expected a string'),
    startDate: z.string().optional(),
    interval: z.string().optional(),
    serviceName: z.string().optional(),
  }),
);
export type AuditQueryExecution = Infer<typeof AuditQueryExecutionSchema>;

/** `AuditQueryExecutionResultsResponse`: one cursor page of an async query's results. */
export const AuditQueryResultsPageSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    pageSize: z.number().optional(),
    cursor: z.string().optional(),
    entities: z.array(AuditLogMessageSchema).optional(),
  }),
);

/** `AuditRealtimeQueryResultsResponse`: one page of a realtime query. */
export const AuditRealtimePageSchema = z.lazy(() =>
  z.looseObject({
    entities: z.array(AuditLogMessageSchema).optional(),
    pageSize: z.number().optional(),
    pageNumber: z.number().optional(),
    total: z.number().optional(),
    pageCount: z.number().optional(),
  }),
);

/** `AuditRealtimeRelatedResultsResponse`. */
export const AuditRelatedResultsSchema = z.lazy(() => z.looseObject({ entities: z.array(AuditLogMessageSchema).optional() }));

/** `AuditQueryServiceMapping`: valid serviceName / entityType / action combinations. */
export const AuditServiceMappingSchema = z.lazy(() =>
  z.looseObject({
    services: z
      .array(
        z.looseObject({
          name: z.string(),
          entities: z.array(z.looseObject({ name: z.string(), actions: z.array(z.string()).optional() })).optional(),
        }),
      )
      .optional(),
  }),
);
export type AuditServiceMapping = Infer<typeof AuditServiceMappingSchema>;
