import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSlotsimError } from '../../src/errors.js';
import {
  createRng,
  RecordingRng,
  ReplayMismatchError,
  ReplayRng,
  type Draw,
  type Rng,
} from '../../src/rng/index.js';

/** A stand-in for a round: a data-dependent number of draws with varying bounds. */
function playRound(rng: Rng): number[] {
  const stops = [rng.int(30), rng.int(31), rng.int(32)];
  if (stops[0]! < 10) stops.push(rng.int(2 ** 32), rng.int(3 * 2 ** 30)); // a "feature"
  return stops;
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('RecordingRng', () => {
  it('passes draws through unchanged and records them in order (seed "record", stream 0)', () => {
    const plain = createRng('aes-128-ctr', 'record', 0);
    const recording = new RecordingRng(createRng('aes-128-ctr', 'record', 0));
    expect(recording.algorithm).toBe('aes-128-ctr');
    const values = [7, 50, 2 ** 32, 1].map((bound) => recording.int(bound));
    expect(values).toEqual([7, 50, 2 ** 32, 1].map((bound) => plain.int(bound)));
    expect(recording.draws).toEqual([
      { bound: 7, value: values[0] },
      { bound: 50, value: values[1] },
      { bound: 2 ** 32, value: values[2] },
      { bound: 1, value: 0 },
    ]);
  });

  it('takeDraws hands over the record and starts a new one', () => {
    const recording = new RecordingRng(createRng('xor128', 'take', 0));
    recording.int(3);
    recording.int(4);
    const first = recording.takeDraws();
    expect(first.map((d) => d.bound)).toEqual([3, 4]);
    expect(recording.draws).toEqual([]);
    recording.int(5);
    expect(recording.takeDraws().map((d) => d.bound)).toEqual([5]);
    expect(first).toHaveLength(2); // the handed-over record is not touched afterwards
  });

  it('does not record a draw that throws', () => {
    const recording = new RecordingRng(createRng('xor128', 'bad', 0));
    expect(isSlotsimError(caught(() => recording.int(0)))).toBe(true);
    expect(recording.draws).toEqual([]);
  });
});

describe('ReplayRng', () => {
  it('replays recorded rounds exactly (fast-check over seeds, seed 99)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.nat(1000), (seed, stream) => {
        const recording = new RecordingRng(createRng('chacha20', seed, stream));
        const played = [playRound(recording), playRound(recording)];
        const replay = new ReplayRng(recording.takeDraws(), 'chacha20');
        expect(replay.algorithm).toBe('chacha20');
        expect([playRound(replay), playRound(replay)]).toEqual(played);
        expect(replay.allConsumed).toBe(true);
        expect(replay.remaining).toBe(0);
        expect(replay.mismatch).toBeNull();
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it('reports unconsumed draws', () => {
    const replay = new ReplayRng([
      { bound: 10, value: 3 },
      { bound: 10, value: 4 },
    ]);
    expect(replay.int(10)).toBe(3);
    expect(replay.allConsumed).toBe(false);
    expect(replay.consumed).toBe(1);
    expect(replay.remaining).toBe(1);
  });

  it('throws and keeps a bound mismatch', () => {
    const replay = new ReplayRng([
      { bound: 10, value: 3 },
      { bound: 10, value: 4 },
    ]);
    replay.int(10);
    const error = caught(() => replay.int(12));
    expect(error).toBeInstanceOf(ReplayMismatchError);
    expect(isSlotsimError(error) && error.code).toBe('BAD_FILE');
    const expected = { kind: 'bound', index: 1, recordedBound: 10, requestedBound: 12 };
    expect((error as ReplayMismatchError).mismatch).toEqual(expected);
    expect(replay.mismatch).toEqual(expected);
    expect(replay.allConsumed).toBe(false);
    // Once broken, the replay stays broken, even for the recorded bound.
    expect((caught(() => replay.int(10)) as ReplayMismatchError).mismatch).toEqual(expected);
  });

  it('throws when the draws run out', () => {
    const replay = new ReplayRng([{ bound: 2, value: 1 }]);
    expect(replay.int(2)).toBe(1);
    expect(replay.allConsumed).toBe(true);
    const error = caught(() => replay.int(2)) as ReplayMismatchError;
    expect(error.mismatch).toEqual({ kind: 'exhausted', index: 1, requestedBound: 2 });
    expect(error.message).toMatch(/after all recorded draws/);
    expect(replay.allConsumed).toBe(false);
  });

  it.each<Draw>([
    { bound: 10, value: 10 },
    { bound: 10, value: -1 },
    { bound: 10, value: 2.5 },
    { bound: 10, value: Number.NaN },
  ])('rejects an impossible recorded value: %o', (draw) => {
    const replay = new ReplayRng([draw]);
    const error = caught(() => replay.int(10)) as ReplayMismatchError;
    expect(error).toBeInstanceOf(ReplayMismatchError);
    expect(error.mismatch.kind).toBe('value');
  });

  it('rejects a bad requested bound like every Rng (BAD_INPUT), without consuming', () => {
    const replay = new ReplayRng([{ bound: 1, value: 0 }]);
    const error = caught(() => replay.int(0));
    expect(isSlotsimError(error) && error.code).toBe('BAD_INPUT');
    expect(replay.consumed).toBe(0);
    expect(replay.mismatch).toBeNull();
  });
});
