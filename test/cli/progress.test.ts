import { describe, expect, it } from 'vitest';
import { createPhasedProgress, createProgress } from '../../src/cli/progress.js';

/** A terminal-like stream that keeps what is written. */
function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { isTTY, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}

describe('progress lines', () => {
  it('draw done/total with the unit on a terminal, and clear the line when finished', () => {
    const t = terminal(true);
    const p = createProgress(10, ' rounds', t.stream);
    p.update(10);
    p.finish();
    expect(t.text()).toContain('10/10  rounds');
    expect(t.text()).toContain('100.0%');
    expect(t.text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('write nothing when the stream is not a terminal (logs and pipes stay clean)', () => {
    const t = terminal(false);
    const p = createPhasedProgress(t.stream);
    p.update(5, 10, ' combinations');
    p.finish();
    expect(t.text()).toBe('');
  });

  it('start a new bar when the phase changes (an enumeration, then a simulation)', () => {
    const t = terminal(true);
    const p = createPhasedProgress(t.stream);
    p.update(52, 52, ' combinations');
    p.update(1000, 1000, ' rounds');
    p.finish();
    const text = t.text();
    const enumeration = text.indexOf('52/52  combinations');
    const simulation = text.indexOf('1,000/1,000  rounds');
    expect(enumeration).toBeGreaterThanOrEqual(0);
    expect(simulation).toBeGreaterThan(enumeration);
    // The enumeration's bar is cleared before the simulation's is drawn.
    expect(text.slice(enumeration, simulation)).toContain('\x1b[2K');
  });
});
