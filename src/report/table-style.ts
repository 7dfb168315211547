/** The look of every terminal table: no colours, no rule between body rows (long tables stay readable). */
export const TABLE_STYLE = { head: [] as string[], border: [] as string[] };
export const COMPACT_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
