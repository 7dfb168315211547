import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { outcomeJson } from '../../src/audit/outcome-json.js';
import { OutcomeMatcher } from '../../src/audit/outcome-match.js';
import type { RoundOutcome } from '../../src/engine/outcome.js';
import { playRound } from '../../src/engine/round.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { FIXTURE_TEXT } from './fixture-game.js';

const SEED = 'outcome-json';

function games(): { name: string; text: string }[] {
  const bundled = readdirSync('configs')
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => ({ name: f, text: readFileSync(`configs/${f}`, 'utf8') }));
  return [...bundled, { name: 'fixture', text: FIXTURE_TEXT }];
}

/** Rounds of every game and variant, features first (so the sample holds them). */
function outcomes(perGame: number): RoundOutcome[] {
  const out: RoundOutcome[] = [];
  for (const { name, text } of games()) {
    const base = parseGame(text, { file: name });
    for (const variant of [null, ...base.variants]) {
      const game = parseGame(text, { file: name, variant });
      const rng = createRng('aes-128-ctr', `${SEED}/${name}/${variant ?? ''}`, 0);
      const plain: RoundOutcome[] = [];
      for (let i = 0; i < perGame; i++) {
        const o = playRound(game, rng);
        if (o.bonus !== null || o.freeSpins !== null || o.capped) out.push(o);
        else plain.push(o);
      }
      out.push(...plain.slice(0, 200));
    }
  }
  return out;
}

describe(`the verifier's outcome text (seed ${SEED})`, () => {
  const sample = outcomes(3000);

  it('outcomeJson is exactly canonicalJson on every bundled game and variant, features included', () => {
    expect(sample.some((o) => o.freeSpins !== null)).toBe(true);
    expect(sample.some((o) => o.bonus !== null)).toBe(true);
    expect(sample.some((o) => o.capped)).toBe(true);
    for (const o of sample) expect(outcomeJson(o)).toBe(canonicalJson(o));
  });

  it('the matcher accepts exactly that text, wherever it sits in a line', () => {
    const m = new OutcomeMatcher();
    for (const o of sample) {
      const text = outcomeJson(o);
      const line = `{"x":1,"outcome":${text},"y":2}`;
      const start = line.indexOf(text);
      expect(m.match(line, start, start + text.length, o)).toBe(true);
      expect(m.match(line, start, start + text.length - 1, o)).toBe(false);
    }
  });

  it('the matcher rejects any one-character edit of the text (fast-check)', () => {
    const m = new OutcomeMatcher();
    fc.assert(
      fc.property(
        fc.nat({ max: sample.length - 1 }),
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'replace'),
        fc.constantFrom('0', '1', '9', '-', '.', 'e', ',', '"', '}', ']', ' ', 'A'),
        (k, at, edit, ch) => {
          const o = sample[k]!;
          const text = outcomeJson(o);
          const i = at % text.length;
          const edited =
            edit === 'delete'
              ? text.slice(0, i) + text.slice(i + 1)
              : edit === 'insert'
                ? text.slice(0, i) + ch + text.slice(i)
                : text.slice(0, i) + ch + text.slice(i + 1);
          expect(m.match(edited, 0, edited.length, o)).toBe(edited === text);
        },
      ),
      { seed: 4242, numRuns: 3000 },
    );
  });

  it('numbers must be written as JSON writes them', () => {
    const m = new OutcomeMatcher();
    const o = sample[0]!;
    const text = outcomeJson(o);
    for (const variant of [
      text.replace('"stake":', '"stake":0'),
      text.replace(/"total":(\d+)/, '"total":$1.0'),
      text.replace(/"total":(\d+)/, '"total":+$1'),
    ]) {
      expect(m.match(variant, 0, variant.length, o)).toBe(false);
    }
  });
});
