// Shapes shared by many platform models. Loose objects: unknown fields pass through untouched.
// Built lazily (see internal/lazy-zod.ts) so importing the SDK does not load zod.
import type { ZodType } from 'zod';
import { lazySchema, type Infer, type LazySchema } from '../../internal/lazy-zod.js';

export const EntityRefSchema = lazySchema((z) =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type EntityRef = Infer<typeof EntityRefSchema>;

/** Page-number listing envelope (`SkillEntityListing`, `QueueEntityListing`, ...). */
export function entityListing<S extends ZodType>(entity: LazySchema<S>) {
  return lazySchema((z) =>
    z.looseObject({
      entities: z.array(entity.schema).optional(),
      pageSize: z.number().optional(),
      pageNumber: z.number().optional(),
      total: z.number().optional(),
      pageCount: z.number().optional(),
      firstUri: z.string().optional(),
      selfUri: z.string().optional(),
      nextUri: z.string().optional(),
      previousUri: z.string().optional(),
      lastUri: z.string().optional(),
    }),
  );
}

export type EntityListing<T> = {
  entities?: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
  nextUri?: string;
  [key: string]: unknown;
};
