// Fuzz: every planning function of the optimizer entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { fuzzSuite } from './suite.js';
import { planningTargets } from './targets-planning.js';

fuzzSuite('planning', planningTargets);
