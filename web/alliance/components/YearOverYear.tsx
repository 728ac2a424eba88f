// Year-over-year table: patents filed and output value per calendar year, with the change
// from the year before (amount and share). The running year is marked "year to date".
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { DataTable } from '../../components/DataTable';
import { ListState } from '../../components/states';
import { columnsCsv, type Column } from '../lib/columns';
import type { YearOverYearQuery } from '../../generated/graphql';
import { CsvButton } from './Export';

type Year = YearOverYearQuery['alliance']['yearOverYear'][number];

function useYearColumns(): Array<Column<Year>> {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  const cny: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 };
  const change = (v: number | string | null | undefined, share: number | null | undefined, money: boolean) =>
    v == null ? '—' : `${f.number(v, { ...(money ? cny : {}), signDisplay: 'exceptZero' })}${share == null ? '' : ` (${f.number(share, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 })})`}`;
  const figure = (testId: string, value: number | string | null | undefined, text: string) => (
    <span data-testid={testId} data-value={value ?? ''}>
      {text}
    </span>
  );
  return [
    {
      csv: 'year',
      heading: t('yoy.year'),
      value: (r) => r.year,
      cell: (r) => (
        <>
          {r.year}
          {!r.complete && <span className="muted"> {t('yoy.yearToDate')}</span>}
        </>
      ),
    },
    { csv: 'complete', value: (r) => r.complete },
    { csv: 'patents', heading: t('kpi.PATENTS'), numeric: true, value: (r) => r.patents, cell: (r) => figure('yoy-patents', r.patents, f.number(r.patents)) },
    {
      csv: 'patents_change',
      heading: t('yoy.change'),
      numeric: true,
      value: (r) => r.patentsChange ?? null,
      cell: (r) => figure('yoy-patents-change', r.patentsChange, change(r.patentsChange, r.patentsChangeShare, false)),
    },
    { csv: 'output_value_cny', heading: t('kpi.OUTPUT_VALUE'), numeric: true, value: (r) => r.outputValue, cell: (r) => figure('yoy-output', r.outputValue, f.cny(r.outputValue)) },
    {
      csv: 'output_value_change_cny',
      heading: t('yoy.change'),
      numeric: true,
      value: (r) => r.outputValueChange ?? null,
      cell: (r) => figure('yoy-output-change', r.outputValueChange, change(r.outputValueChange, r.outputValueChangeShare, true)),
    },
  ];
}

export function YearOverYear() {
  const { t } = useTranslation('alliance');
  const q = useResource('yearOverYear', {});
  const rows = q.data?.alliance.yearOverYear;
  const columns = useYearColumns();
  return (
    <section className="al-yoy" data-testid="yoy" aria-labelledby="al-yoy-title">
      <header className="al-yoy-head">
        <h2 id="al-yoy-title">{t('yoy.title')}</h2>
        {rows && rows.length > 0 && <CsvButton filename="year-over-year.csv" testId="csv-yoy" build={() => columnsCsv(columns, rows)} />}
      </header>
      <ListState query={q} items={rows} empty={t('yoy.empty')} skeletonRows={4}>
        {(items) => <DataTable columns={columns} rows={items} rowKey={(r) => String(r.year)} rowProps={(r) => ({ 'data-testid': 'yoy-row', 'data-year': r.year })} />}
      </ListState>
    </section>
  );
}
