// warmUpOptimizer's options, checked on the calling thread before any worker starts (the workers themselves are
// tested with the scenarios: threads-lifecycle).
import { describe, expect, it } from 'vitest';
import { isValidationError, warmUpOptimizer } from '../../../src/optimizer/index.js';

describe('warmUpOptimizer options', () => {
  it('names an unknown option with the closest known one', async () => {
    const error = await warmUpOptimizer({ thread: 2 } as never).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('options.thread');
    expect((error as Error).message).toContain('did you mean threads');
  });

  it('names a bad threads or keepWarmMs', async () => {
    for (const [options, field] of [
      [{ threads: 0 }, 'options.threads'],
      [{ threads: 1.5 }, 'options.threads'],
      [{ keepWarmMs: -1 }, 'options.keepWarmMs'],
      [{ keepWarmMs: 86_400_001 }, 'options.keepWarmMs'],
      [{ signal: 'stop' }, 'options.signal'],
    ] as const) {
      const error = await warmUpOptimizer(options as never).catch((e: unknown) => e);
      expect(isValidationError(error), field).toBe(true);
      expect((error as Error).message).toContain(field);
    }
  });

  it('rejects with the reason of a signal already aborted', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped before'));
    await expect(warmUpOptimizer({ signal: stop.signal })).rejects.toThrow('stopped before');
  });
});
