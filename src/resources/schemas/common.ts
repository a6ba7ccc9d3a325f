// Shapes shared by many platform models. Loose objects: unknown fields pass through untouched.
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';

export const EntityRefSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type EntityRef = Infer<typeof EntityRefSchema>;

/** Page-number listing envelope (`SkillEntityListing`, `QueueEntityListing`, ...). */
export function entityListing<S extends z.ZodType>(entity: S) {
  return z.lazy(() =>
    z.looseObject({
      entities: z.array(entity).optional(),
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
