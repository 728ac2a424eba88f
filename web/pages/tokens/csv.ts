// CSV of the address and token tabs (through the project's column lists and RFC 4180 writer):
// raw integers beside exact decimal amounts, ISO times, lowercase addresses, so a spreadsheet
// can re-add them.
import { columnsCsv, type Column } from '../../alliance/lib/columns';
import { unitsPlain } from '../../lib/tokens';
import type { Holding, InternalTx, TokenTransfer } from './resources';

const iso = (unix: number) => new Date(unix * 1000).toISOString();
const scale = (t: Holding['token']) => (t.type === 'ERC20' ? t.decimals : 0);

const TRANSFER_COLUMNS: Column<TokenTransfer>[] = [
  { csv: 'tx_hash', value: (x) => x.transactionHash },
  { csv: 'block', value: (x) => x.blockNumber },
  { csv: 'time_utc', value: (x) => iso(x.timestamp) },
  { csv: 'log_index', value: (x) => x.logIndex },
  { csv: 'token', value: (x) => x.token.address },
  { csv: 'token_name', value: (x) => x.token.name ?? '' },
  { csv: 'token_symbol', value: (x) => x.token.symbol ?? '' },
  { csv: 'type', value: (x) => x.type },
  { csv: 'from', value: (x) => x.from },
  { csv: 'to', value: (x) => x.to },
  { csv: 'token_id', value: (x) => x.tokenId ?? '' },
  { csv: 'value_raw', value: (x) => x.value },
  { csv: 'amount', value: (x) => unitsPlain(x.value, scale(x.token)) },
];

export function transfersCsv(rows: TokenTransfer[]): string {
  return columnsCsv(TRANSFER_COLUMNS, rows);
}

export function internalCsv(rows: InternalTx[], nativeDecimals: number): string {
  const columns: Column<InternalTx>[] = [
    { csv: 'tx_hash', value: (x) => x.transactionHash },
    { csv: 'block', value: (x) => x.blockNumber },
    { csv: 'time_utc', value: (x) => iso(x.timestamp) },
    { csv: 'trace_address', value: (x) => x.traceAddress },
    { csv: 'call_type', value: (x) => x.callType },
    { csv: 'from', value: (x) => x.from },
    { csv: 'to', value: (x) => x.to ?? '' },
    { csv: 'value_wei', value: (x) => x.value },
    { csv: 'value', value: (x) => unitsPlain(x.value, nativeDecimals) },
    { csv: 'error', value: (x) => x.error ?? '' },
  ];
  return columnsCsv(columns, rows);
}

const HOLDING_COLUMNS: Column<Holding>[] = [
  { csv: 'holder', value: (h) => h.address },
  { csv: 'token', value: (h) => h.token.address },
  { csv: 'token_name', value: (h) => h.token.name ?? '' },
  { csv: 'token_symbol', value: (h) => h.token.symbol ?? '' },
  { csv: 'type', value: (h) => h.token.type },
  { csv: 'token_id', value: (h) => h.tokenId ?? '' },
  { csv: 'balance_raw', value: (h) => h.balance },
  { csv: 'balance', value: (h) => unitsPlain(h.balance, scale(h.token)) },
  { csv: 'share_of_supply', value: (h) => h.share },
];

export function holdingsCsv(rows: Holding[]): string {
  return columnsCsv(HOLDING_COLUMNS, rows);
}
