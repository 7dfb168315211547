/**
 * Output paths checked before the work starts: a run of minutes must not end in "cannot write".
 * Each check does what the write will do — creates the folders, writes and removes a probe file —
 * so whatever the OS would refuse (a file in the way, no permission, a read-only file system) is
 * refused now, with the flag, the path and the OS's reason (exit 2).
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileErrorReason, SlotsimError } from '../errors.js';

function refuse(flag: string, path: string, reason: string, cause?: unknown): never {
  throw new SlotsimError('BAD_INPUT', `${flag}: cannot write to ${path} (${reason})`, { cause });
}

/**
 * What is at `path`: a folder, a file, or nothing that can be read (missing, under a file, behind
 * a folder without permission): creating it then fails with the OS's reason.
 */
function kindOf(path: string): 'folder' | 'file' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if (error instanceof Error && 'code' in error) return 'none';
    throw error;
  }
}

/** Creates `dir` and its parents as needed; the folders it created, outermost first. */
function makeFolders(flag: string, dir: string, shown = dir): string[] {
  const missing: string[] = [];
  for (let at = resolve(dir); kindOf(at) === 'none' && dirname(at) !== at; at = dirname(at))
    missing.unshift(at);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      refuse(flag, shown, fileErrorReason(error), error);
    }
  }
  if (kindOf(dir) === 'file')
    refuse(flag, shown, shown === dir ? 'a file, not a folder' : `${dir} is a file`);
  return missing;
}

/** Writes and removes a probe file in `dir`. */
function probe(flag: string, dir: string, shown: string): void {
  const file = join(dir, `.slotsim-probe-${process.pid}`);
  try {
    writeFileSync(file, '');
    rmSync(file);
  } catch (error) {
    refuse(flag, shown, fileErrorReason(error), error);
  }
}

/** Removes the folders `makeFolders` created, innermost first, while they are still empty. */
function removeEmpty(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) {
    if (kindOf(folder) !== 'folder' || readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

/** An output location checked up front; `release()` removes what the check created if nothing was written. */
export interface CheckedOutput {
  readonly path: string;
  release(): void;
}

/**
 * A folder a command will write files into (`--out DIR`): it may exist (as a folder) or be created.
 * `mustBeEmpty` refuses a folder that already holds files.
 */
export function checkOutputFolder(flag: string, dir: string, mustBeEmpty = false): CheckedOutput {
  if (kindOf(dir) === 'file') refuse(flag, dir, 'a file, not a folder');
  const created = makeFolders(flag, dir);
  probe(flag, dir, dir);
  if (mustBeEmpty && created.length === 0 && readdirSync(dir).length > 0) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${dir} already exists and is not empty; choose another folder`,
    );
  }
  return { path: dir, release: () => removeEmpty(created) };
}

/** A file a command will write (`--junit FILE`): its folder is created as needed; it must not be a folder. */
export function checkOutputFile(flag: string, file: string): CheckedOutput {
  if (kindOf(file) === 'folder') refuse(flag, file, 'a folder, not a file');
  const dir = dirname(resolve(file));
  const created = makeFolders(flag, dir, file);
  probe(flag, dir, file);
  return { path: file, release: () => removeEmpty(created) };
}

/**
 * A new folder `base`, or `base-2`, `base-3`, … when it is taken: created at once (mkdir fails on
 * an existing folder, so two runs started in the same second get different folders).
 */
export function reserveFolder(flag: string, base: string): CheckedOutput {
  const parent = dirname(resolve(base));
  const created = makeFolders(flag, parent);
  probe(flag, parent, base);
  for (let n = 1; ; n++) {
    const path = n === 1 ? base : join(dirname(base), `${basename(base)}-${n}`);
    try {
      mkdirSync(path);
      return { path, release: () => removeEmpty([...created, resolve(path)]) };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) {
        refuse(flag, path, fileErrorReason(error), error);
      }
    }
  }
}
