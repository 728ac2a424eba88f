// What `yuscan audit` reports, computed with the API's own code (allianceStateFromRows,
// buildKpi): every KPI of every plan period (or one) at one block. Pure.
import type { AllianceState } from '../../api/state';
import { KPI_ORDER } from '../../api/state';
import { buildKpi } from '../../api/data/kpi';
import type { KpiModel, PeriodModel } from '../../api/models';

export interface AuditedKpi {
  period: string;
  kpi: KpiModel['id'];
  figure: string;
  target: string;
  status: KpiModel['status'];
  startLevel: string;
  projectedAtEnd: string | null;
  /** Records behind the figure, and how many of them count toward it. */
  evidence: number;
  counted: number;
  model: KpiModel;
}

export function auditPeriods(state: AllianceState, periodId: string | undefined): PeriodModel[] {
  if (periodId === undefined) return state.periods;
  const p = state.periods.find((x) => x.id === periodId);
  if (!p) throw new Error(`--period ${periodId}: the registry has no such plan period; it has ${state.periods.map((x) => x.id).join(', ') || 'none'}`);
  return [p];
}

export function auditFigures(state: AllianceState, periods: PeriodModel[]): AuditedKpi[] {
  const out: AuditedKpi[] = [];
  for (const p of periods) {
    for (const id of KPI_ORDER) {
      const k = buildKpi(state, id, p);
      if (!k) continue;
      out.push({
        period: p.id, kpi: id, figure: k.current.toString(), target: k.target.toString(), status: k.status,
        startLevel: k.startLevel.toString(), projectedAtEnd: k.projectedAtEnd?.toString() ?? null,
        evidence: k.entries.length, counted: k.entries.filter((e) => e.counted).length, model: k,
      });
    }
  }
  return out;
}

/** A plain-text table: one row per KPI. */
export function auditTable(rows: AuditedKpi[]): string {
  const head = ['period', 'kpi', 'figure', 'target', 'status', 'projected at end', 'evidence (counted)'];
  const body = rows.map((r) => [r.period, r.kpi, r.figure, r.target, r.status, r.projectedAtEnd ?? '—', `${r.evidence} (${r.counted})`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i !== 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
