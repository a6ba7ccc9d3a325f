// Shapes shared by many platform models. Loose objects: unknown fields pass through untouched.
import { z } from 'zod';

export const EntityRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  selfUri: z.string().optional(),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

/** Page-number listing envelope (`SkillEntityListing`, `QueueEntityListing`, ...). */
export function entityListing<T extends z.ZodType>(entity: T) {
  return z.looseObject({
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
  });
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
