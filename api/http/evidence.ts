// /evidence/:kpi.json and /evidence/:kpi.csv (?period=ID): a KPI's evidence file, every record
// behind its figure with the log that proves it, for `yuscan audit --evidence` or any reader
// with a node. Taken at one indexed head: the state and the height are read together.
import express, { type Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { KpiId } from '../generated/enums';
import type { HeadTracker } from '../head';
import { KPI_ORDER } from '../state';
import { buildKpi } from '../data/kpi';
import { evidenceCsv, evidenceFile, type EvidenceFile } from '../kpi/evidence-file';
import { gqlError } from './errors';

const CHUNK = 500;

async function blockHashes(db: Kysely<Database>, numbers: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('blocks').select(['number', 'hash']).where('number', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(Number(r.number), r.hash);
  }
  return out;
}

async function takeFile(db: Kysely<Database>, head: HeadTracker, kpi: KpiId, period: string | undefined): Promise<EvidenceFile | string> {
  // The state is per head; should a new head land while it loads, take both again.
  for (;;) {
    const h = head.current;
    const state = await head.allianceState();
    if (head.current.key !== h.key) continue;
    if (!h.registry) return 'no alliance registry is configured';
    const p = state.period(period);
    const k = p && buildKpi(state, kpi, p);
    if (!k) return period ? `no target for ${kpi} in period ${period}` : `no target for ${kpi}`;
    const hashes = await blockHashes(db, k.entries.map((e) => e.record.blockNumber));
    const at = { chainId: h.chainId, registry: h.registry, blockHeight: h.indexedHead, blockHash: h.latestBlockHash ?? '' };
    return evidenceFile(k, at, (n) => hashes.get(n) ?? '');
  }
}

export function evidenceRoutes(db: Kysely<Database>, head: HeadTracker): Router {
  const router = express.Router();
  router.get('/evidence/:file', async (req, res, next) => {
    try {
      const m = /^([A-Z_]+)\.(json|csv)$/.exec(req.params.file);
      const kpi = m && (KPI_ORDER as string[]).includes(m[1]!) ? (m[1] as KpiId) : null;
      if (!m || !kpi) return gqlError(res, 404, 'NOT_FOUND', `no such evidence file; it takes /evidence/{${KPI_ORDER.join('|')}}.{json|csv}`);
      const period = typeof req.query.period === 'string' && req.query.period !== '' ? req.query.period : undefined;
      const file = await takeFile(db, head, kpi, period);
      if (typeof file === 'string') return gqlError(res, 404, 'NOT_FOUND', file);
      const name = `${kpi.toLowerCase()}-${file.period.id}-block-${file.blockHeight}.${m[2]}`;
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'no-store');
      if (m[2] === 'csv') res.type('text/csv; charset=utf-8').send(`\ufeff${evidenceCsv(file)}`);
      else res.json(file);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
