// Fuzz: every simulation function of the optimizer entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { fuzzSuite } from './suite.js';
import { simulationTargets } from './targets-simulation.js';

fuzzSuite('simulation', simulationTargets, 300_000);
