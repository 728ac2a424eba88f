// What the indexer reports for monitoring, kept apart from how it is exported: the sync
// loop and the RPC client call these; indexer/metrics.ts turns them into Prometheus series.
// Without an observer nothing is measured and prom-client is never loaded.
import type { RpcClient } from './rpc';

export interface IndexerObserver {
  /** One RPC round trip: its calls' methods, how long it took, which calls failed. */
  rpc(methods: readonly string[], seconds: number, failedMethods: readonly string[]): void;
  /** One batch written (rows and checkpoint, one transaction). */
  batchWritten(seconds: number, blocks: number, txs: number): void;
  /** Where the indexer stands after each step. */
  progress(indexedBlock: number, chainHead: number): void;
}

/** `rpc` with every round trip timed and its failures counted by method. */
export function observedRpc(rpc: RpcClient, observer: IndexerObserver): RpcClient {
  const batch: RpcClient['batch'] = async (calls) => {
    const methods = calls.map((c) => c.method);
    const t = performance.now();
    try {
      const results = await rpc.batch(calls);
      observer.rpc(methods, (performance.now() - t) / 1000, results.flatMap((r, i) => (r.error ? [methods[i]!] : [])));
      return results;
    } catch (err) {
      observer.rpc(methods, (performance.now() - t) / 1000, methods);
      throw err;
    }
  };
  // Everything else is inherited; request() calls this.batch, so it is observed too.
  return Object.assign(Object.create(rpc) as RpcClient, { batch });
}
