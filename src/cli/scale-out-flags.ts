import type { Command } from 'commander';

/**
 * The flags that cut a run across machines (`--shard`, `--shards`, `--partial`) or let it survive an
 * interruption (`--checkpoint`, `--resume`), shared by simulate, certify and analyze. The work
 * itself is in `src/shard`.
 */
export interface ScaleOutFlags {
  shard?: string;
  shards?: string;
  partial?: string;
  checkpoint?: string;
  resume?: boolean;
}

export function addShardOptions(command: Command): Command {
  return command
    .option(
      '--shard <i/n>',
      'run shard I (from 0) of N of this run and write its partial (see --partial); merge with slotsim merge',
    )
    .option(
      '--shards <n>',
      'the shard count, when the index comes from the environment (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID)',
    )
    .option(
      '--partial <file>',
      "write this shard's exact results to FILE (the shard from --shard, or from the environment)",
    );
}

export function addCheckpointOptions(command: Command): Command {
  return command
    .option(
      '--checkpoint <file>',
      'record completed work in FILE every few seconds, so --resume can continue after an interruption',
    )
    .option(
      '--resume',
      'continue the run recorded in --checkpoint FILE (same command); the figures are those of an uninterrupted run',
    );
}

/** Whether the command line asks for any of them (the code behind them is then loaded: `scale-out.ts`). */
export function usesScaleOut(flags: ScaleOutFlags): boolean {
  return (
    flags.shard !== undefined ||
    flags.shards !== undefined ||
    flags.partial !== undefined ||
    flags.checkpoint !== undefined ||
    flags.resume !== undefined
  );
}
