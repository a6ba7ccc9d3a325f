// genesys-routing emulator --scenario: an unknown scenario is a usage error naming the flag and the choices.
import { describe, expect, it } from 'vitest';
import { captureCliOutput, io, run } from './helpers.js';

captureCliOutput();

describe('genesys-routing emulator --scenario', () => {
  it('exits 2 on an unknown scenario, naming the flag and the scenarios', async () => {
    io.err = [];
    expect(await run('emulator', '--scenario', 'busy')).toBe(2);
    expect(io.err.join('\n')).toContain('--scenario must be one of understaffed, surge, balanced (got "busy")');
  });

  it('documents the scenarios in its help', async () => {
    io.out = [];
    expect(await run('emulator', '--help')).toBe(0);
    expect(io.out.join('\n')).toMatch(/--scenario\s+an org with something to fix: understaffed/);
  });
});
