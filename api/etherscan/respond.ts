// Etherscan's answer shapes. Every answer is HTTP 200 with a status of "1" or "0", as
// Etherscan's, because clients read the body, not the HTTP status.

export interface EtherscanAnswer {
  status: '0' | '1';
  message: string;
  result: unknown;
}

export const ok = (result: unknown): EtherscanAnswer => ({ status: '1', message: 'OK', result });
export const notOk = (reason: string): EtherscanAnswer => ({ status: '0', message: 'NOTOK', result: reason });
/** A list that came back empty: Etherscan says so with status "0" and an empty array. */
export const list = (rows: unknown[], emptyMessage: string): EtherscanAnswer =>
  rows.length ? ok(rows) : { status: '0', message: emptyMessage, result: [] };
