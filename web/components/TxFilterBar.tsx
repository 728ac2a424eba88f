// The filter bar of every transaction list (an address's, a block's, the chain's): kind,
// direction (an address's list only), method, counterparty, block range and date range, kept
// in the URL (lib/txFilter.ts). Applying adds a history entry, so back and forward step
// through filters; the form is rebuilt from the URL whenever it changes. Beside it, the CSV
// export of the same filtered list, streamed by the API, with its row cap said up front.
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { useUrlState } from '../lib/urlState';
import {
  hasTxFilter, readTxFilter, TX_DIRECTIONS, TX_KINDS, txExportUrl, txFilterArg, txFilterChanges, type TxFilterKey, type TxFilterValues,
} from '../lib/txFilter';
import { TX_EXPORT_CAP } from '../../config/constants';
import '../styles/filters.css';

/** The list's filter from the URL (direction only on an address's list): the values, the GraphQL argument, a setter. */
export function useTxFilter({ address }: { address: boolean }, cursorParam = 'after') {
  const [params, setParams] = useUrlState({ push: true });
  const values = readTxFilter(params, address);
  return {
    address,
    values,
    active: hasTxFilter(values),
    /** Changes with every filter, so the form starts again from the URL after back/forward. */
    key: JSON.stringify(values),
    arg: txFilterArg(values),
    apply: (next: TxFilterValues) => setParams(txFilterChanges(next, cursorParam)),
  };
}

export type TxFilterState = ReturnType<typeof useTxFilter>;

/** The bar over `list` (an address's, a block's, or with neither the chain's): its filter, and the CSV of the filtered list. */
export function TxFilterBar({ filter, list }: { filter: TxFilterState; list: { address?: string; block?: number } }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const { values } = filter;
  const withDirection = filter.address;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next: TxFilterValues = {};
    for (const [key, value] of data) if (typeof value === 'string' && value.trim()) next[key as TxFilterKey] = value.trim();
    filter.apply(next);
  };
  const field = (key: TxFilterKey, input: ReactNode) => (
    <label className="filter-field" data-field={key}>
      <span className="filter-label">{t(`filters.${key}`)}</span>
      {input}
    </label>
  );

  return (
    <form className="filter-bar" key={filter.key} onSubmit={submit} aria-label={t('filters.label')} data-testid="tx-filters">
      <div className="filter-fields">
        {field(
          'kind',
          <select name="kind" defaultValue={values.kind?.toUpperCase() ?? ''} data-testid="filter-kind">
            <option value="">{t('filters.any')}</option>
            {TX_KINDS.map((k) => (
              <option key={k} value={k}>{t(`filters.kinds.${k}`)}</option>
            ))}
          </select>,
        )}
        {withDirection &&
          field(
            'direction',
            <select name="direction" defaultValue={values.direction?.toUpperCase() ?? ''} data-testid="filter-direction">
              <option value="">{t('filters.any')}</option>
              {TX_DIRECTIONS.map((d) => (
                <option key={d} value={d}>{t(`filters.directions.${d}`)}</option>
              ))}
            </select>,
          )}
        {field('method', <input name="method" defaultValue={values.method ?? ''} placeholder={t('filters.methodHint')} spellCheck={false} autoComplete="off" data-testid="filter-method" />)}
        {field(
          'counterparty',
          <input name="counterparty" defaultValue={values.counterparty ?? ''} placeholder="0x…" spellCheck={false} autoComplete="off" pattern="0x[0-9a-fA-F]{40}" title={t('filters.addressHint')} data-testid="filter-counterparty" />,
        )}
        {field('fromBlock', <input name="fromBlock" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.fromBlock ?? ''} data-testid="filter-fromBlock" />)}
        {field('toBlock', <input name="toBlock" type="number" min={0} step={1} inputMode="numeric" defaultValue={values.toBlock ?? ''} data-testid="filter-toBlock" />)}
        {field('since', <input name="since" type="date" defaultValue={values.since ?? ''} data-testid="filter-since" />)}
        {field('until', <input name="until" type="date" defaultValue={values.until ?? ''} data-testid="filter-until" />)}
      </div>
      <div className="filter-actions">
        <button type="submit" className="btn btn-primary" data-testid="filter-apply">{t('filters.apply')}</button>
        <button type="button" className="btn" disabled={!filter.active} onClick={() => filter.apply({})} data-testid="filter-clear">
          {t('filters.clear')}
        </button>
        <a className="btn" href={txExportUrl(list, values)} download data-testid="tx-export">{t('filters.export')}</a>
        <span className="muted small filter-note" data-testid="tx-export-note">{t('filters.exportNote', { cap: f.number(TX_EXPORT_CAP) })}</span>
      </div>
    </form>
  );
}
