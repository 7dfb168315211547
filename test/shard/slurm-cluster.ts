import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real single-node Slurm cluster for one test file: Debian's munged, slurmctld and slurmd, each
 * started with its own files in a temporary folder (a MUNGE key and socket of its own, a generated
 * slurm.conf with free ports), so nothing of the machine's own configuration is used or changed.
 * `stop()` cancels every job and stops each daemon it started (by the pid its pid file holds).
 */

export const SLURM_TOOLS = [
  'munged',
  'slurmctld',
  'slurmd',
  'sbatch',
  'squeue',
  'scontrol',
  'scancel',
  'sinfo',
];

/** Why this machine cannot run the cluster (tools missing, not root, no munge user), or null. */
export function slurmUnavailable(): string | null {
  const missing = SLURM_TOOLS.filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0,
  );
  if (missing.length > 0) return `not installed: ${missing.join(', ')} (apt-get install -y slurm-wlm munge)`;
  if (process.getuid?.() !== 0) return 'slurmd must run as root';
  if (spawnSync('id', ['-u', 'munge']).status !== 0) return 'no "munge" user (apt-get install -y munge)';
  return null;
}

export interface SlurmCluster {
  /** SLURM_CONF for the client commands (sbatch, squeue, …). */
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
  /** Runs a Slurm client command against this cluster; throws with its stderr when it fails. */
  run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): string;
  /** The daemons' logs, for a failure's message. */
  logs(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function must(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}

function sbin(tool: string): string {
  return existsSync(`/usr/sbin/${tool}`) ? `/usr/sbin/${tool}` : tool;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export async function startSlurm(): Promise<SlurmCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'slotsim-slurm-'));
  chmodSync(dir, 0o755);
  const munge = {
    uid: Number(must('id', ['-u', 'munge']).trim()),
    gid: Number(must('id', ['-g', 'munge']).trim()),
  };
  // munged wants its key in a folder only it can read, and its socket in one everyone can enter.
  const keyDir = join(dir, 'munge-key');
  const runDir = join(dir, 'munge-run');
  mkdirSync(keyDir, { mode: 0o700 });
  mkdirSync(runDir, { mode: 0o755 });
  const key = join(keyDir, 'munge.key');
  writeFileSync(key, randomBytes(1024), { mode: 0o400 });
  for (const path of [keyDir, runDir, key]) chownSync(path, munge.uid, munge.gid);
  const socket = join(runDir, 'munge.socket');
  const pids = {
    munged: join(runDir, 'munged.pid'),
    slurmctld: join(dir, 'slurmctld.pid'),
    slurmd: join(dir, 'slurmd.pid'),
  };
  const host = hostname().split('.')[0]!;
  const [ctldPort, dPort] = [await freePort(), await freePort()];
  for (const sub of ['state', 'spool', 'log']) mkdirSync(join(dir, sub));
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=slotsimtest',
      `SlurmctldHost=${host}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${pids.slurmctld}`,
      `SlurmdPidFile=${pids.slurmd}`,
      `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'ReturnToService=2',
      'MinJobAge=600',
      `NodeName=${host} CPUs=2 RealMemory=4000 State=UNKNOWN`,
      `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  const env = { SLURM_CONF: conf };
  const logs = (): string =>
    ['slurmctld.log', 'slurmd.log']
      .map((f) => join(dir, 'log', f))
      .filter((f) => existsSync(f))
      .map((f) => `--- ${f} (end)\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  const stop = async (): Promise<void> => {
    if (existsSync(pids.slurmctld))
      spawnSync('scancel', ['--user=root'], { env: { ...process.env, ...env }, timeout: 20_000 });
    await stopPid(pids.slurmd);
    await stopPid(pids.slurmctld);
    await stopPid(pids.munged);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    must('su', [
      '-s',
      '/bin/sh',
      'munge',
      '-c',
      `${sbin('munged')} --socket=${socket} --key-file=${key} --pid-file=${pids.munged} --log-file=${join(keyDir, 'munged.log')} --seed-file=${join(keyDir, 'munged.seed')}`,
    ]);
    must(sbin('slurmctld'), ['-f', conf]);
    must(sbin('slurmd'), ['-f', conf]);
    for (let waited = 0; ; waited += 250) {
      const state = spawnSync('sinfo', ['-h', '-o', '%T'], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }).stdout.trim();
      if (state === 'idle') break;
      if (waited > 30_000) throw new Error(`the node did not come up (sinfo: "${state}")\n${logs()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, dir, run: (command, args, extra) => must(command, args, { ...env, ...extra }), logs, stop };
}
