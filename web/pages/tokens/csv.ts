// CSV of the address and token tabs (through the project's RFC 4180 writer): raw integers
// beside exact decimal amounts, ISO times, lowercase addresses, so a spreadsheet can re-add them.
import { objectsToCsv } from '../../alliance/lib/csv';
import { unitsPlain } from '../../lib/tokens';
import type { TxSummary } from '../../lib/resources';
import type { Holding, InternalTx, TokenTransfer } from './resources';

const iso = (unix: number) => new Date(unix * 1000).toISOString();
const scale = (t: Holding['token']) => (t.type === 'ERC20' ? t.decimals : 0);

export function txsCsv(txs: TxSummary[], nativeDecimals: number): string {
  return objectsToCsv(
    [
      { key: 'hash', label: 'tx_hash' },
      { key: 'blockNumber', label: 'block' },
      { key: 'time', label: 'time_utc' },
      { key: 'from', label: 'from' },
      { key: 'to', label: 'to' },
      { key: 'value', label: 'value_wei' },
      { key: 'amount', label: 'value' },
      { key: 'status', label: 'status' },
      { key: 'method', label: 'method' },
    ],
    txs.map((x) => ({ ...x, time: iso(x.timestamp), to: x.to ?? x.contractAddress ?? '', amount: unitsPlain(x.value, nativeDecimals), method: x.decodedCall?.name ?? x.methodId ?? '' })),
  );
}

export function transfersCsv(rows: TokenTransfer[]): string {
  return objectsToCsv(
    [
      { key: 'transactionHash', label: 'tx_hash' },
      { key: 'blockNumber', label: 'block' },
      { key: 'time', label: 'time_utc' },
      { key: 'logIndex', label: 'log_index' },
      { key: 'tokenAddress', label: 'token' },
      { key: 'tokenName', label: 'token_name' },
      { key: 'tokenSymbol', label: 'token_symbol' },
      { key: 'type', label: 'type' },
      { key: 'from', label: 'from' },
      { key: 'to', label: 'to' },
      { key: 'tokenId', label: 'token_id' },
      { key: 'value', label: 'value_raw' },
      { key: 'amount', label: 'amount' },
    ],
    rows.map((x) => ({
      ...x,
      time: iso(x.timestamp),
      tokenAddress: x.token.address,
      tokenName: x.token.name ?? '',
      tokenSymbol: x.token.symbol ?? '',
      amount: unitsPlain(x.value, scale(x.token)),
    })),
  );
}

export function internalCsv(rows: InternalTx[], nativeDecimals: number): string {
  return objectsToCsv(
    [
      { key: 'transactionHash', label: 'tx_hash' },
      { key: 'blockNumber', label: 'block' },
      { key: 'time', label: 'time_utc' },
      { key: 'traceAddress', label: 'trace_address' },
      { key: 'callType', label: 'call_type' },
      { key: 'from', label: 'from' },
      { key: 'to', label: 'to' },
      { key: 'value', label: 'value_wei' },
      { key: 'amount', label: 'value' },
      { key: 'error', label: 'error' },
    ],
    rows.map((x) => ({ ...x, time: iso(x.timestamp), amount: unitsPlain(x.value, nativeDecimals) })),
  );
}

export function holdingsCsv(rows: Holding[]): string {
  return objectsToCsv(
    [
      { key: 'address', label: 'holder' },
      { key: 'tokenAddress', label: 'token' },
      { key: 'tokenName', label: 'token_name' },
      { key: 'tokenSymbol', label: 'token_symbol' },
      { key: 'type', label: 'type' },
      { key: 'tokenId', label: 'token_id' },
      { key: 'balance', label: 'balance_raw' },
      { key: 'amount', label: 'balance' },
      { key: 'share', label: 'share_of_supply' },
    ],
    rows.map((h) => ({
      ...h,
      tokenAddress: h.token.address,
      tokenName: h.token.name ?? '',
      tokenSymbol: h.token.symbol ?? '',
      type: h.token.type,
      amount: unitsPlain(h.balance, scale(h.token)),
    })),
  );
}
