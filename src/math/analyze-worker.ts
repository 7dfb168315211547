/**
 * The worker of `analyzeGameCancellable` (a one-thread Piscina pool): one exact analysis per task,
 * off the main thread, so that the main thread stays free to hear Ctrl-C and end the worker.
 */
import type { Game } from '../engine/model.js';
import { toWorkerError } from '../errors.js';
import type { Analysis } from './analysis-types.js';
import { analyzeGame } from './analyze-game.js';
import type { AnalyzeGameOptions } from './analyze-game.js';

export interface AnalyzeTask {
  readonly game: Game;
  readonly options: AnalyzeGameOptions;
}

export default function analyzeTask({ game, options }: AnalyzeTask): Analysis {
  try {
    return analyzeGame(game, options);
  } catch (error) {
    throw toWorkerError(error);
  }
}
