/** The EIP-1193 surface the devnet's simulation drives the node through. */
export interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/**
 * The devnet's node also takes JSON-RPC batches: one round trip for calls whose relative order
 * does not matter (the node may run a batch's calls concurrently). Results in call order; the
 * first error throws.
 */
export interface BatchProvider extends Eip1193 {
  batch(calls: { method: string; params: unknown[] }[]): Promise<unknown[]>;
}
