/**
 * The invariants every format-2 round record must satisfy, whatever the game and the draws: its
 * parts add up to the total, every amount follows from the recorded wins (before the cap), the
 * record accounts for every draw the round made. Returns the violations found (empty: none).
 */
import type { Game } from '../../src/engine/model.js';
import type { RoundOutcomeV2, SpinOutcomeV2 } from '../../src/engine/outcome.js';

/** How many draws the record says the round made. */
export function drawsImplied(game: Game, o: RoundOutcomeV2): number {
  let n = 0;
  const spin = (s: SpinOutcomeV2): void => {
    n += (s.heights === null ? 0 : game.reels) + game.reels + s.values.length;
    for (const e of s.evaluations) if (e.refill !== null) n += e.refill.stops.length + e.refill.values.length;
  };
  if (o.start !== null) n += 1;
  if (o.paid !== null) spin(o.paid);
  if (o.bonus !== null) n += o.bonus.draws.length;
  const hw = o.holdAndWin;
  if (hw !== null) {
    const cells = game.reels * game.rows;
    let held = hw.initial.length;
    n += held; // their values
    if (o.start?.kind === 'holdAndWin') n += o.start.placements.length;
    for (const respin of hw.respins) {
      n += cells - held + respin.landings.length;
      held += respin.landings.length;
    }
  }
  const fs = o.freeSpins;
  if (fs !== null) {
    n += fs.awards.filter((a) => a.drawn).length;
    for (const s of fs.spins) {
      spin(s);
      n += s.retriggers.filter((a) => a.drawn).length;
    }
  }
  return n;
}

export function roundViolations(game: Game, o: RoundOutcomeV2, drawCount: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const cap = game.maxWinCredits;
  const capped = o.capped;

  const spinChecks = (s: SpinOutcomeV2, where: string): void => {
    let raw = 0;
    let scatterRaw = s.scatter?.pay ?? 0;
    s.evaluations.forEach((e, i) => {
      let sum = 0;
      for (const w of e.wins) {
        const ways = w.kind === 'ways' ? w.ways : 1;
        check(
          w.win === w.pay * ways * w.wildMultiplier * w.ladder,
          `${where} evaluation ${i}: a win ≠ pay × ways × wild × ladder`,
        );
        check(w.win > 0, `${where} evaluation ${i}: a win of 0 (ruling 14)`);
        check(w.cells.length > 0, `${where} evaluation ${i}: a win without cells`);
        check(w.ladder === e.ladder, `${where} evaluation ${i}: a win's ladder ≠ the window's`);
        sum += w.win;
      }
      check(e.payWin === sum, `${where} evaluation ${i}: payWin ${e.payWin} ≠ Σ wins ${sum}`);
      raw += sum;
      if (e.scatter !== null) scatterRaw += e.scatter.pay;
      const last = i === s.evaluations.length - 1;
      check(last === (e.refill === null), `${where} evaluation ${i}: a refill only between windows`);
      if (!last) check(e.removed.length > 0, `${where} evaluation ${i}: a refill with nothing removed`);
    });
    check(s.win === s.payWin + s.scatterWin, `${where}: win ≠ payWin + scatterWin`);
    const pay = raw * s.factor * s.multiplier;
    const scatter = scatterRaw * s.multiplier;
    if (capped) {
      check(s.payWin <= pay && s.scatterWin <= scatter, `${where}: a capped part above its uncapped amount`);
    } else {
      check(s.payWin === pay, `${where}: payWin ${s.payWin} ≠ Σ wins × factor × multiplier ${pay}`);
      check(
        s.scatterWin === scatter,
        `${where}: scatterWin ${s.scatterWin} ≠ scatter pays × multiplier ${scatter}`,
      );
    }
    if (s.multiplierSymbols !== null) check(raw > 0, `${where}: multiplier symbols applied to no pay win`);
  };

  if (o.paid !== null) spinChecks(o.paid, 'paid spin');
  check(o.components.lines === (o.paid?.payWin ?? 0), 'components.lines ≠ the paid spin’s payWin');
  check(
    o.components.scatter === (o.paid?.scatterWin ?? 0),
    'components.scatter ≠ the paid spin’s scatterWin',
  );
  check(o.components.bonus === (o.bonus?.win ?? 0), 'components.bonus ≠ the bonus win');
  check(o.components.holdAndWin === (o.holdAndWin?.win ?? 0), 'components.holdAndWin ≠ the feature win');
  if (o.bonus !== null && !capped) {
    const picks = o.bonus.draws.filter((d) => d.node === 'pick').reduce((a, d) => a + d.result, 0);
    check(o.bonus.win === picks, 'the bonus win ≠ the sum of its picks');
  }
  const hw = o.holdAndWin;
  if (hw !== null) {
    const cells = game.reels * game.rows;
    check(
      hw.coins.length === hw.initial.length + hw.respins.reduce((a, r) => a + r.landings.length, 0),
      'coins ≠ initial + landings',
    );
    check(hw.fullGrid === (hw.coins.length === cells), 'fullGrid ≠ every cell holds a coin');
    const coins = hw.coins.reduce((a, c) => a + c.credits, 0);
    const full = hw.fullGrid && game.holdAndWin?.fullGrid != null ? game.holdAndWin.fullGrid.credits : 0;
    if (!capped)
      check(hw.win === coins + full, `hold-and-win win ${hw.win} ≠ coins ${coins} + full grid ${full}`);
    const last = hw.respins.at(-1);
    const ended =
      hw.fullGrid ||
      hw.respins.length === game.holdAndWin!.maxRespins ||
      (last !== undefined && last.respinsLeft === 0);
    check(ended, 'hold and win ended before its end');
  }
  const fs = o.freeSpins;
  if (fs !== null) {
    let win = 0;
    fs.spins.forEach((s, i) => {
      spinChecks(s, `free spin ${i}`);
      win += s.win;
    });
    check(fs.win === win, 'freeSpins.win ≠ Σ free spins');
    const max = game.freeSpins!.maxSpins;
    const allotted = fs.awarded + fs.spins.reduce((a, s) => a + s.retrigger, 0);
    check(allotted <= max, `free spins allotted ${allotted} > maxSpins ${max}`);
    check(
      capped || fs.spins.length === allotted,
      `free spins played ${fs.spins.length} ≠ allotted ${allotted}`,
    );
    if (o.start === null) {
      const awarded = fs.awards.reduce((a, p) => a + p.spins, 0);
      check(fs.awarded === Math.min(awarded, max), 'awarded ≠ the award parts cut to maxSpins');
    }
  }
  check(o.components.freeSpins === (fs?.win ?? 0), 'components.freeSpins ≠ the free spins’ win');
  const parts =
    o.components.lines +
    o.components.scatter +
    o.components.bonus +
    o.components.holdAndWin +
    o.components.freeSpins;
  check(o.total === parts, `total ${o.total} ≠ Σ components ${parts}`);
  if (cap !== null) {
    check(o.total <= cap, 'the total is above the cap');
    check(capped === o.total >= cap, 'capped ≠ (total reached the cap)');
  } else {
    check(!capped, 'capped without a cap');
  }
  check(o.cost === game.cost && o.mode === game.mode, 'the mode or its cost is not the game’s');
  check((o.start === null) === (game.start === null), 'a start record without a start (or the reverse)');
  check(
    (o.paid === null) === (game.start !== null),
    'a paid spin in a start round (or none without a start)',
  );
  const implied = drawsImplied(game, o);
  check(implied === drawCount, `the record accounts for ${implied} draws; the round made ${drawCount}`);
  return problems;
}
