// Year-over-year figures: patents filed and output value reported per calendar year, with the
// change from the year before. Pure.
import type { PatentModel, ReportModel } from '../models';
import { parseQuarter, yearOf } from '../../rules/quarter';

export interface YearFiguresModel {
  year: number;
  complete: boolean;
  patents: number;
  patentsChange: number | null;
  patentsChangeShare: number | null;
  outputValue: bigint;
  outputValueChange: bigint | null;
  outputValueChangeShare: number | null;
}

const share = (change: bigint, before: bigint): number | null =>
  before === 0n ? null : Number((change * 1_000_000n) / before) / 1_000_000;

/**
 * One row per year from the first year with a record to the year of `asOf` (years without
 * records in between are rows of zeros, so each change is from the calendar year before).
 * Patents by filing date; output by the year of the quarter, latest report per member and
 * quarter (reports must be linked, see linkReports).
 */
export function yearOverYear(patents: PatentModel[], reports: ReportModel[], asOf: number): YearFiguresModel[] {
  const patentsBy = new Map<number, number>();
  const outputBy = new Map<number, bigint>();
  for (const p of patents) {
    const y = yearOf(p.filedAt);
    patentsBy.set(y, (patentsBy.get(y) ?? 0) + 1);
  }
  for (const r of reports) {
    if (r.superseded) continue;
    const y = parseQuarter(r.period).year;
    outputBy.set(y, (outputBy.get(y) ?? 0n) + r.amount);
  }
  const last = yearOf(asOf);
  const years = [...patentsBy.keys(), ...outputBy.keys()].filter((y) => y <= last);
  if (years.length === 0) return [];
  const rows: YearFiguresModel[] = [];
  for (let year = Math.min(...years); year <= last; year++) {
    const patentsNow = patentsBy.get(year) ?? 0;
    const outputNow = outputBy.get(year) ?? 0n;
    const prev = rows.at(-1);
    rows.push({
      year,
      complete: year < last,
      patents: patentsNow,
      patentsChange: prev ? patentsNow - prev.patents : null,
      patentsChangeShare: prev ? share(BigInt(patentsNow - prev.patents), BigInt(prev.patents)) : null,
      outputValue: outputNow,
      outputValueChange: prev ? outputNow - prev.outputValue : null,
      outputValueChangeShare: prev ? share(outputNow - prev.outputValue, prev.outputValue) : null,
    });
  }
  return rows;
}
