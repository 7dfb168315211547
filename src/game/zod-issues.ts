/**
 * Zod issues turned into problems that say what was found, where, and what was expected.
 *
 * The schema (`schema.ts`) gives every leaf its "expected" phrase as its error message; this file
 * adds the found value (looked up in the document, so zod need not report inputs), splits unknown
 * keys one per problem, and picks the branch of a union the value was evidently meant to be.
 */
import type { z } from 'zod';
import { parseAllowedKeys } from './allowed-keys.js';
import { IDENTITY_KEYS } from './schema.js';
import { describeValue, expectedOneOf } from './describe.js';
import type { JsonPath } from './json-path.js';
import type { Problem } from './problem.js';

type Issue = z.core.$ZodIssue;

export function problemsFromZod(issues: readonly Issue[], root: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) collect(issue, [], root, problems);
  return problems;
}

function collect(issue: Issue, base: JsonPath, root: unknown, out: Problem[]): void {
  const path = [...base, ...issue.path.filter((part) => typeof part !== 'symbol')];
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_union': {
      const branch = intendedBranch(issue.errors);
      if (branch === null)
        out.push({ path, message: `found ${describeValue(value)} (expected ${issue.message})` });
      else for (const inner of branch) collect(inner, path, root, out);
      return;
    }
    case 'unrecognized_keys': {
      const allowed = parseAllowedKeys(issue.message);
      for (const key of issue.keys) {
        const identity = path.length === 2 && path[0] === 'variants' && IDENTITY_KEYS.includes(key);
        out.push({
          path: [...path, key],
          message: identity
            ? `a variant cannot change the game's ${key} (expected the top-level ${key}: a variant is a version of the same game, and audit logs and reports name the game by its top-level id, name and version)`
            : `unknown key ${expectedOneOf(key, allowed)}`,
        });
      }
      return;
    }
    case 'invalid_key': {
      const expected = issue.issues[0]?.message ?? issue.message;
      out.push({ path, message: `key ${JSON.stringify(path.at(-1))} is not allowed (expected ${expected})` });
      return;
    }
    default:
      out.push({
        path,
        message:
          value === undefined
            ? `missing (expected ${issue.message})`
            : `found ${describeValue(value)} (expected ${issue.message})`,
      });
  }
}

/**
 * The union branch the value was meant for: not one whose very type is wrong, preferably one that
 * knows every key the value has, and among those the one with the fewest issues; null when that is
 * not one branch.
 */
function intendedBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const typed = branches.filter(
    (issues) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  const knowKeys = typed.filter(
    (issues) => !issues.some((i) => i.path.length === 0 && i.code === 'unrecognized_keys'),
  );
  const candidates = knowKeys.length > 0 ? knowKeys : typed;
  let best: readonly Issue[] | null = null;
  let tie = false;
  for (const issues of candidates) {
    if (best === null || issues.length < best.length) {
      best = issues;
      tie = false;
    } else if (issues.length === best.length) tie = true;
  }
  return tie ? null : best;
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
