import type { LinePairs, Table, TableKind } from './fast-game.js';

/**
 * Prefix tables of the line-pay table: `[k][p]`, for the symbols p of the first k reels (reel 0
 * the lowest digit), is the pay every completion of p shares, or −1 when the later reels matter.
 * `[reels]` is the full table; entries below 2 are empty. Built from the top down in O(S^reels).
 */
export function prefixTables(reels: number, symbolCount: number, table: Table, kind: TableKind): Table[] {
  const tables: Table[] = new Array<Table>(reels + 1).fill(kind.zeros(0));
  tables[reels] = table;
  for (let k = reels - 1; k >= 2; k--) {
    const next = tables[k + 1]!;
    const place = symbolCount ** k;
    const pay = kind.zeros(place);
    for (let p = 0; p < place; p++) {
      const first = next[p]!;
      let same = first >= 0;
      for (let c = 1; same && c < symbolCount; c++) same = next[p + c * place] === first;
      pay[p] = same ? first : -1;
    }
    tables[k] = pay;
  }
  return tables;
}

/**
 * Sums the lines that reels 0 and 1 decide, per stop pair, and lists the others with their
 * partial index (see `LinePairs`). `lineIndex[r][stop * lineCount + l]` is symbol × S^r.
 */
export function linePairs(
  lineIndex: readonly Int32Array[],
  lineCount: number,
  pair: Table,
  kind: TableKind,
): LinePairs {
  const first = lineIndex[0]!;
  const second = lineIndex[1]!;
  const stops0 = first.length / lineCount;
  const stride = second.length / lineCount;
  const decided = kind.zeros(stops0 * stride);
  const start = new Int32Array(stops0 * stride + 1);
  const open: number[] = [];
  const openIndex: number[] = [];
  for (let a = 0; a < stops0; a++) {
    for (let b = 0; b < stride; b++) {
      const at = a * stride + b;
      start[at] = open.length;
      for (let l = 0; l < lineCount; l++) {
        const index = first[a * lineCount + l]! + second[b * lineCount + l]!;
        const pay = pair[index]!;
        if (pay >= 0) {
          decided[at]! += pay;
        } else {
          open.push(l);
          openIndex.push(index);
        }
      }
    }
  }
  start[stops0 * stride] = open.length;
  return { stride, decided, start, open: Int32Array.from(open), openIndex: Int32Array.from(openIndex) };
}
