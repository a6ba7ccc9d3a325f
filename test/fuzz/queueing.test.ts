// Fuzz: every queueing function of the optimizer entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { fuzzSuite } from './suite.js';
import { queueingTargets } from './targets-queueing.js';

fuzzSuite('queueing', queueingTargets);
