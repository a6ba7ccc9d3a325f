// The live days of `npm run bench:autopilot`. Each is the emulator's 'surge' org (its busiest queue staffed to its
// forecast, so it meets its target on a normal day) on Tuesday 2026-11-24 with one event on that queue:
// `factor` multiplies its arrivals for `minutes` from `from` (below 1: a demand drop; 1: no change of demand),
// `queues` > 1 surges that many of the busiest queues at once, and `absence` sends a share of the queue's agents
// away (presence Away, off queue) for the event's length. The day runs from `anchor` to an hour after the event.

export interface BenchCase {
  name: string;
  /** One line for the table. */
  title: string;
  seed: number;
  /** Start of the live day (ISO, UTC). */
  anchor: string;
  /** Start of the event (ISO, UTC). */
  from: string;
  minutes: number;
  factor: number;
  /** Busiest queues surging together (default 1). */
  queues?: number;
  /** Share of the event queue's agents on queue at `from` who go away for `minutes`. */
  absence?: number;
}

export const CASES: readonly BenchCase[] = [
  {
    name: 'surge-70',
    title: 'x1.6 for 2 h on a queue with a 70 % target',
    seed: 11,
    anchor: '2026-11-24T11:30:00Z',
    from: '2026-11-24T12:00:00Z',
    minutes: 120,
    factor: 1.6,
  },
  {
    name: 'surge-x2',
    title: 'x2 for 2 h',
    seed: 5,
    anchor: '2026-11-24T10:30:00Z',
    from: '2026-11-24T11:00:00Z',
    minutes: 120,
    factor: 2,
  },
  {
    name: 'two-queues',
    title: 'two queues x1.5 for 2 h at once',
    seed: 13,
    anchor: '2026-11-24T10:30:00Z',
    from: '2026-11-24T11:00:00Z',
    minutes: 120,
    factor: 1.5,
    queues: 2,
  },
  {
    name: 'drop',
    title: 'demand x0.5 for 2 h',
    seed: 7,
    anchor: '2026-11-24T10:30:00Z',
    from: '2026-11-24T11:00:00Z',
    minutes: 120,
    factor: 0.5,
  },
  {
    name: 'absence',
    title: '30 % of the queue\u2019s agents away for 90 min',
    seed: 7,
    anchor: '2026-11-24T09:30:00Z',
    from: '2026-11-24T10:00:00Z',
    minutes: 90,
    factor: 1,
    absence: 0.3,
  },
  {
    name: 'quiet',
    title: 'a quiet day (no event)',
    seed: 7,
    anchor: '2026-11-24T10:30:00Z',
    from: '2026-11-24T11:00:00Z',
    minutes: 120,
    factor: 1,
  },
];
