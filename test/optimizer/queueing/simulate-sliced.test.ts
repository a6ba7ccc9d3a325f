// A simulation on the calling thread, sliced: the same replications as in one go, with turns for the event loop
// between its pauses, and a checkpoint that can give it up; simulateAsync and compareSimulationsAsync, the same
// results the same way.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../src/optimizer/queueing/simulate/compile.js';
import { runRange, runSliced } from '../../../src/optimizer/queueing/simulate/run.js';
import {
  compareSimulations,
  compareSimulationsAsync,
  simulate,
  simulateAsync,
  type SimulationModel,
} from '../../../src/optimizer/index.js';
import { eventLoopTurns } from '../../event-loop-turns.js';

function model() {
  return compileModel(plainModel());
}

function plainModel(): SimulationModel {
  const queues = [0, 1, 2].map((i) => ({
    id: `q${i}`,
    skill: `s${i}`,
    ahtSeconds: 240,
    patienceSeconds: 90,
    arrivalRatePerHour: 600 + 100 * i,
  }));
  const agents = Array.from({ length: 45 }, (_, a) => ({
    id: `a${a}`,
    skills: { [`s${a % 3}`]: 3, [`s${(a + 1) % 3}`]: 1 },
  }));
  // About 7,000 arrivals per replication: each pauses at least once.
  return { queues, agents, durationSeconds: 3 * 3600, replications: 3, targetSeconds: 20, seed: 7 };
}

describe('runSliced', () => {
  it('gives the replications of runRange, and the event loop turns between pauses', async () => {
    const compiled = model();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const sliced = await runSliced(compiled, undefined, 0);
    clearInterval(ticker);
    expect(sliced).toEqual(runRange(compiled, 0, compiled.replications));
    expect(sliced.every((r) => r.contacts > 4096)).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(compiled.replications);
  });

  it('counts work done since the last turn anywhere: a run that starts late in a slice turns first', async () => {
    const compiled = model();
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    // Work between two simulations, with no turn: longer than the slice.
    const busyUntil = performance.now() + 30;
    while (performance.now() < busyUntil);
    let firedAtFirstPause: boolean | undefined;
    await runSliced(compiled, () => (firedAtFirstPause ??= timerFired), 20);
    expect(firedAtFirstPause).toBe(true);
  });

  it('stops when its checkpoint throws', async () => {
    let calls = 0;
    const stop = new Error('given up');
    const run = runSliced(model(), () => {
      if (++calls === 2) throw stop;
    });
    await expect(run).rejects.toBe(stop);
    expect(calls).toBe(2);
  });
});

describe('simulateAsync', () => {
  it('gives simulate’s result, with the event loop turning meanwhile', async () => {
    // Long enough to span several slices on any machine.
    const long = { ...plainModel(), durationSeconds: 72 * 3600, replications: 6 };
    let result: unknown;
    const turns = await eventLoopTurns(async () => (result = await simulateAsync(long)));
    expect(result).toEqual(simulate(long));
    expect(turns).toBeGreaterThan(1);
  });

  it('stops on its signal, and names a bad option', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(simulateAsync(plainModel(), { signal: stop.signal })).rejects.toThrow('stopped');
    await expect(simulateAsync(plainModel(), { signl: stop.signal } as never)).rejects.toThrow(
      /simulateAsync: options\.signl: unknown key; did you mean signal\?/,
    );
    await expect(simulateAsync(plainModel(), { signal: 1 } as never)).rejects.toThrow(
      /options\.signal: must be an AbortSignal/,
    );
  });
});

describe('compareSimulationsAsync', () => {
  it('gives compareSimulations’ comparison, with the event loop turning meanwhile', async () => {
    const base = { ...plainModel(), durationSeconds: 36 * 3600 };
    const variant = { ...base, agents: base.agents.slice(1) };
    let cmp: unknown;
    const turns = await eventLoopTurns(async () => (cmp = await compareSimulationsAsync(base, variant)));
    expect(cmp).toEqual(compareSimulations(base, variant));
    expect(turns).toBeGreaterThan(1);
  });

  it('stops on its signal, and names the model and the option at fault', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(compareSimulationsAsync(plainModel(), plainModel(), { signal: stop.signal })).rejects.toThrow(
      'stopped',
    );
    await expect(compareSimulationsAsync(plainModel(), { ...plainModel(), seed: 8 })).rejects.toThrow(
      /compareSimulationsAsync: variant\.seed: must equal base\.seed/,
    );
    await expect(compareSimulationsAsync(plainModel(), plainModel(), { signl: 1 } as never)).rejects.toThrow(
      /options\.signl: unknown key; did you mean signal\?/,
    );
  });
});
