// The indexer's Prometheus series: lag, RPC latency and errors by method, batch write time.
// `yuscan index --metrics-port` serves them; `yuscan start` adds them to the API's /metrics.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import type { IndexerObserver } from './observer';

export function createIndexerMetrics(): { registry: client.Registry; observer: IndexerObserver } {
  const registry = new client.Registry();
  const rpcSeconds = new client.Histogram({
    name: 'yuscan_indexer_rpc_duration_seconds',
    help: 'JSON-RPC round trips by method (a batch counts once for each method it carries)',
    labelNames: ['method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const rpcErrors = new client.Counter({
    name: 'yuscan_indexer_rpc_errors_total',
    help: 'Failed JSON-RPC calls by method (error answers and transport faults)',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const writeSeconds = new client.Histogram({
    name: 'yuscan_indexer_batch_write_seconds',
    help: 'Time to write one batch of blocks and its checkpoint (one transaction)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const written = new client.Counter({ name: 'yuscan_indexer_blocks_written_total', help: 'Blocks written', registers: [registry] });
  const indexed = new client.Gauge({ name: 'yuscan_indexer_indexed_block', help: 'Last block written', registers: [registry] });
  const lag = new client.Gauge({ name: 'yuscan_indexer_lag_blocks_behind', help: 'Chain head minus the last block written, as this indexer sees it', registers: [registry] });
  return {
    registry,
    observer: {
      rpc(methods, seconds, failed) {
        for (const m of new Set(methods)) rpcSeconds.observe({ method: m }, seconds);
        for (const m of failed) rpcErrors.inc({ method: m });
      },
      batchWritten(seconds, blocks) {
        writeSeconds.observe(seconds);
        written.inc(blocks);
      },
      progress(indexedBlock, chainHead) {
        indexed.set(indexedBlock);
        lag.set(Math.max(0, chainHead - indexedBlock));
      },
    },
  };
}

/** GET /metrics on `port` (0 picks one). */
export async function serveMetrics(registry: client.Registry, port: number, host = '0.0.0.0'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, server };
}
