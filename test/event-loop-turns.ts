// How many turns the event loop had while `call` ran: a callback that schedules itself with setImmediate counts
// them. A call that holds the loop until it returns gives none.
export async function eventLoopTurns(call: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let ticking = true;
  const tick = (): void => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await call();
  } finally {
    ticking = false;
  }
  return turns;
}
