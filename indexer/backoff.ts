// Retry policy for everything that talks to the node. Pure apart from the sleep, so the
// schedule itself is unit-tested.

export interface RetryPolicy {
  /** Total attempts, the first one included. */
  attempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 20, baseMs: 250, capMs: 8_000 };
/** The first contact with a node: a wrong --rpc should fail within seconds, not minutes. */
export const STARTUP_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, capMs: 2_000 };

/**
 * Delay before retry number `attempt` (1 = the first retry). "Full jitter" keeps many
 * clients that failed together from hammering a recovering node in lock step, and a floor
 * of half the step keeps the schedule from collapsing to zero.
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random: () => number = Math.random): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** An error worth another attempt: the node is down, slow, rate-limiting or answered nonsense. */
export class RetryableError extends Error {
  override name = 'RetryableError';
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export interface RetryHooks {
  onRetry?: (err: Error, attempt: number, delayMs: number) => void;
  signal?: AbortSignal;
}

/** Run `fn`, retrying RetryableErrors by the policy; anything else fails at once. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof RetryableError) || attempt >= policy.attempts || hooks.signal?.aborted) throw err;
      const delay = backoffDelay(attempt, policy);
      hooks.onRetry?.(err, attempt, delay);
      await sleep(delay, hooks.signal);
    }
  }
}
