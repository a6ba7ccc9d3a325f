import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../../src/index.js';
import { isWithinWindow, nextWindow } from '../../../../src/optimizer/planning/checks/windows.js';

const weeknights = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '22:00', end: '06:00' };

describe('change windows', () => {
  it('an overnight window belongs to the day it starts on', () => {
    const w = { ...weeknights, days: [...weeknights.days] };
    // 2026-11-23 is a Monday.
    expect(isWithinWindow(w, new Date('2026-11-23T22:30:00Z'))).toBe(true);
    expect(isWithinWindow(w, new Date('2026-11-24T05:59:00Z'))).toBe(true); // Tuesday morning, Monday's window
    expect(isWithinWindow(w, new Date('2026-11-24T06:00:00Z'))).toBe(false); // end is exclusive
    expect(isWithinWindow(w, new Date('2026-11-23T05:00:00Z'))).toBe(false); // Monday morning: Sunday has no window
    expect(isWithinWindow(w, new Date('2026-11-29T01:00:00Z'))).toBe(false); // Sunday 01:00: Saturday has none
    expect(isWithinWindow(w, new Date('2026-11-28T01:00:00Z'))).toBe(true); // Saturday 01:00: Friday's window
  });

  it('uses the window time zone', () => {
    const w = { start: '09:00', end: '17:00' };
    // 08:30 UTC is 09:30 in Paris (UTC+1 in November).
    expect(isWithinWindow(w, new Date('2026-11-23T08:30:00Z'), { timeZone: 'Europe/Paris' })).toBe(true);
    expect(isWithinWindow(w, new Date('2026-11-23T08:30:00Z'))).toBe(false);
  });

  it('nextWindow finds the next opening and its end', () => {
    const w = { ...weeknights, days: [...weeknights.days] };
    const next = nextWindow(w, new Date('2026-11-22T12:00:00Z'))!; // Sunday noon
    expect(next.start.toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(next.end.toISOString()).toBe('2026-11-24T06:00:00.000Z');
    const now = new Date('2026-11-23T23:15:30Z');
    expect(nextWindow(w, now)!.start).toEqual(now); // already open
  });

  it('nextWindow handles the DST change (Europe/Dublin, 2026-10-25)', () => {
    // 01:00-03:00 local on Sunday 25 Oct 2026: clocks go back at 02:00 IST -> 01:00 GMT, so the window lasts 3 real hours.
    const next = nextWindow({ days: ['sun'], start: '01:00', end: '03:00' }, new Date('2026-10-24T12:00:00Z'), {
      timeZone: 'Europe/Dublin',
    })!;
    expect(next.start.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(next.end.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('names bad input', () => {
    for (const [fn, field] of [
      [() => isWithinWindow({ start: '25:00', end: '06:00' }), 'windows[0].start'],
      [() => isWithinWindow({ start: '22:00', end: '06:00', days: ['funday' as 'mon'] }), 'windows[0].days[0]'],
      [() => isWithinWindow({ start: '22:00', end: '06:00' }, new Date(), { timeZone: 'Mars/Olympus' }), 'timeZone'],
    ] as const) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isValidationError(e)).toBe(true);
        expect((e as Error).message).toContain(field);
      }
    }
  });
});
