import type { SimulationReport } from '../sim/simulate.js';

type SimulationJson = Omit<SimulationReport, 'chunks' | 'confidence'> & {
  readonly confidence: { readonly '95': [number, number] | null; readonly '99': [number, number] | null };
};

/**
 * The `simulate --json` document: the contract's keys, plus a few extras; no chunk trace. Intervals
 * too few rounds make meaningless are null, and `confidenceNote` says why.
 */
export function simulationJson(report: SimulationReport): SimulationJson {
  const { chunks: _chunks, ...rest } = report;
  return report.confidenceNote === null ? rest : { ...rest, confidence: { '95': null, '99': null } };
}
