// How far V8 may grow the old generation past its live data after a full collection.
// Both long-running commands keep little and allocate much (the indexer parses tens of
// megabytes of JSON per batch; the server builds every answer afresh), and V8's default
// growth, up to 4x after a fast collection, let their heaps sit at 2-3 times the live data.
// It is V8's own flag, read at each collection, so setting it at start takes effect at once.
import { setFlagsFromString } from 'node:v8';

/** Indexer: 2x its live data, for a few percent more time in the collector (figures: docs/performance.md). */
export const INDEXER_HEAP_GROWTH_PERCENT = 100;
/** `yuscan serve`: 1.5x its live data, for about a tenth more CPU per request (figures: docs/performance.md). */
export const SERVER_HEAP_GROWTH_PERCENT = 50;

// The young generation cannot be resized once V8 is up, so `npm start` passes
// `--max-semi-space-size=4` on node's command line: `yuscan start` then sits about 40 MB
// lower, for about 8 % more CPU to catch up (figures: docs/performance.md).

/** Process-wide; `yuscan start` runs the indexer and the server in one process and takes the indexer's. */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
