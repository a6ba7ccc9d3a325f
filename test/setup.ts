// Property tests explore new inputs on every local run; in CI they use a fixed seed so a run is
// reproducible (set FC_SEED to replay any seed a failure printed).
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261121 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
