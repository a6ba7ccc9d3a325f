// Shapes shared by many platform models. Loose objects: unknown fields pass through untouched.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';

export const EntityRefSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
/** A reference to another entity: its id, and its name where the platform includes it. */
export interface EntityRef {
  /** The entity id. */
  id: string;
  /** Its name, where the platform includes it. */
  name?: string | undefined;
  /** Its URI. */
  selfUri?: string | undefined;
}

/**
 * Page-number listing envelope (`SkillEntityListing`, `QueueEntityListing`, ...). The platform always sends
 * `entities` (`[]` on an empty page): a page without it is not the API's answer.
 */
export function entityListing<S extends z.ZodMiniType>(entity: S) {
  return z.looseObject({
    entities: z.array(entity),
    pageSize: z.optional(z.number()),
    pageNumber: z.optional(z.number()),
    total: z.optional(z.number()),
    pageCount: z.optional(z.number()),
    firstUri: z.optional(z.string()),
    selfUri: z.optional(z.string()),
    nextUri: z.optional(z.string()),
    previousUri: z.optional(z.string()),
    lastUri: z.optional(z.string()),
  });
}

/** One page of a `pageNumber`-paged listing, as the platform returns it. */
export type EntityListing<T> = {
  /** The entities of this page. */
  entities?: T[];
  /** Entities per page. */
  pageSize?: number;
  /** This page's number (1-based). */
  pageNumber?: number;
  /** How many entities there are, in all pages. */
  total?: number;
  /** How many pages there are. */
  pageCount?: number;
  /** The URI of the next page (absent on the last page). */
  nextUri?: string;
};
