// Prometheus metrics on a registry of the server's own (several servers can share a process).
import client from 'prom-client';
import type { HeadTracker } from './head';

/** Operation names come from clients: bound the label set so they cannot grow it without end. */
const MAX_OPERATION_LABELS = 100;

/** Seconds: a request or an operation answered from 1 ms to 2.5 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

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
    buckets: LATENCY_BUCKETS,
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
    aggregator: 'max', // the workers of one server read one database: the same figure, not one to add up
    help: 'Latest indexed block number',
    registers: [registry],
    collect() {
      this.set(head.current.indexedHead);
    },
  });
  new client.Gauge({
    name: 'yuscan_chain_head',
    aggregator: 'max',
    help: 'Latest chain block number the indexer has seen',
    registers: [registry],
    collect() {
      this.set(head.current.chainHead);
    },
  });
  new client.Gauge({
    name: 'yuscan_indexer_lag_blocks',
    aggregator: 'max',
    help: 'Chain head minus indexed head',
    registers: [registry],
    collect() {
      this.set(Math.max(0, head.current.chainHead - head.current.indexedHead));
    },
  });
  const graphqlSeconds = new client.Histogram({
    name: 'yuscan_graphql_duration_seconds',
    help: 'GraphQL operation latency by operation (its name, or its root fields)',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const cacheRequests = new client.Counter({
    name: 'yuscan_response_cache_requests_total',
    help: 'Cacheable GraphQL requests by response-cache result (hit or miss)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const cache = { hits: 0, misses: 0 };
  new client.Gauge({
    name: 'yuscan_response_cache_hit_ratio',
    aggregator: 'average',
    help: 'Response-cache hits over cacheable requests since start',
    registers: [registry],
    collect() {
      const n = cache.hits + cache.misses;
      this.set(n ? cache.hits / n : 0);
    },
  });
  const operationLabels = new Set<string>();
  return {
    registry,
    requests,
    latency,
    operations,
    /** Time one GraphQL operation; at most MAX_OPERATION_LABELS distinct names, the rest count as "other". */
    observeOperation(operation: string, seconds: number) {
      if (!operationLabels.has(operation) && operationLabels.size >= MAX_OPERATION_LABELS) operation = 'other';
      operationLabels.add(operation);
      graphqlSeconds.observe({ operation }, seconds);
    },
    cacheResult(hit: boolean) {
      if (hit) cache.hits++;
      else cache.misses++;
      cacheRequests.inc({ result: hit ? 'hit' : 'miss' });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
