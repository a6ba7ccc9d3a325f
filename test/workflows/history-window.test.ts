// The default history window ends at the last whole hour, so plans made within one hour read the same history.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyWindow, lastWholeHour } from '../../src/workflows/roster.js';

afterEach(() => vi.useRealTimers());

describe('historyWindow', () => {
  it('ends at the last whole hour and starts `days` before it', () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T16:28:41.250Z'), toFake: ['Date'] });
    expect(historyWindow({})).toEqual({ from: new Date('2026-11-17T16:00:00Z'), to: new Date('2026-11-24T16:00:00Z') });
    expect(historyWindow({ days: 2 }).from).toEqual(new Date('2026-11-22T16:00:00Z'));
  });

  it('gives the same window at 16:05 and at 16:55', () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T16:05:00Z'), toFake: ['Date'] });
    const early = historyWindow({ days: 7 });
    vi.setSystemTime(new Date('2026-11-24T16:55:00Z'));
    expect(historyWindow({ days: 7 })).toEqual(early);
  });

  it('keeps an explicit interval exactly as given', () => {
    const interval = { from: new Date('2026-11-01T10:17:00Z'), to: new Date('2026-11-02T10:17:00Z') };
    expect(historyWindow({ interval, days: 3 })).toEqual(interval);
  });

  it('lastWholeHour keeps an instant already on the hour', () => {
    expect(lastWholeHour(new Date('2026-11-24T16:00:00Z'))).toEqual(new Date('2026-11-24T16:00:00Z'));
    expect(lastWholeHour(new Date('2026-11-24T16:59:59.999Z'))).toEqual(new Date('2026-11-24T16:00:00Z'));
  });
});
