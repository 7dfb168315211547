/**
 * How a strict object's zod error (`schema.ts`) tells the issue formatter (`zod-issues.ts`)
 * which keys it allows: one phrase, written and read here only.
 */

const PREFIX = 'one of: ';

export function allowedKeysMessage(keys: readonly string[]): string {
  return PREFIX + keys.join(', ');
}

export function parseAllowedKeys(message: string): readonly string[] {
  return message.startsWith(PREFIX) ? message.slice(PREFIX.length).split(', ') : [];
}
