/**
 * What the enumeration learns from a spin beyond its win: a round recorder that the spin player
 * tells about each evaluation and each win (the PAR data: paying combinations, the pay of each
 * cascade step). Everything else a recorder hears is ignored. It allocates nothing per spin.
 */
import type { Grid } from '../../engine/grid.js';
import { WinReport } from '../../engine/mechanics/pay-mechanic.js';
import type { BonusDraw } from '../../engine/outcome.js';
import type { RoundRecorder, SpinSummary } from '../../engine/round-recorder.js';

export class SpinParRecorder implements RoundRecorder {
  readonly report = new WinReport();
  /** Evaluations seen in this spin, and each one's pay win (ladder applied). */
  evaluations = 0;
  evaluationPay: Float64Array;
  /** This spin's wins: rule, count, wild multiplier, amount (ladder applied). */
  wins = 0;
  winRule = new Int32Array(64);
  winCount = new Int32Array(64);
  winMultiplier = new Float64Array(64);
  winAmount = new Float64Array(64);

  constructor(maxEvaluations: number) {
    this.evaluationPay = new Float64Array(maxEvaluations);
  }

  /** Forgets the last spin. */
  reset(): void {
    this.evaluations = 0;
    this.wins = 0;
  }

  win(_grid: Grid): void {
    if (this.wins === this.winRule.length) this.grow();
    const i = this.wins++;
    const r = this.report;
    this.winRule[i] = r.rule;
    this.winCount[i] = r.count;
    this.winMultiplier[i] = r.wildMultiplier;
    this.winAmount[i] = r.amount;
  }

  private grow(): void {
    const n = this.winRule.length * 2;
    const rule = new Int32Array(n);
    const count = new Int32Array(n);
    const multiplier = new Float64Array(n);
    const amount = new Float64Array(n);
    rule.set(this.winRule);
    count.set(this.winCount);
    multiplier.set(this.winMultiplier);
    amount.set(this.winAmount);
    this.winRule = rule;
    this.winCount = count;
    this.winMultiplier = multiplier;
    this.winAmount = amount;
  }

  evaluationStart(_grid: Grid, _ladder: number): void {
    this.evaluations++;
  }

  evaluationEnd(payWin: number, _scatterCount: number, _scatterPay: number, _awardCount: number): void {
    this.evaluationPay[this.evaluations - 1] = payWin;
  }

  startFreeSpins(_spins: number): void {}
  startHoldAndWin(_coins: number): void {}
  spinStart(_reelSet: string, _free: boolean): void {}
  revealed(_grid: Grid): void {}
  stickyPlaced(_grid: Grid, _cell: number): void {}
  expanded(_grid: Grid, _reel: number, _cell: number): void {}
  removed(_grid: Grid): void {}
  refilled(_grid: Grid, _redraw: boolean): void {}
  spinEnd(_summary: SpinSummary, _payWin: number, _scatterWin: number): void {}
  award(_count: number, _spins: number, _drawn: boolean, _retrigger: boolean): void {}
  retrigger(_spins: number): void {}
  freeSpinsStart(_awarded: number): void {}
  freeSpinsEnd(_win: number): void {}
  bonusDraws(): BonusDraw[] {
    return [];
  }
  bonusEnd(_win: number): void {}
  holdAndWinStart(): void {}
  coin(_cell: number, _value: number, _phase: 'initial' | 'landing'): void {}
  respinEnd(_respinsLeft: number): void {}
  holdAndWinEnd(_coins: Int32Array, _fullGrid: boolean, _win: number): void {}
}
