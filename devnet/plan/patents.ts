// Patents: members register them on chain on working days, a Poisson number a day at the
// year's rate (the phase-1 push peaks in 2024), bigger firms more often; each was filed with
// CNIPA up to six weeks before and has a unique application number.
import { encodeFunctionData } from 'viem';
import { allianceRegistryAbi } from '../../contracts/registry';
import { patentNumber, patentTitle } from '../catalogue';
import { int, poisson, weightedIndex, type Rng } from '../rng';
import { DAY, PHASE1, utcYear, type PlanDay } from './calendar';
import { sizesOf } from './membership';
import type { Hex, PlanContext, PlannedTx } from './types';

/** Patents registered per year (weekdays only). */
const PATENTS_PER_YEAR: Record<number, number> = { 2020: 80, 2021: 170, 2022: 210, 2023: 235, 2024: 250, 2025: 190 };
const PATENTS_PER_YEAR_LATER = 150;
const WORKDAYS_PER_YEAR = 250;

/** `r` is the patents stream, drawn from on working days with members only. */
export function patentPlanner(r: Rng, { members, call }: PlanContext) {
  const numbers: Hex[] = [];
  const seen = new Set<string>();
  const counts = { patents: 0, inPhase1: 0 };
  return {
    counts,
    /** Application numbers registered so far (bytes32), in order. */
    numbers: numbers as readonly Hex[],
    day(d: PlanDay, active: readonly number[]): PlannedTx[] {
      if (!d.workday || active.length === 0) return [];
      const sizes = sizesOf(active);
      const perYear = PATENTS_PER_YEAR[utcYear(d.start)] ?? PATENTS_PER_YEAR_LATER;
      const count = poisson(r, perYear / WORKDAYS_PER_YEAR);
      const txs: PlannedTx[] = [];
      for (let k = 0; k < count; k++) {
        const m = active[weightedIndex(r, sizes)]!;
        const filedAt = Math.max(PHASE1.periodStart, d.start - int(r, 0, 42) * DAY + int(r, 3600, 30_000));
        const filedYear = utcYear(filedAt);
        let no = patentNumber(filedYear, int(r, 0, 8_999_999));
        while (seen.has(no.text)) no = patentNumber(filedYear, int(r, 0, 8_999_999));
        seen.add(no.text);
        numbers.push(no.bytes32);
        const data = encodeFunctionData({
          abi: allianceRegistryAbi,
          functionName: 'filePatent',
          args: [no.bytes32, patentTitle(r), BigInt(filedAt)],
        });
        txs.push(call(members[m]!, 250_000n, data));
        counts.patents++;
        if (filedAt >= PHASE1.periodStart && filedAt < PHASE1.periodEnd) counts.inPhase1++;
      }
      return txs;
    },
  };
}
