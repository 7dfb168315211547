/**
 * A live progress line on stderr — done, rate, ETA — drawn only when stderr is a terminal.
 * Silent otherwise, so logs and pipes stay clean.
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}

export function createProgress(
  total: number,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const started = performance.now();
  let last = 0;
  const width = 30;
  return {
    update(done: number): void {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const fraction = total > 0 ? done / total : 1;
      const filled = Math.round(fraction * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
      stream.write(
        `\r${bar} ${(fraction * 100).toFixed(1).padStart(5)}%  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}  ${formatRate(rate)}${unit}/s  ETA ${formatDuration(eta)}  `,
      );
    },
    finish(): void {
      stream.write('\r\x1b[2K');
    },
  };
}

/** A progress line over phases (an enumeration, then a simulation): a new total or unit starts a new bar. */
export interface PhasedProgress {
  update(done: number, total: number, unit: string): void;
  finish(): void;
}

export function createPhasedProgress(stream: NodeJS.WriteStream = process.stderr): PhasedProgress {
  let current: Progress | null = null;
  let phase = '';
  return {
    update(done: number, total: number, unit: string): void {
      const key = `${total}${unit}`;
      if (current === null || key !== phase) {
        current?.finish();
        current = createProgress(total, unit, stream);
        phase = key;
      }
      current.update(done);
    },
    finish(): void {
      current?.finish();
      current = null;
      phase = '';
    },
  };
}
