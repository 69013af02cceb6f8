import fc from 'fast-check';

// Property tests run on a fixed seed so CI is deterministic; set FC_SEED to explore other cases locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });
