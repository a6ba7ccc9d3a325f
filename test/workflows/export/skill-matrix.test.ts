import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSkillMatrix, writeSkillMatrix } from '../../../src/workflows/export/skill-matrix.js';
import { clientFor, emulator } from '../../transport/helpers.js';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}

describe('exportSkillMatrix', () => {
  it('CSV has a header and one row per user skill, matching the org', async () => {
    const emu = await emulator();
    const { chunks, summary } = exportSkillMatrix(clientFor(emu), { format: 'csv' });
    const text = await collect(chunks);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('userId,userName,email,skillId,skillName,proficiency');
    const active = [...emu.state.users.values()].filter((u) => u.state === 'active');
    const expectedRows = active.reduce((n, u) => n + emu.state.skillsOf(u.id).size, 0);
    expect(lines).toHaveLength(expectedRows + 1);
    const s = await summary;
    expect(s.rows).toBe(expectedRows);
    expect(s.users).toBe(active.length);
    const [userId, , , skillId, , proficiency] = lines[1]!.split(',');
    expect(emu.state.skillsOf(userId!).get(skillId!)).toBe(Number(proficiency));
  });

  it('JSON is one valid array; JSONL one object per line; both agree with CSV', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const json = JSON.parse(await collect(exportSkillMatrix(client, { format: 'json' }).chunks)) as unknown[];
    const jsonl = (await collect(exportSkillMatrix(client, { format: 'jsonl' }).chunks))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(json).toEqual(jsonl);
    expect(json.length).toBeGreaterThan(0);
  });

  it('exports only the given users and writes a file', async () => {
    const emu = await emulator();
    const ids = [...emu.state.users.values()]
      .filter((u) => u.state === 'active')
      .slice(0, 3)
      .map((u) => u.id);
    const path = join(mkdtempSync(join(tmpdir(), 'grsdk-export-')), 'skills.csv');
    const result = await writeSkillMatrix(clientFor(emu), path, { format: 'csv', userIds: ids });
    const rows = readFileSync(path, 'utf8').trimEnd().split('\n').slice(1);
    expect(new Set(rows.map((r) => r.split(',')[0]))).toEqual(
      new Set(ids.filter((id) => emu.state.skillsOf(id).size > 0)),
    );
    expect(result.rows).toBe(rows.length);
  });

  it('neutralizes spreadsheet formulas and quotes commas in CSV cells', async () => {
    const emu = await emulator();
    const user = [...emu.state.users.values()].find((u) => u.state === 'active' && emu.state.skillsOf(u.id).size > 0)!;
    user.name = '=HYPERLINK("x"),evil';
    const text = await collect(exportSkillMatrix(clientFor(emu), { format: 'csv', userIds: [user.id] }).chunks);
    expect(text).toContain(`"'=HYPERLINK(""x""),evil"`);
  });
});
