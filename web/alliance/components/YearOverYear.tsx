// Year-over-year table: patents filed and output value per calendar year, with the change
// from the year before (amount and share). The running year is marked "year to date".
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { ListState } from '../../components/states';
import { toCsv } from '../lib/csv';
import { CsvButton } from './Export';

export function YearOverYear() {
  const { t } = useTranslation('alliance');
  const f = useFormat();
  const q = useResource('yearOverYear', {});
  const rows = q.data?.alliance.yearOverYear;
  const signed = (v: number | string | null, money: boolean) => {
    if (v === null) return '—';
    const o: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };
    return money ? f.number(v, { ...o, style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }) : f.number(v, o);
  };
  const share = (v: number | null) => (v === null ? '' : ` (${f.number(v, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 })})`);
  return (
    <section className="al-yoy" data-testid="yoy" aria-labelledby="al-yoy-title">
      <header className="al-yoy-head">
        <h2 id="al-yoy-title">{t('yoy.title')}</h2>
        {rows && rows.length > 0 && (
          <CsvButton
            filename="year-over-year.csv"
            testId="csv-yoy"
            build={() =>
              toCsv(
                ['year', 'complete', 'patents', 'patents_change', 'output_value_cny', 'output_value_change_cny'],
                rows.map((r) => [r.year, r.complete, r.patents, r.patentsChange, r.outputValue, r.outputValueChange]),
              )
            }
          />
        )}
      </header>
      <ListState query={q} items={rows} empty={t('yoy.empty')} skeletonRows={4}>
        {(items) => (
          <table className="data stack">
            <thead>
              <tr>
                <th scope="col">{t('yoy.year')}</th>
                <th scope="col" className="num">{t('kpi.PATENTS')}</th>
                <th scope="col" className="num">{t('yoy.change')}</th>
                <th scope="col" className="num">{t('kpi.OUTPUT_VALUE')}</th>
                <th scope="col" className="num">{t('yoy.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.year} data-testid="yoy-row" data-year={r.year}>
                  <th scope="row" data-label={t('yoy.year')}>
                    {r.year}
                    {!r.complete && <span className="muted"> {t('yoy.yearToDate')}</span>}
                  </th>
                  <td className="num" data-label={t('kpi.PATENTS')} data-value={r.patents}>{f.number(r.patents)}</td>
                  <td className="num" data-label={t('yoy.change')} data-value={r.patentsChange ?? ''}>
                    {signed(r.patentsChange, false)}
                    {share(r.patentsChangeShare)}
                  </td>
                  <td className="num" data-label={t('kpi.OUTPUT_VALUE')} data-value={r.outputValue}>{f.cny(r.outputValue)}</td>
                  <td className="num" data-label={t('yoy.change')} data-value={r.outputValueChange ?? ''}>
                    {signed(r.outputValueChange, true)}
                    {share(r.outputValueChangeShare)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}
