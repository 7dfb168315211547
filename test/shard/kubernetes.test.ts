import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { withoutTiming } from './figures.js';

/**
 * The Kubernetes manifests of deploy/kubernetes, without a cluster (none runs here): parsed, checked
 * for what an Indexed Job and its merge Job need, and each index's command run locally as the pod
 * would run it — `sh -c` with JOB_COMPLETION_INDEX set, the container's environment, `slotsim` on
 * the PATH (the image links it there) and the shared volume's mount path (/data) replaced by a
 * temporary folder. Only the rounds are made smaller (1B → 2M), so the test takes seconds.
 */

interface Container {
  name: string;
  image: string;
  command: string[];
  args: string[];
  env?: { name: string; value: string }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface PodSpec {
  restartPolicy: string;
  containers: Container[];
  volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown> & { template?: { spec: PodSpec } };
}

function manifests(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) expect(doc.errors).toEqual([]);
  return list.map((doc) => doc.toJS() as Manifest);
}

const shardsFile = resolve('deploy/kubernetes/slotsim-shards.yaml');
const mergeFile = resolve('deploy/kubernetes/slotsim-merge.yaml');

describe('deploy/kubernetes: an Indexed Job of shards, a shared volume, a merge Job', () => {
  const [claim, job] = manifests(shardsFile);
  const [merge] = manifests(mergeFile);

  it('has what an Indexed Job needs, one count everywhere, and one shared claim', () => {
    expect(claim).toMatchObject({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      spec: { accessModes: ['ReadWriteMany'] },
    });
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const completions = job!.spec.completions as number;
    expect(Number.isInteger(completions) && completions > 0).toBe(true);
    expect(job!.spec.parallelism).toBe(completions);
    const pod = job!.spec.template!.spec;
    expect(pod.restartPolicy).toBe('Never');
    const script = pod.containers[0]!.args.join(' ');
    expect(pod.containers[0]!.command).toEqual(['sh', '-c']);
    expect(script).toContain(`--shards ${completions}`);
    expect(script).toMatch(/--partial "\$PARTS\/shard-\$JOB_COMPLETION_INDEX\.partial"/);
    expect(script).toMatch(/--seed \S+/);
    for (const m of [job!, merge!]) {
      const spec = m.spec.template!.spec;
      const mount = spec.containers[0]!.volumeMounts[0]!;
      const volume = spec.volumes.find((v) => v.name === mount.name);
      expect(volume?.persistentVolumeClaim?.claimName).toBe(claim!.metadata.name);
      expect(mount.mountPath).toBe('/data');
      expect(spec.containers[0]!.image).toBe(pod.containers[0]!.image);
    }
    expect(merge).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      spec: { template: { spec: { restartPolicy: 'Never' } } },
    });
    // The image puts slotsim on the PATH, as the pods' commands expect.
    const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^FROM node:(20|22|24)[-\w]* *$/m);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('ln -s /app/bin/slotsim.js /usr/local/bin/slotsim');
  });

  it("each index's command, run as its pod would, and the merge Job's, give the one-machine simulation", () => {
    const data = mkdtempSync(join(tmpdir(), 'slotsim-k8s-'));
    const bin = join(data, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'slotsim'),
      `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/slotsim.js')}" "$@"\n`,
    );
    chmodSync(join(bin, 'slotsim'), 0o755);
    const run = (container: Container, extra: NodeJS.ProcessEnv): void => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
        ...extra,
      };
      for (const { name, value } of container.env ?? []) env[name] = value.replace(/^\/data/, data);
      const script = container.args.join(' ').replace('--spins 1B', '--spins 2M');
      const result = spawnSync(container.command[0]!, [...container.command.slice(1), script], {
        encoding: 'utf8',
        env,
      });
      expect(result.stderr).not.toMatch(/slotsim: /);
      expect(result.status).toBe(0);
    };
    const completions = job!.spec.completions as number;
    const shard = job!.spec.template!.spec.containers[0]!;
    for (let index = 0; index < completions; index++) run(shard, { JOB_COMPLETION_INDEX: String(index) });
    expect(existsSync(join(data, 'parts', `shard-${completions - 1}.partial`))).toBe(true);
    run(merge!.spec.template!.spec.containers[0]!, {});
    const script = shard.args.join(' ');
    const seed = /--seed (\S+)/.exec(script)![1]!;
    const game = /slotsim simulate (\S+)/.exec(script)![1]!;
    const one = runCli(['simulate', game, '--spins', '2M', '--seed', seed, '--json']); // all cores, as the merge Job
    expect(withoutTiming(readFileSync(join(data, 'merged.json'), 'utf8'))).toEqual(withoutTiming(one.stdout));
    expect(existsSync(join(data, 'report', 'summary.csv'))).toBe(true);
  });
});
