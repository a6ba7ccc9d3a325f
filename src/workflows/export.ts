// WFM export: the skill matrix (user x skill -> proficiency), streamed as CSV, a JSON array or JSON lines.
// The reading and formatting are in export-run.ts, loaded when the stream is first read.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GenesysClient } from '../client.js';
import { ValidationError } from '../errors.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

export interface SkillMatrixRow {
  userId: string;
  userName: string;
  email: string;
  skillId: string;
  skillName: string;
  proficiency: number;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Only these users (fetched in batches of 100 ids). Default: every active user. */
  userIds?: string[];
  signal?: AbortSignal;
}

export interface ExportSummary {
  format: ExportFormat;
  users: number;
  rows: number;
  skills: number;
  generatedAt: string;
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
export function exportSkillMatrix(client: GenesysClient, options: ExportOptions): { chunks: AsyncIterable<string>; summary: Promise<ExportSummary> } {
  if (!['csv', 'json', 'jsonl'].includes(options.format)) {
    throw new ValidationError('exportSkillMatrix', [{ path: 'format', message: "must be 'csv', 'json' or 'jsonl'" }]);
  }
  let resolveSummary!: (s: ExportSummary) => void;
  let rejectSummary!: (e: unknown) => void;
  const summary = new Promise<ExportSummary>((res, rej) => ((resolveSummary = res), (rejectSummary = rej)));
  summary.catch(() => undefined); // the iterator also throws; avoid an unhandled rejection when nobody awaits summary

  async function* guarded(): AsyncGenerator<string> {
    try {
      const run = await import('./run.js');
      yield* run.skillMatrixChunks(client, options, resolveSummary);
    } catch (error) {
      rejectSummary(error);
      throw error;
    }
  }
  return { chunks: guarded(), summary };
}

/** Writes the export to a file and returns its summary. */
export async function writeSkillMatrix(client: GenesysClient, path: string, options: ExportOptions): Promise<ExportSummary & { path: string }> {
  const { chunks, summary } = exportSkillMatrix(client, options);
  await pipeline(Readable.from(chunks), createWriteStream(path));
  return { ...(await summary), path };
}
