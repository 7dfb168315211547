/** The win bounds live with the engine (the simulator's kernels size their tables by them); re-exported for the loader. */
export * from '../engine/win-bounds.js';
