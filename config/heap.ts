// How far V8 may grow the old generation past its live data after a full collection.
// Both long-running commands keep little and allocate much (the indexer parses tens of
// megabytes of JSON per batch; the server builds every answer afresh), and V8's default
// growth, up to 4x after a fast collection, let their heaps sit at 2-3 times the live data.
// It is V8's own flag, read at each collection, so setting it at start takes effect at once.
import { setFlagsFromString } from 'node:v8';

/**
 * Indexer: ~50 MB live, peak RSS ~260 MB on the token-heavy bench chain by default, ~200 MB
 * at 2x, for a few percent more time in the collector.
 */
export const INDEXER_HEAP_GROWTH_PERCENT = 100;
/**
 * `yuscan serve`: ~30 MB live, 160-180 MB resident after a minute of steady queries by
 * default, ~130 MB at 1.5x, for about a tenth more CPU per request.
 */
export const SERVER_HEAP_GROWTH_PERCENT = 50;

/** Process-wide; `yuscan start` runs the indexer and the server in one process and takes the indexer's. */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
