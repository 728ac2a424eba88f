// Operations' view: request metrics for every answer, /healthz and /metrics.
import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';
import type { Db } from '../../db/connect';
import { probeIndexerState } from '../../db/indexer-state';
import type { HeadTracker } from '../head';
import type { Metrics } from '../metrics';

const API_PREFIXES = ['/graphql', '/healthz', '/metrics', '/api', '/evidence', '/export'];

/** Counts and times every request by route family (the API's prefixes, embeds, the web app). */
export function requestMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0]!;
      const route = API_PREFIXES.find((p) => path === p || path.startsWith(`${p}/`)) ?? (path.startsWith('/embed/') ? '/embed' : 'web');
      metrics.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.latency.observe({ route }, Number(process.hrtime.bigint() - start) / 1e9);
    });
    next();
  };
}

/** `metricsText`: the Prometheus text /metrics answers (the server's registry, more series, or a cluster's sum). */
export function monitoringRoutes(db: Db, head: HeadTracker, metrics: Metrics, metricsText: () => Promise<string>): Router {
  const router = express.Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await probeIndexerState(db.db);
      await head.poll();
      const h = head.current;
      res.setHeader('cache-control', 'no-store');
      res.json({
        ok: true, chainId: h.chainId, indexedHead: h.indexedHead, chainHead: h.chainHead,
        lag: Math.max(0, h.chainHead - h.indexedHead), latestBlockTime: h.latestBlockTime,
      });
    } catch {
      res.status(503).json({ ok: false, error: 'database unreachable' });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metricsText());
  });
  return router;
}
