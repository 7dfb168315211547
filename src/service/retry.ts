export interface RetryPolicy {
  /** Tries in all, the first included (≥ 1). */
  readonly attempts: number;
  /** Wait before try n+1: delayMs × n. */
  readonly delayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, delayMs: 25 };

export type Tried<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Calls `operation` until it resolves or the attempts run out, or it fails in a way `final` says
 * no retry can mend; never throws.
 */
export async function withRetries<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  final: (error: unknown) => boolean = () => false,
): Promise<Tried<T>> {
  let error: unknown = null;
  for (let attempt = 1; attempt <= Math.max(1, policy.attempts); attempt++) {
    try {
      return { ok: true, value: await operation() };
    } catch (caught) {
      error = caught;
      if (final(caught)) break;
      if (attempt < policy.attempts) await sleep(policy.delayMs * attempt);
    }
  }
  return { ok: false, error };
}

export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
