#!/usr/bin/env bash
# Submits a sharded slotsim run to Slurm: an array job of SHARDS shards, then a merge job that
# starts only when every shard has succeeded (--dependency=afterok).
#
#   deploy/slurm/submit.sh SHARDS DIR -- COMMAND ARGUMENTS...
#   deploy/slurm/submit.sh 64 runs/lab-1 -- simulate configs/starfall-20.json --spins 10B --seed lab-2026-12
#
# COMMAND is simulate, certify or analyze --full-cycle, with every argument of the one-machine run
# (and an explicit --seed). Shard I writes DIR/parts/shard-I.partial; the merge prints to
# DIR/merged.out (its log: DIR/logs/merge.log) and, for certify, writes the report to DIR/report.
# Environment: SLOTSIM (how to run slotsim; default "slotsim"), SBATCH_OPTIONS (extra sbatch
# options for both jobs, such as "--partition=long --cpus-per-task=4"), MERGE_OPTIONS (extra
# options of slotsim merge, such as "--json"). Run from the folder the game path is relative to.
set -euo pipefail
if [ $# -lt 4 ] || [ "$3" != "--" ]; then
  echo "usage: $0 SHARDS DIR -- COMMAND ARGUMENTS..." >&2
  exit 2
fi
shards=$1
dir=$2
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/parts" "$dir/logs"
# shellcheck disable=SC2086  # SBATCH_OPTIONS holds several options
shard_job=$(sbatch --parsable ${SBATCH_OPTIONS:-} --job-name=slotsim-shard --array="0-$((shards - 1))" \
  --output="$dir/logs/shard-%a.log" "$here/shard.sbatch" "$shards" "$dir" "$@")
shard_job=${shard_job%%;*}
# shellcheck disable=SC2086
merge_job=$(sbatch --parsable ${SBATCH_OPTIONS:-} --job-name=slotsim-merge --dependency="afterok:$shard_job" \
  --output="$dir/logs/merge.log" "$here/merge.sbatch" "$dir")
merge_job=${merge_job%%;*}
echo "shards: job $shard_job (array 0-$((shards - 1))); merge: job $merge_job, after every shard succeeds"
echo "re-run a lost shard I: sbatch --array=I $here/shard.sbatch $shards $dir $*"
