// Prometheus metrics on a registry of the server's own (several servers can share a process).
import client from 'prom-client';
import type { HeadTracker } from './head';

export function createMetrics(head: HeadTracker) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'yuscan_' });
  const requests = new client.Counter({
    name: 'yuscan_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'yuscan_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const operations = new client.Counter({
    name: 'yuscan_graphql_operations_total',
    help: 'GraphQL operations by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: 'yuscan_indexer_head',
    help: 'Latest indexed block number',
    registers: [registry],
    collect() {
      this.set(head.current.indexedHead);
    },
  });
  new client.Gauge({
    name: 'yuscan_chain_head',
    help: 'Latest chain block number the indexer has seen',
    registers: [registry],
    collect() {
      this.set(head.current.chainHead);
    },
  });
  new client.Gauge({
    name: 'yuscan_indexer_lag_blocks',
    help: 'Chain head minus indexed head',
    registers: [registry],
    collect() {
      this.set(Math.max(0, head.current.chainHead - head.current.indexedHead));
    },
  });
  return { registry, requests, latency, operations };
}

export type Metrics = ReturnType<typeof createMetrics>;
