// Fuzz: the pure input-facing helpers of the root entry (see harness.ts for the oracle, docs/testing.md for how
// to run more cases or a random seed).
import { fuzzSuite } from './suite.js';
import { rootTargets } from './targets-root.js';

fuzzSuite('root', rootTargets);
