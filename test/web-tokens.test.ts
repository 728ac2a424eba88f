// Pure helpers of the accounts/tokens pages (issue 9): token labels of hostile contracts,
// amounts by decimals, share of supply, and the quick search's query kinds and key moves.
import { describe, expect, it } from 'vitest';
import { formatTokenAmount, MAX_NAME_CHARS, supplyShare, tokenLabel, type TokenMeta } from '../web/lib/tokens';
import { moveActive, queryKind, shouldSuggest } from '../web/lib/quickSearch';

const addr = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const erc20 = (over: Partial<TokenMeta> = {}): TokenMeta => ({ address: addr, type: 'ERC20', name: 'Service Credit', symbol: 'SVC', decimals: 18, ...over });

describe('tokenLabel', () => {
  it('passes a well-behaved token through with no problems', () => {
    expect(tokenLabel(erc20())).toEqual({ name: 'Service Credit', symbol: 'SVC', decimals: 18, problems: [] });
  });

  it('falls back to the symbol, then the short address, when name() reverted', () => {
    expect(tokenLabel(erc20({ name: null })).name).toBe('SVC');
    const none = tokenLabel(erc20({ name: null, symbol: null }));
    expect(none.name).toBe('0x5fbdb2…0aa3');
    expect(none.problems).toEqual(['noName', 'noSymbol']);
  });

  it('cuts huge strings and strips control and bidi characters', () => {
    const huge = tokenLabel(erc20({ name: 'A'.repeat(100_000), symbol: '\u202eCVS\u0000' }));
    expect(Array.from(huge.name)).toHaveLength(MAX_NAME_CHARS);
    expect(huge.name.endsWith('…')).toBe(true);
    expect(huge.symbol).toBe('CVS');
    expect(huge.problems).toEqual(expect.arrayContaining(['cutName', 'oddChars']));
  });

  it('refuses absurd decimals and reports missing ones', () => {
    expect(tokenLabel(erc20({ decimals: 255 }))).toMatchObject({ decimals: null, problems: ['absurdDecimals'] });
    expect(tokenLabel(erc20({ decimals: null }))).toMatchObject({ decimals: null, problems: ['noDecimals'] });
  });

  it('asks nothing of an NFT beyond a name', () => {
    expect(tokenLabel({ address: addr, type: 'ERC721', name: 'E-licence', symbol: null, decimals: null })).toEqual({
      name: 'E-licence',
      symbol: null,
      decimals: 0,
      problems: [],
    });
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

describe('supplyShare', () => {
  it('is exact for supplies past 2^53', () => {
    expect(supplyShare('250000000000000000000000', '1000000000000000000000000')).toBe(0.25);
    expect(supplyShare('1', '3')).toBeCloseTo(1 / 3, 8);
  });
  it('is null without a supply and capped when the supply lies', () => {
    expect(supplyShare('5', null)).toBeNull();
    expect(supplyShare('5', '0')).toBeNull();
    expect(supplyShare('50', '10')).toBe(1);
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
