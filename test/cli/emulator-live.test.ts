// genesys-routing emulator --live --speed: bad combinations are usage errors naming the flag; help documents them.
import { describe, expect, it } from 'vitest';
import { captureCliOutput, io, run } from './helpers.js';

captureCliOutput();

describe('genesys-routing emulator --live', () => {
  it('exits 2 on --speed without --live, a speed out of range, or a bad --anchor', async () => {
    io.err = [];
    expect(await run('emulator', '--speed', '60')).toBe(2);
    expect(io.err.join('\n')).toContain('--speed needs --live');
    io.err = [];
    expect(await run('emulator', '--live', '--speed', '0')).toBe(2);
    expect(io.err.join('\n')).toContain('--speed must be > 0');
    io.err = [];
    expect(await run('emulator', '--live', '--anchor', 'tomorrow')).toBe(2);
    expect(io.err.join('\n')).toContain('--anchor must be an ISO-8601 instant');
  });

  it('documents --live, --speed and --anchor in its help', async () => {
    io.out = [];
    expect(await run('emulator', '--help')).toBe(0);
    const help = io.out.join('\n');
    expect(help).toMatch(/--live\s+run the day live/);
    expect(help).toMatch(/--speed\s+with --live/);
    expect(help).toContain('genesys-routing emulator --live --speed 60 --scenario surge');
  });
});
