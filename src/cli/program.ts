import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCertify } from './commands/certify.js';
import { registerCheck } from './commands/check.js';
import { registerPlay } from './commands/play.js';
import { registerRecall } from './commands/recall.js';
import { registerRng } from './commands/rng.js';
import { registerSimulate } from './commands/simulate.js';
import { registerVerify } from './commands/verify.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('slotsim')
    .description('Slot-game mathematics: exact analysis, simulation, certification reports and audit replay.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => process.stdout.write(text),
      writeErr: (text) => process.stderr.write(text),
    });
  registerSimulate(program);
  registerRng(program);
  registerAnalyze(program);
  registerPlay(program);
  registerVerify(program);
  registerRecall(program);
  registerCertify(program);
  registerCheck(program);
  return program;
}
