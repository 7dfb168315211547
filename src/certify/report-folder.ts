/** One path component: anything but letters, digits, dot, dash and underscore becomes "_". */
function safe(part: string): string {
  return part.replaceAll(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
}

/** "20260612T101530Z": the UTC timestamp of a report folder's name. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
}

/** `<game id>-<version>[-<variant>][-<mode>]-<UTC timestamp>`, the default folder under `reports/` ("base" is not named). */
export function reportFolderName(
  game: {
    readonly id: string;
    readonly version: string;
    readonly variant: string | null;
    readonly mode?: string;
  },
  date: Date,
): string {
  const mode = game.mode === undefined || game.mode === 'base' ? [] : [game.mode];
  const parts = [
    game.id,
    game.version,
    ...(game.variant === null ? [] : [game.variant]),
    ...mode,
    utcStamp(date),
  ];
  return parts.map(safe).join('-');
}
