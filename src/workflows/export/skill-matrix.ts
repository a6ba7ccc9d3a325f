// WFM export: the skill matrix (user x skill -> proficiency), streamed as CSV, a JSON array or JSON lines.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GenesysClient } from '../../client/client.js';
import { ValidationError } from '../../errors/index.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';

/** Output format of `exportSkillMatrix`: CSV, one JSON array, or JSON lines. */
export type ExportFormat = 'csv' | 'json' | 'jsonl';

/** One row of the skill matrix: a user holding a skill at a proficiency. */
export interface SkillMatrixRow {
  /** User id. */
  userId: string;
  /** The user's name. */
  userName: string;
  /** The user's email address (empty when the platform gives none). */
  email: string;
  /** Routing skill id. */
  skillId: string;
  /** The skill's name. */
  skillName: string;
  /** Proficiency 0..5. */
  proficiency: number;
}

/** Options of `exportSkillMatrix`. */
export interface ExportOptions {
  /** Output format. */
  format: ExportFormat;
  /** Only these users (fetched in batches of 100 ids). Default: every active user. */
  userIds?: string[];
  /** Stops the work: the call rejects and no further request is sent. */
  signal?: AbortSignal;
}

const ExportOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<ExportOptions>({ format: true, userIds: z.optional(z.array(z.string())), signal: optionalSignal() }))();

/** What `exportSkillMatrix` wrote (its `summary` promise; `sendExportSummary` sends it as a webhook). */
export interface ExportSummary {
  /** The format written: `csv`, `json` or `jsonl`. */
  format: ExportFormat;
  /** Users read. */
  users: number;
  /** Rows written (one per user and skill). */
  rows: number;
  /** Distinct skills in the rows. */
  skills: number;
  /** ISO time the export finished. */
  generatedAt: string;
  /** The API base URL of the org exported. */
  org: string;
}

/**
 * Streams the skill matrix page by page (memory stays flat for large orgs). Each yielded string is a chunk
 * of the output; `summary` resolves when the stream is done.
 * @example
 * const { chunks, summary } = exportSkillMatrix(client, { format: 'csv' });
 * await pipeline(Readable.from(chunks), createWriteStream('skills.csv'));
 * console.log(await summary);
 */
export function exportSkillMatrix(
  client: GenesysClient,
  options: ExportOptions,
): { chunks: AsyncIterable<string>; summary: Promise<ExportSummary> } {
  parseOptions('exportSkillMatrix', ExportOptionsSchema, options);
  if (!['csv', 'json', 'jsonl'].includes(options.format)) {
    throw new ValidationError('exportSkillMatrix', [{ path: 'format', message: "must be 'csv', 'json' or 'jsonl'" }]);
  }
  let resolveSummary!: (s: ExportSummary) => void;
  let rejectSummary!: (e: unknown) => void;
  const summary = new Promise<ExportSummary>((res, rej) => ((resolveSummary = res), (rejectSummary = rej)));
  summary.catch(() => undefined); // the iterator also throws; avoid an unhandled rejection when nobody awaits summary

  async function* guarded(): AsyncGenerator<string> {
    try {
      yield* skillMatrixChunks(client, options, resolveSummary);
    } catch (error) {
      rejectSummary(error);
      throw error;
    }
  }
  return { chunks: guarded(), summary };
}

/** Writes the export to a file and returns its summary. */
export async function writeSkillMatrix(
  client: GenesysClient,
  path: string,
  options: ExportOptions,
): Promise<ExportSummary & { path: string }> {
  const { chunks, summary } = exportSkillMatrix(client, options);
  await pipeline(Readable.from(chunks), createWriteStream(path));
  return { ...(await summary), path };
}

const CSV_COLUMNS: (keyof SkillMatrixRow)[] = ['userId', 'userName', 'email', 'skillId', 'skillName', 'proficiency'];

/** RFC 4180 quoting; also neutralizes spreadsheet formulas (=, +, -, @) in text cells. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The export's chunks, page by page; calls `done` with the summary after the last one. */
export async function* skillMatrixChunks(
  client: GenesysClient,
  options: ExportOptions,
  done: (summary: ExportSummary) => void,
): AsyncGenerator<string> {
  const { format, signal } = options;
  const skillNames = new Map<string, string>();
  for await (const s of client.routing.skills.list({ pageSize: 100, signal })) skillNames.set(s.id, s.name);
  let users = 0;
  let rows = 0;
  const skillsSeen = new Set<string>();
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`;
  if (format === 'json') yield '[';
  const batches = options.userIds ? chunkIds(options.userIds) : [undefined];
  for (const ids of batches) {
    for await (const page of client.routing.users.list({ pageSize: 100, ids, expand: ['skills'], signal }).pages()) {
      let out = '';
      for (const user of page.items) {
        users++;
        for (const s of user.skills ?? []) {
          const row: SkillMatrixRow = {
            userId: user.id,
            userName: user.name ?? '',
            email: user.email ?? '',
            skillId: s.id,
            skillName: s.name ?? skillNames.get(s.id) ?? '',
            proficiency: s.proficiency ?? 0,
          };
          skillsSeen.add(s.id);
          if (format === 'csv') out += `${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
          else if (format === 'jsonl') out += `${JSON.stringify(row)}\n`;
          else out += `${rows === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
          rows++;
        }
      }
      if (out) yield out;
      client.emit('progress', { operation: 'exportSkillMatrix', unit: 'users', done: users, total: page.total });
    }
  }
  if (format === 'json') yield rows === 0 ? ']\n' : '\n]\n';
  done({
    format,
    users,
    rows,
    skills: skillsSeen.size,
    generatedAt: new Date().toISOString(),
    org: client.org.apiBaseUrl,
  });
}

function chunkIds(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) out.push(ids.slice(i, i + 100));
  return out;
}
