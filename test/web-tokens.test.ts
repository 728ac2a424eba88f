// Pure helpers of the accounts/tokens pages: token labels of hostile contracts,
// amounts by decimals, and the quick search's query kinds and key moves.
import { describe, expect, it } from 'vitest';
import { balanceSeries, cleanText, formatTokenAmount, MAX_NAME_CHARS, tokenLabel, unitsPlain } from '../web/lib/tokens';
import { moveActive, queryKind, shouldSuggest, suggestionHref } from '../web/lib/quickSearch';
import { holdingsCsv, internalCsv, transfersCsv } from '../web/pages/tokens/csv';
import { parseCsv } from '../web/alliance/lib/csv';

const addr = '0x5fbdb2315678afecb367f032d93f642f64180aa3';

describe('tokenLabel', () => {
  it('passes a well-behaved token through untouched', () => {
    expect(tokenLabel({ address: addr, name: 'Service Credit', symbol: 'SVC' })).toEqual({ name: 'Service Credit', symbol: 'SVC', repairs: [] });
  });

  it('falls back to the symbol, then the short address, when name() reverted', () => {
    expect(tokenLabel({ address: addr, name: null, symbol: 'SVC' }).name).toBe('SVC');
    expect(tokenLabel({ address: addr, name: '\u200b', symbol: null })).toEqual({ name: '0x5fbdb2…0aa3', symbol: null, repairs: ['oddChars'] });
  });

  it('cuts huge strings and strips control and bidi characters', () => {
    const huge = tokenLabel({ address: addr, name: 'A'.repeat(100_000), symbol: '\u202eCVS\u0000' });
    expect(Array.from(huge.name)).toHaveLength(MAX_NAME_CHARS);
    expect(huge.name.endsWith('…')).toBe(true);
    expect(huge.symbol).toBe('CVS');
    expect(huge.repairs).toEqual(['cut', 'oddChars']);
  });

  it('counts characters, not UTF-16 units, when cutting', () => {
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });
});

describe('formatTokenAmount', () => {
  it('scales by decimals exactly, beyond 2^53', () => {
    expect(formatTokenAmount('en', '123456789012345678901234567', 18)).toBe('123,456,789.012345');
    expect(formatTokenAmount('zh-CN', '1500000', 6)).toBe('1.5');
    expect(formatTokenAmount('en', '7', 0)).toBe('7');
  });
  it('shows raw integers when decimals are unknown', () => {
    expect(formatTokenAmount('en', '1000000000000000000000', null)).toBe('1,000,000,000,000,000,000,000');
  });
});

describe('quick search', () => {
  it('classifies queries', () => {
    expect(queryKind('  ')).toBe('empty');
    expect(queryKind('1024')).toBe('blockNumber');
    expect(queryKind('0x' + 'ab'.repeat(32))).toBe('hash');
    expect(queryKind('0x' + 'AB'.repeat(20))).toBe('address');
    expect(queryKind('0x12')).toBe('text');
    expect(queryKind('浪潮')).toBe('text');
  });
  it('waits for two characters of text', () => {
    expect(shouldSuggest('s')).toBe(false);
    expect(shouldSuggest('sv')).toBe(true);
    expect(shouldSuggest('7')).toBe(true);
  });
  it('moves through the options, wrapping at both ends', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(-1, 3, 'Home')).toBe(-1);
    expect(moveActive(1, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('suggestionHref', () => {
  it('opens the page of each kind', () => {
    expect(suggestionHref('BLOCK', '12')).toBe('/block/12');
    expect(suggestionHref('TRANSACTION', '0xab')).toBe('/tx/0xab');
    expect(suggestionHref('ADDRESS', '0x1')).toBe('/address/0x1');
    expect(suggestionHref('MEMBER', '0x2')).toBe('/address/0x2');
    expect(suggestionHref('TOKEN', '0x3')).toBe('/token/0x3');
  });
});

describe('unitsPlain', () => {
  it('is exact and ungrouped', () => {
    expect(unitsPlain('1234500000000000000', 18)).toBe('1.2345');
    expect(unitsPlain('5', 18)).toBe('0.000000000000000005');
    expect(unitsPlain('1000000000000000000000000', 18)).toBe('1000000');
    expect(unitsPlain('42', null)).toBe('42');
    expect(unitsPlain('-1500', 3)).toBe('-1.5');
  });
});

describe('balanceSeries', () => {
  it('turns newest-first records into oldest-first points in whole units', () => {
    const pts = balanceSeries(
      [
        { timestamp: 300, blockNumber: 3, balance: '2500000000000000000' },
        { timestamp: 100, blockNumber: 1, balance: '1000000000000000000' },
      ],
      18,
    );
    expect(pts).toEqual([
      { time: 100, block: 1, value: 1, raw: '1000000000000000000' },
      { time: 300, block: 3, value: 2.5, raw: '2500000000000000000' },
    ]);
  });
});

describe('tab CSVs', () => {
  const token = { address: addr, type: 'ERC20' as const, name: 'Service, "Credit"', symbol: 'SVC', decimals: 2, issues: [] };
  it('write raw and scaled amounts, ISO times, and quote what needs quoting', () => {
    const rows = parseCsv(
      transfersCsv([
        { token, type: 'ERC20', transactionHash: '0xaa', blockNumber: 5, timestamp: 1_700_000_000, logIndex: 1, batchIndex: 0, from: '0x01', to: '0x02', value: '12345', tokenId: null },
      ]),
    );
    expect(rows[0]).toEqual(['tx_hash', 'block', 'time_utc', 'log_index', 'token', 'token_name', 'token_symbol', 'type', 'from', 'to', 'token_id', 'value_raw', 'amount']);
    expect(rows[1]).toEqual(['0xaa', '5', '2023-11-14T22:13:20.000Z', '1', addr, 'Service, "Credit"', 'SVC', 'ERC20', '0x01', '0x02', '', '12345', '123.45']);
  });
  it('leave NFT amounts unscaled and tokens of unknown decimals raw', () => {
    const nft = { ...token, type: 'ERC1155' as const, decimals: null };
    const rows = parseCsv(holdingsCsv([{ address: '0x03', token: nft, tokenId: '7', balance: '100', share: 0.5 }]));
    expect(rows[1]).toEqual(['0x03', addr, 'Service, "Credit"', 'SVC', 'ERC1155', '7', '100', '100', '0.5']);
    const raw = parseCsv(holdingsCsv([{ address: '0x03', token: { ...token, decimals: null }, tokenId: null, balance: '100', share: null }]));
    expect(raw[1]!.slice(6)).toEqual(['100', '100', '']);
  });
  it('scale internal values by the native coin’s decimals', () => {
    const rows = parseCsv(
      internalCsv([{ transactionHash: '0xbb', blockNumber: 9, timestamp: 0, index: 0, traceAddress: '0', depth: 1, from: '0x01', to: null, value: '1500000000000000000', callType: 'CALL', error: 'execution reverted' }], 18),
    );
    expect(rows[1]).toEqual(['0xbb', '9', '1970-01-01T00:00:00.000Z', '0', 'CALL', '0x01', '', '1500000000000000000', '1.5', 'execution reverted']);
  });
});
