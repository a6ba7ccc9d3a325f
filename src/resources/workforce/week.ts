// Week ids of the WFM API: the first day of a business-unit week as yyyy-MM-dd (or 'recent' where a list allows it).
import { ValidationError } from '../../errors/index.js';

/** Checks a week id; a Date becomes its UTC yyyy-MM-dd. */
export function weekId(context: string, name: string, value: unknown, allowRecent = false): string {
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && (/^\d{4}-\d{2}-\d{2}$/.test(value) || (allowRecent && value === 'recent')))
    return value;
  const expected = `a week start date as yyyy-MM-dd${allowRecent ? " or 'recent'" : ''}`;
  throw new ValidationError(context, [
    { path: name, message: `must be ${expected}, received ${JSON.stringify(value)}` },
  ]);
}
