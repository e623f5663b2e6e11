import fc from 'fast-check';

// Property tests explore new random cases on every local run. In CI they run with a fixed seed
// (FC_SEED, default 20261122), so that a landing is judged on the same cases every time; a
// failure prints its seed and counterexample to replay locally with FC_SEED.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
