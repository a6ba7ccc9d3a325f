// genesys-routing-sdk/optimizer — queueing: Erlang B/C/A, staffing, batch staffing, simulation.
export { erlangB } from './erlang-b.js';
export { erlangC, serviceLevel, averageSpeedOfAnswer, occupancy } from './erlang-c.js';
export { requiredAgents } from './staffing/staffing.js';
export { trafficFromVolume } from './traffic.js';
export { staffIntervals } from './staffing/batch.js';
export { erlangA, requiredAgentsErlangA } from './erlang-a/erlang-a.js';
export {
  compareSimulations,
  compareSimulationsAsync,
  simulate,
  simulateAsync,
  type CompareSimulationsAsyncOptions,
  type SimulateAsyncOptions,
} from './simulate/index.js';
