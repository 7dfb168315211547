import type { SimulationReport } from '../sim/simulate.js';

/** The `simulate --json` document: the contract's keys, plus a few extras; no chunk trace. */
export function simulationJson(report: SimulationReport): Omit<SimulationReport, 'chunks'> {
  const { chunks: _chunks, ...rest } = report;
  return rest;
}
