// The words beside a KPI's status: its projection at the current pace and the one line that
// says how the status was decided. Pure and shared by the card, the embed and the printable
// report, so all three say the same thing; the projection and status rules are in rules/kpi.ts.
import { projectedShare, projectKpi, STATUS_FLOORS, type Projection } from '../../../rules/kpi';
import type { KpiStatus } from '../../generated/graphql';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface StandingFormat {
  /** A KPI figure (a count, or yuan). */
  value(v: bigint | number | string): string;
  date(ts: number): string;
  percent(ratio: number, digits?: number): string;
}

/** The fields of a Kpi the projection needs (the API's, as strings for BigInt). */
export interface KpiPace {
  current: string;
  target: string;
  startLevel: string;
  periodStart: number;
  periodEnd: number;
  asOf: number;
  reachedAt?: number | null;
}

export function kpiProjection(k: KpiPace): Projection {
  return projectKpi({
    current: BigInt(k.current),
    target: BigInt(k.target),
    startLevel: BigInt(k.startLevel),
    periodStart: k.periodStart,
    periodEnd: k.periodEnd,
    now: k.asOf,
    reachedAt: k.reachedAt ?? null,
  });
}

/** "At the current pace the target is reached on …" and its siblings. */
export function projectionText(p: Projection, t: Translate, f: StandingFormat): string {
  switch (p.kind) {
    case 'reached':
      return p.at ? t('projection.reached', { date: f.date(p.at) }) : t('projection.reachedUnknown');
    case 'eta':
      return t(p.withinPeriod ? 'projection.etaWithin' : 'projection.etaAfter', { date: f.date(p.at), value: f.value(p.atPeriodEnd) });
    case 'missed':
      return t('projection.missed', { amount: f.value(p.shortBy), share: f.percent(p.shortShare) });
    case 'noPace':
      return t('projection.noPace', { value: f.value(p.atPeriodEnd) });
    case 'notStarted':
      return t('projection.notStarted');
  }
}

/** The status floors in words, e.g. "Ahead from 110%, On track from 100%, At risk from 90%, else Behind". */
export function statusRuleText(t: Translate, f: Pick<StandingFormat, 'percent'>): string {
  const floors = STATUS_FLOORS.map((s) => t('basis.floor', { status: t(`status.${s.status}`), percent: f.percent(s.percent / 100, 0) }));
  return t('basis.rule', { floors: floors.join(t('basis.separator')), below: t('status.BEHIND') });
}

/** The band of projected shares a running status stands for, e.g. "90–100%". */
function statusBand(status: KpiStatus, f: Pick<StandingFormat, 'percent'>): string {
  const i = STATUS_FLOORS.findIndex((s) => s.status === status);
  const pct = (p: number) => f.percent(p / 100, 0);
  if (i < 0) return `< ${pct(STATUS_FLOORS.at(-1)!.percent)}`;
  return i === 0 ? `≥ ${pct(STATUS_FLOORS[0].percent)}` : `${pct(STATUS_FLOORS[i]!.percent)}–${pct(STATUS_FLOORS[i - 1]!.percent)}`;
}

/** One line: how this status was decided. */
export function statusBasisText(status: KpiStatus, p: Projection, target: bigint, t: Translate, f: StandingFormat): string {
  const name = t(`status.${status}`);
  switch (p.kind) {
    case 'reached':
      return t('basis.reached', { status: name });
    case 'missed':
      return t('basis.missed', { status: name });
    case 'notStarted':
      return t('basis.notStarted', { status: name });
    default:
      return t('basis.projected', {
        status: name,
        value: f.value(p.atPeriodEnd),
        share: f.percent(projectedShare(p.atPeriodEnd, target)),
        band: statusBand(status, f),
      });
  }
}
