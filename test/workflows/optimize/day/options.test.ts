// planRoutingOptimization's option checks run before any request and name the options as the caller gave them.
import { describe, expect, it } from 'vitest';
import { GenesysClient, ValidationError } from '../../../../src/index.js';
import { planRoutingOptimization } from '../../../../src/workflows/index.js';

// Never reached: the checks fail before any request (a request here would fail to connect).
const client = new GenesysClient({
  clientId: 'x',
  clientSecret: 'y',
  apiBaseUrl: 'http://127.0.0.1:9',
  loginBaseUrl: 'http://127.0.0.1:9',
  maxRetries: 0,
});

describe('planRoutingOptimization options', () => {
  it('refuses interval and days together, naming both as given', async () => {
    const interval = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-08T00:00:00Z') };
    const err = await planRoutingOptimization(client, { interval, days: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const v = err as ValidationError;
    expect(v.issues.map((i) => String(i.path))).toEqual(['interval', 'days']);
    expect(v.message).toContain('give either interval or days, not both');
    expect(v.message).toContain('days 3');
    expect(v.message).toContain('2025-03-01T00:00:00.000Z/2025-03-08T00:00:00.000Z');
  });

  it('names a bad days, demand, intervalMinutes or day', async () => {
    const bad = [
      [{ days: 0 }, 'days'],
      [{ demand: 'weekly' as never }, 'demand'],
      [{ intervalMinutes: 20 as never }, 'intervalMinutes'],
      [{ day: 'not a date' }, 'day'],
      [{ forecast: {} }, 'forecast'],
    ] as const;
    for (const [options, path] of bad) {
      const err = (await planRoutingOptimization(client, options).catch((e: unknown) => e)) as ValidationError;
      expect(err, path).toBeInstanceOf(ValidationError);
      expect(String(err.issues[0]?.path)).toBe(path);
    }
  });
});
