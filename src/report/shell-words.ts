/**
 * The words of a command line as `shellCommand` (src/certify/shell-quote.ts) writes it: split at
 * the spaces outside single quotes, each word kept exactly as written (quotes included), so the
 * words joined by single spaces give the command back.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (ch === "'") quoted = !quoted;
    else if (ch === '\\' && !quoted && i + 1 < command.length) {
      word += ch + command[++i]!;
      continue;
    } else if (ch === ' ' && !quoted) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += ch;
  }
  if (word !== '') words.push(word);
  return words;
}
