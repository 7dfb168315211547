import type { JsonPath } from './json-path.js';

/** One thing wrong with a game file, before it is located in the text. */
export interface Problem {
  readonly path: JsonPath;
  /** What was found and what was expected, e.g. `unknown symbol "Q" (expected one of: A, K)`. */
  readonly message: string;
}
