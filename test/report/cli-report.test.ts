import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { emulator } from '../transport/helpers.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'grsdk-report-cli-'));
const ENV = ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'];
const charts = (html: string) => html.match(/class="chart" data-series=/g)?.length ?? 0;

describe('--report FILE.html', () => {
  it('staff --range --patience writes the Erlang C and Erlang A curves over the volumes', async () => {
    const file = join(dir, 'staff.html');
    expect(
      await main([
        'staff',
        '--range',
        '100..400:100',
        '--aht',
        '240',
        '--sl',
        '0.8',
        '--target',
        '20',
        '--patience',
        '90',
        '--report',
        file,
        '--json',
      ]),
    ).toBe(0);
    expect(JSON.parse(out.join('\n'))).toHaveLength(4); // stdout stays the JSON
    const html = readFileSync(file, 'utf8');
    expect(charts(html)).toBe(1);
    expect(html).toContain('<td>400 calls</td>');
    expect(html).not.toContain('Erlang A curve not drawn');
    expect(err.join('\n')).toContain(`report written to ${file}`);
  });

  it('plan, recommend and optimize write their plan as a report, with staffing curves from the window', async () => {
    const emu = await emulator({ seed: 3 });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    try {
      for (const [command, ...args] of [
        ['plan', '--days', '3'],
        ['recommend', '--days', '3', '--max-changes', '3'],
        ['optimize', '--days', '3', '--time-limit', '3', '--patience', '120'],
      ] as const) {
        const file = join(dir, `${command}.html`);
        const planFile = join(dir, `${command}.json`);
        const code = await main([command, ...args, '--out', planFile, '--report', file]);
        expect(code, command).toBeLessThanOrEqual(1); // optimize exits 1 when a queue cannot reach its target
        const plan = JSON.parse(readFileSync(planFile, 'utf8'));
        const html = readFileSync(file, 'utf8');
        expect(html, command).toContain(plan.id);
        expect(charts(html), command).toBeGreaterThan(0);
        for (const id of ['queues', 'staffing', 'matrix', 'changes']) expect(html).toContain(`<h2 id="${id}">`);
        if (command === 'optimize') expect(html).not.toContain('Erlang A curve not drawn');
      }
    } finally {
      for (const k of ENV) delete process.env[k];
    }
  }, 120_000);
});
