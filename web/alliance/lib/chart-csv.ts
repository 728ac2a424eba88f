// The CSV of each chart, shared by the dashboard's charts and the embeds so a download from
// either has the same columns. Pure.
import { toCsv } from './csv';

export function seriesCsv(points: ReadonlyArray<{ date: string; from: number; to: number; value: string; delta: string; expected: number }>, target: string): string {
  return toCsv(['date', 'from', 'to', 'value', 'delta', 'expected', 'target'], points.map((p) => [p.date, p.from, p.to, p.value, p.delta, p.expected, target]));
}

export function quarterlyCsv(rows: ReadonlyArray<{ quarter: number; label: string; amount: string; memberCount: number }>): string {
  return toCsv(['quarter', 'label', 'amount_cny', 'members_reporting'], rows.map((r) => [r.quarter, r.label, r.amount, r.memberCount]));
}

/** `label` is the slice's name as shown (member name, translated sector or region). */
export function breakdownCsv(rows: ReadonlyArray<{ key: string; label: string; value: string | number; share: number; isRest: boolean }>): string {
  return toCsv(['key', 'label', 'value', 'share', 'is_rest'], rows.map((r) => [r.key, r.label, r.value, r.share, r.isRest]));
}

export function pipelineCsv(rows: ReadonlyArray<{ stage: string; count: number }>): string {
  return toCsv(['stage', 'count'], rows.map((r) => [r.stage, r.count]));
}

export function chainStatsCsv(points: ReadonlyArray<{ date: string; from: number; to: number; value: number }>): string {
  return toCsv(['date', 'from', 'to', 'value'], points.map((p) => [p.date, p.from, p.to, p.value]));
}
