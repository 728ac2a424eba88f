// A KPI at a head: its figure from the ledger, and its breakdown and evidence lists.
// (Moved unchanged from the former api/resolvers.ts; the rules themselves are in api/kpi/.)
import type { BreakdownBy, KpiId, Region } from '../generated/enums';
import type { KpiModel, LedgerEntry, PeriodModel, RegistryEventModel, RegistryView } from '../models';
import type { AllianceState } from '../state';
import { expectedProgress, kpiStatus, progress } from '../kpi/maths';
import { ledgerTotal } from '../kpi/ledger';
import { breakdown } from '../kpi/series';

export function buildKpi(state: AllianceState, id: KpiId, period: PeriodModel): KpiModel | null {
  const target = period.targets.get(id);
  if (!target) return null;
  return state.cached(`kpi:${id}:${period.id}`, () => {
    const entries = state.ledger(id, period);
    const current = ledgerTotal(entries);
    const p = progress(current, target.target);
    const expected = expectedProgress(state.asOf, period.start, period.end);
    return {
      id, period: period.id, current, target: target.target, periodStart: period.start, periodEnd: period.end,
      progress: p, expectedProgress: expected, status: kpiStatus(p, expected), asOf: state.asOf,
      targetTxHash: target.txHash, entries, registry: state,
    };
  });
}

function recordSector(registry: RegistryView, e: RegistryEventModel): string | null {
  if (e.kind === 'stage') return registry.scenarios.get(e.scenarioId)?.sector ?? null;
  if (e.kind === 'membership' && e.sector) return e.sector;
  return registry.members.get(e.member)?.sector ?? null;
}

function sliceKey(registry: RegistryView, by: BreakdownBy) {
  return (e: LedgerEntry) => {
    const m = registry.members.get(e.record.member);
    switch (by) {
      case 'MEMBER':
        return { key: e.record.member, label: m?.name || e.record.member, member: e.record.member };
      case 'SECTOR': {
        const s = recordSector(registry, e.record) ?? 'unknown';
        return { key: s, label: s };
      }
      case 'REGION': {
        const r = m ? (m.country === 'CN' ? 'DOMESTIC' : 'OVERSEAS') : 'UNKNOWN';
        return { key: r, label: r };
      }
      default: {
        const c = m?.country || 'unknown';
        return { key: c, label: c };
      }
    }
  };
}

/** Top slices of a KPI by a dimension; limit is checked by the resolver. */
export function kpiBreakdown(k: KpiModel, by: BreakdownBy, n: number) {
  return k.registry.cached(`breakdown:${k.id}:${k.period}:${by}:${n}`, () =>
    breakdown(k.entries, sliceKey(k.registry, by), by === 'MEMBER' ? n : undefined),
  );
}

export interface EvidenceFilter {
  from?: number | null;
  to?: number | null;
  member?: string;
  sector?: string | null;
  region?: Region | null;
  country?: string;
  countedOnly?: boolean | null;
}

/** The KPI's ledger entries that pass the filter, newest first. */
export function kpiEvidence(k: KpiModel, f: EvidenceFilter): LedgerEntry[] {
  const key = `evidence:${k.id}:${k.period}:${f.from}:${f.to}:${f.member}:${f.sector}:${f.region}:${f.country}:${f.countedOnly}`;
  return k.registry.cached(key, () =>
    k.entries
      .filter((e) => {
        if (f.countedOnly && !e.counted) return false;
        if (f.from != null && e.time < f.from) return false;
        if (f.to != null && e.time >= f.to) return false;
        if (f.member && e.record.member !== f.member) return false;
        const m = k.registry.members.get(e.record.member);
        if (f.sector && recordSector(k.registry, e.record) !== f.sector) return false;
        if (f.region && (m?.country === 'CN') !== (f.region === 'DOMESTIC')) return false;
        if (f.country && m?.country !== f.country) return false;
        return true;
      })
      .reverse(),
  );
}
