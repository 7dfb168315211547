import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes every file of `files` (name → content) into `dir`, each first under a temporary name and
 * renamed into place only once all are written, so an interrupted run leaves no half-written file
 * under a final name.
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, string>>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: { temp: string; final: string }[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const final = join(dir, name);
      mkdirSync(dirname(final), { recursive: true });
      const temp = `${final}.${process.pid}.partial`;
      writeFileSync(temp, content);
      written.push({ temp, final });
    }
  } catch (error) {
    for (const { temp } of written) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, final } of written) renameSync(temp, final);
  return written.map((w) => w.final);
}
