// The OpenAPI 3.1 description of /api, served at /api/openapi.json and linked from the offline
// API page. Etherscan's API is one path dispatched on `module` and `action`, which OpenAPI
// cannot key paths on, so each action is listed under `x-actions` with its own parameters,
// and the GET operation documents them all.
import { MAX_ADDRESSES, MAX_OFFSET, MAX_WINDOW } from './params';

interface ActionDoc {
  module: string;
  action: string;
  summary: string;
  params: string[];
}

const PAGING = ['page', 'offset', 'sort', 'startblock', 'endblock'];
export const ACTIONS: ActionDoc[] = [
  { module: 'account', action: 'balance', summary: 'Native balance (wei) of an address at the indexed head.', params: ['address', 'tag'] },
  { module: 'account', action: 'balancemulti', summary: `Native balances of up to ${MAX_ADDRESSES} comma-separated addresses.`, params: ['address', 'tag'] },
  { module: 'account', action: 'txlist', summary: 'Transactions sent or received by an address.', params: ['address', ...PAGING] },
  { module: 'account', action: 'txlistinternal', summary: 'Internal transactions of an address, or of one transaction (txhash).', params: ['address', 'txhash', ...PAGING] },
  { module: 'account', action: 'tokentx', summary: 'ERC-20 transfers of an address, optionally of one token.', params: ['address', 'contractaddress', ...PAGING] },
  { module: 'account', action: 'tokennfttx', summary: 'ERC-721 transfers of an address, optionally of one token.', params: ['address', 'contractaddress', ...PAGING] },
  { module: 'account', action: 'token1155tx', summary: 'ERC-1155 transfers of an address, optionally of one token.', params: ['address', 'contractaddress', ...PAGING] },
  { module: 'block', action: 'getblocknumberbytime', summary: 'The block closest before or after a unix time.', params: ['timestamp', 'closest'] },
  { module: 'logs', action: 'getLogs', summary: 'Event logs by address and topics over a block range.', params: ['fromBlock', 'toBlock', 'address', 'topic0', 'topic1', 'topic2', 'topic3', 'topic0_1_opr', 'page', 'offset'] },
  { module: 'contract', action: 'getabi', summary: 'The ABI of a verified contract, as a JSON string.', params: ['address'] },
  { module: 'contract', action: 'getsourcecode', summary: 'Source, ABI, compiler and settings of a verified contract.', params: ['address'] },
  { module: 'contract', action: 'verifysourcecode', summary: 'Submit source for verification (POST, form-encoded); returns a guid.', params: ['contractaddress', 'sourceCode', 'codeformat', 'contractname', 'compilerversion', 'constructorArguements', 'optimizationUsed', 'runs', 'evmversion', 'licenseType'] },
  { module: 'contract', action: 'checkverifystatus', summary: 'Status of a verification (GET or POST): Pending in queue, Pass - Verified, Already Verified, or Fail - Unable to verify.', params: ['guid'] },
  { module: 'contract', action: 'verifyproxycontract', summary: 'Detect a proxy\'s implementation (EIP-1967, beacon, EIP-1822, EIP-1167); returns a guid.', params: ['address', 'expectedimplementation'] },
  { module: 'contract', action: 'checkproxyverification', summary: 'The outcome of verifyproxycontract, in Etherscan\'s words.', params: ['guid'] },
];

const PARAM_DOCS: Record<string, string> = {
  address: '0x-prefixed 20-byte address (balancemulti: up to 20, comma-separated)',
  tag: 'latest (the indexed head)',
  page: `page number from 1; page x offset <= ${MAX_WINDOW}`,
  offset: `page size, 1 to ${MAX_OFFSET}`,
  sort: 'asc or desc',
  startblock: 'first block (number or latest)',
  endblock: 'last block (number or latest)',
  txhash: 'transaction hash',
  contractaddress: 'token or contract address',
  timestamp: 'unix seconds',
  closest: 'before or after',
  fromBlock: 'first block (number, 0x-hex or latest)',
  toBlock: 'last block (number, 0x-hex or latest)',
  topic0: '32-byte topic', topic1: '32-byte topic', topic2: '32-byte topic', topic3: '32-byte topic',
  topic0_1_opr: 'and or or (likewise topic0_2_opr, topic1_2_opr, ...)',
  guid: 'the guid verifysourcecode returned',
  sourceCode: 'solc standard JSON input, or one Solidity file',
  codeformat: 'solidity-standard-json-input or solidity-single-file',
  contractname: 'path:Name (standard JSON) or Name (single file)',
  compilerversion: 'e.g. v0.8.24+commit.e11b9ed9',
  constructorArguements: 'ABI-encoded constructor arguments, hex (Etherscan\'s spelling; constructorArguments is read too)',
  expectedimplementation: 'the implementation address the proxy should have',
  chainid: 'Etherscan API v2: the chain id, accepted on every action and refused unless it is this chain\'s',
  apikey: 'accepted and ignored',
  optimizationUsed: '0 or 1 (single file)',
  runs: 'optimizer runs (single file)',
  evmversion: 'EVM version (single file)',
  licenseType: 'license identifier, shown as given',
};

const answer = {
  type: 'object',
  required: ['status', 'message', 'result'],
  properties: {
    status: { type: 'string', enum: ['0', '1'], description: '"1" on success; "0" on an error or an empty list' },
    message: { type: 'string', description: 'OK, NOTOK, or e.g. "No transactions found"' },
    result: { description: 'The answer, or the reason for NOTOK' },
  },
};

const allParams = [...new Set([...ACTIONS.flatMap((a) => a.params), 'chainid', 'apikey'])];
const parameters = [
  { name: 'module', in: 'query', required: true, schema: { type: 'string', enum: [...new Set(ACTIONS.map((a) => a.module))] } },
  { name: 'action', in: 'query', required: true, schema: { type: 'string', enum: ACTIONS.map((a) => a.action) } },
  ...allParams.map((name) => ({ name, in: 'query', required: false, description: PARAM_DOCS[name] ?? name, schema: { type: 'string' } })),
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'yuscan Etherscan-compatible API',
    version: '1.0.0',
    description:
      'GET /api?module=…&action=… answers {"status":"1","message":"OK","result":…} or {"status":"0","message":"NOTOK","result":"<reason>"}, ' +
      'always with HTTP 200, as Etherscan does. Rate-limited per IP like /graphql. See x-actions for each action and its parameters.',
  },
  paths: {
    '/api': {
      get: { summary: 'Any read action', parameters, responses: { 200: { description: 'Etherscan-shaped answer', content: { 'application/json': { schema: answer } } } } },
      post: {
        summary: 'verifysourcecode (form-encoded body; other actions are accepted too)',
        requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: Object.fromEntries(['module', 'action', ...allParams].map((p) => [p, { type: 'string', description: PARAM_DOCS[p] ?? p }])) } } } },
        responses: { 200: { description: 'Etherscan-shaped answer; result is the guid', content: { 'application/json': { schema: answer } } } },
      },
    },
  },
  'x-actions': ACTIONS,
};
