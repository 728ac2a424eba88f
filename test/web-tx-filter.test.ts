// A transaction list's filter as the URL keeps it, and what it asks of the API (web/lib/txFilter.ts).
import { describe, expect, it } from 'vitest';
import { readTxFilter, txExportUrl, txFilterArg, txFilterChanges } from '../web/lib/txFilter';

describe('txFilter', () => {
  it('reads the filter keys from the URL, trimmed, direction only for an address’s list', () => {
    const params = new URLSearchParams('direction=OUT&method=%20transfer%20&kind=&tab=txs&since=2024-01-01');
    expect(readTxFilter(params, true)).toEqual({ direction: 'OUT', method: 'transfer', since: '2024-01-01' });
    expect(readTxFilter(params, false)).toEqual({ method: 'transfer', since: '2024-01-01' });
  });

  it('applying sets every filter key and resets the page cursor in one change', () => {
    expect(txFilterChanges({ kind: 'TOKEN', toBlock: ' 9 ' }, 'txAfter')).toEqual({
      txAfter: null, kind: 'TOKEN', direction: null, method: null, counterparty: null, fromBlock: null, toBlock: '9', since: null, until: null,
    });
  });

  it('asks the API for whole UTC days and numbers, and for nothing when no filter is set', () => {
    expect(txFilterArg({})).toBeNull();
    expect(txFilterArg({ kind: 'token', direction: 'in', fromBlock: '3', since: '2024-01-01', until: '2024-01-31' })).toEqual({
      kind: 'TOKEN', direction: 'IN', fromBlock: 3, since: 1704067200, until: 1706745599,
    });
    // What the page cannot read goes to the API as written, so the API's error names it.
    expect(txFilterArg({ fromBlock: 'x1', since: 'soon' })).toEqual({ fromBlock: 'x1', since: 'soon' });
  });

  it('the CSV link carries the list and the same filter', () => {
    expect(txExportUrl({ address: '0xab' }, { direction: 'OUT', until: '2024-01-31' })).toBe('/export/transactions.csv?address=0xab&direction=OUT&until=1706745599');
    expect(txExportUrl({ block: 7 }, {})).toBe('/export/transactions.csv?block=7');
    expect(txExportUrl({}, { kind: 'INTERNAL' })).toBe('/export/transactions.csv?kind=INTERNAL');
  });
});
