// How each snapshot section is keyed, labelled and addressed in a drift report: one line per resource.
import type { DriftSection } from './drift-schemas.js';

export type Entity = Record<string, unknown>;

export interface SectionSpec {
  primary(e: Entity): string | undefined;
  fallback(e: Entity): string | undefined;
  /** JSONPath filter selecting the entity, by id or by name. */
  filter(e: Entity, by: 'id' | 'name'): string;
  label(e: Entity): string;
  /** Identity fields: not compared (they differ across orgs when matched by name). */
  identity: readonly string[];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A JSONPath string literal. */
export const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pair = (x: string | undefined, y: string | undefined): string | undefined =>
  x === undefined || y === undefined ? undefined : JSON.stringify([x, y]);

/** A top-level entity (queue, skill, language...): keyed by `id`, or by `name` across orgs. */
function simple(kind: string): SectionSpec {
  return {
    primary: (e) => str(e.id),
    fallback: (e) => str(e.name),
    filter: (e, by) => `[?(@.${by}==${quote(str(e[by]) ?? '')})]`,
    label: (e) => `${kind} ${str(e.name) ?? str(e.id) ?? '?'}`,
    identity: ['id'],
  };
}

/** An entity inside a parent (a queue's member, a user's skill): keyed by parent and own id, or both names. */
function nested(
  kind: string,
  parent: 'queue' | 'user' | 'skillGroup',
  extraIdentity: readonly string[] = [],
): SectionSpec {
  const [parentId, parentName] = [`${parent}Id`, `${parent}Name`] as const;
  const parentLabel = parent === 'skillGroup' ? 'skill group' : parent;
  return {
    primary: (e) => pair(str(e[parentId]), str(e.id)),
    fallback: (e) => pair(str(e[parentName]), str(e.name)),
    filter: (e, by) => {
      const parentKey = by === 'id' ? parentId : parentName;
      return `[?(@.${parentKey}==${quote(str(e[parentKey]) ?? '')} && @.${by}==${quote(str(e[by]) ?? '')})]`;
    },
    label: (e) =>
      `${kind} ${str(e.name) ?? str(e.id) ?? '?'} of ${parentLabel} ${str(e[parentName]) ?? str(e[parentId]) ?? '?'}`,
    identity: ['id', parentId, ...extraIdentity],
  };
}

// Built on first use: the optimizer entry loads this module whether or not drift is used.
let sections: Record<DriftSection, SectionSpec> | undefined;
export function sectionSpecs(): Record<DriftSection, SectionSpec> {
  return (sections ??= {
    queues: simple('queue'),
    skills: simple('skill'),
    languages: simple('language'),
    skillGroups: simple('skill group'),
    wrapupCodes: simple('wrap-up code'),
    members: nested('member', 'queue', ['user']),
    userSkills: nested('skill', 'user'),
    userLanguages: nested('language', 'user'),
    skillGroupMembers: nested('member', 'skillGroup'),
    queueWrapupCodes: nested('wrap-up code', 'queue'),
  });
}
