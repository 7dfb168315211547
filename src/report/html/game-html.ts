import type { BonusDescription, GameDescription, PrizeTree } from '../../certify/game-description.js';
import type { CertifyReport } from '../../certify/report-types.js';
import {
  bonusText,
  evaluationText,
  freeSpinsTable,
  freeSpinsText,
  gameIntroText,
  gameOverviewTable,
  groupsTable,
  payTable,
  payTableCaption,
  reelCountTable,
  reelSetCaption,
  reelStripTable,
  REEL_STRIPS_INTRO,
  rtpRangeTable,
  scatterTable,
  symbolRulesText,
  symbolsTable,
  volatilityTable,
  volatilityText,
} from '../certify-game-tables.js';
import { count, percent, plain } from '../format.js';
import { escapeHtml as e } from './escape.js';
import { htmlTable } from './html-table.js';
import type { HtmlSection } from './sections.js';

const CELL = 9;

/** One payline as a small grid (reels × rows), its cells filled and joined left to right. */
function paylineSvg(line: readonly number[], rows: number, index: number): string {
  const w = line.length * CELL + 2;
  const h = rows * CELL + 2;
  const cells: string[] = [];
  for (let r = 0; r < line.length; r++) {
    for (let row = 0; row < rows; row++) {
      const on = line[r] === row;
      cells.push(
        `<rect class="${on ? 'on' : 'off'}" x="${1 + r * CELL}" y="${1 + row * CELL}" width="${CELL}" height="${CELL}"/>`,
      );
    }
  }
  const path = line.map((row, r) => `${1 + r * CELL + CELL / 2},${1 + row * CELL + CELL / 2}`).join(' ');
  return `<figure class="payline"><svg viewBox="0 0 ${w} ${h}" width="${w * 2}" height="${h * 2}" role="img" aria-label="payline ${index + 1}: rows ${line.join(' ')}">${cells.join('')}<polyline points="${path}"/></svg><figcaption><strong>${index + 1}</strong> · ${e(line.join(' '))}</figcaption></figure>`;
}

function paragraphs(lines: readonly string[]): string {
  return lines.map((line) => `<p>${e(line)}</p>`).join('\n');
}

function prizeTreeHtml(node: PrizeTree, b: BonusDescription, stake: number): string {
  const unit = b.paysPer === 'bet' ? 'total bets' : 'line bets';
  if (node.kind === 'pick') {
    return htmlTable(
      {
        head: [`prize (${unit})`, 'credits', '× stake', 'weight', 'chance'],
        numeric: [0, 1, 2, 3, 4],
        rows: node.entries.map((x) => [
          plain(x.value),
          count(x.credits),
          `${plain(x.credits / stake)}×`,
          count(x.weight),
          percent(x.probability, 2),
        ]),
      },
      { className: 'small', caption: `Pick one prize (total weight ${count(node.totalWeight)})` },
    );
  }
  return `${htmlTable(
    {
      head: ['times', 'weight', 'chance'],
      numeric: [0, 1, 2],
      rows: node.entries.map((x) => [String(x.count), count(x.weight), percent(x.probability, 2)]),
    },
    { className: 'small', caption: `Repeat (total weight ${count(node.totalWeight)}); each time:` },
  )}<div class="tree">${prizeTreeHtml(node.each, b, stake)}</div>`;
}

/** The game description: overview, paylines, symbols, pay table, scatter, free spins, bonus. */
export function gameSection(d: GameDescription, prefix: string): HtmlSection {
  const sub: HtmlSection[] = [
    {
      id: `${prefix}game-overview`,
      title: 'Grid, stake and cap',
      keep: true,
      html: htmlTable(gameOverviewTable(d), { className: 'small key-value' }),
    },
  ];
  if (d.evaluation === 'lines') {
    sub.push({
      id: `${prefix}paylines`,
      title: 'Paylines',
      html: `<p>${e(`${evaluationText(d)} Each line gives its row on reels 1 to ${d.grid.reels} (row 0 is the top).`)}</p>
<div class="paylines">${d.paylines.map((line, i) => paylineSvg(line, d.grid.rows, i)).join('')}</div>`,
    });
  }
  const groups = groupsTable(d);
  sub.push({
    id: `${prefix}symbols`,
    title: 'Symbols',
    html: `${htmlTable(symbolsTable(d), { className: 'small' })}${groups === null ? '' : htmlTable(groups, { className: 'small', caption: 'Groups (used in patterns)' })}${paragraphs(symbolRulesText(d))}`,
  });
  const scatter = scatterTable(d);
  sub.push({
    id: `${prefix}pay-table`,
    title: 'Pay table',
    html: `<p>${e(payTableCaption(d))}</p>${htmlTable(payTable(d), { className: 'small' })}${
      scatter === null
        ? ''
        : htmlTable(scatter, { className: 'small', caption: `Scatter pays (${d.scatter?.symbol ?? ''})` })
    }`,
  });
  const fs = freeSpinsTable(d);
  if (fs !== null) {
    sub.push({
      id: `${prefix}free-spins`,
      title: 'Free spins',
      keep: true,
      html: `${paragraphs(freeSpinsText(d))}${htmlTable(fs, { className: 'small' })}`,
    });
  }
  if (d.bonus !== null) {
    sub.push({
      id: `${prefix}bonus`,
      title: 'Bonus',
      html: `${paragraphs(bonusText(d))}<div class="tree">${prizeTreeHtml(d.bonus.prize, d.bonus, d.stake.credits)}</div>`,
    });
  }
  return {
    id: `${prefix}game`,
    title: 'Game description',
    html: `<p${d.notDescribed.length === 0 ? '' : ' class="note"'}>${e(gameIntroText(d))}</p>`,
    subsections: sub,
  };
}

/** Every reel set: its strips in order (with weights) and the symbol counts per reel. */
export function reelsSection(report: CertifyReport, prefix: string): HtmlSection {
  return {
    id: `${prefix}reels`,
    title: 'Reel strips',
    html: `<p>${e(REEL_STRIPS_INTRO)}</p>`,
    subsections: report.reelStrips.map((set, i) => ({
      id: `${prefix}reels-${i + 1}`,
      title: `Reel set “${set.name}”${set.usedFor.length === 0 ? ' (not used)' : ` (${set.usedFor.join(', ')})`}`,
      html: `<p>${e(reelSetCaption(set))}</p><div class="side-by-side">${htmlTable(reelCountTable(set), { className: 'small', caption: 'Symbol counts per reel' })}${htmlTable(reelStripTable(set), { className: 'strips', caption: 'Strips, stop by stop' })}</div>`,
    })),
  };
}

export function volatilityHtmlSection(report: CertifyReport, prefix: string): HtmlSection {
  return {
    id: `${prefix}volatility`,
    title: 'Volatility and RTP range',
    html: `<p>${e(volatilityText(report))}</p><div class="side-by-side">${htmlTable(volatilityTable(report), { className: 'small' })}${htmlTable(rtpRangeTable(report), { className: 'small', caption: 'RTP range after n rounds' })}</div>`,
  };
}
