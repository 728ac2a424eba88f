// Verification through a real client no one here wrote: @nomicfoundation/hardhat-verify 2.x
// (Hardhat 2) pointed at yuscan's /api with etherscan.customChains, compiling with npm solc.
// Then: decoding of a call and event made before verification, refusals, and a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db';
import { gql, freshDatabaseUrl } from './helpers/api';
import { api, apiPost, hardhat, HARDHAT_PROJECT, LEDGER_ARGS, startVerifyWorld, verifyStatus, type VerifyWorld } from './helpers/verify';

describe('verification with hardhat-verify (sqlite)', () => {
  let w: VerifyWorld;
  beforeAll(async () => {
    w = await startVerifyWorld(await freshDatabaseUrl('sqlite', 'verify'));
  }, 180_000);
  afterAll(async () => w?.close());

  const source = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8');
  const lib = readFileSync(join(HARDHAT_PROJECT, 'contracts/lib/Fees.sol'), 'utf8');
  const standardJson = (ledger: string) =>
    JSON.stringify({
      language: 'Solidity',
      sources: { 'contracts/ServiceLedger.sol': { content: ledger }, 'contracts/lib/Fees.sol': { content: lib } },
      settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' },
    });
  const submit = (address: string, patch: Record<string, string> = {}) =>
    apiPost(w.server.url, {
      module: 'contract', action: 'verifysourcecode', contractaddress: address, codeformat: 'solidity-standard-json-input',
      sourceCode: standardJson(source), contractname: 'contracts/ServiceLedger.sol:ServiceLedger', compilerversion: 'v0.8.24+commit.e11b9ed9', ...patch,
    });

  it('before verification: the call is only guessed at, getsourcecode shows nothing', async () => {
    const r = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: w.ledger });
    expect(r.body.status).toBe('1');
    expect(r.body.result[0].SourceCode).toBe('');
    const t = await gql(w.server.url, `query($h: String!) { transaction(hash: $h) { decodedCall { name } } }`, { h: w.recordTx });
    expect(t.body.data.transaction.decodedCall).toBeNull();
  });

  it('hardhat verify exits 0 with "Successfully verified"; the call and event made before are decoded over GraphQL', async () => {
    const out = await hardhat(['verify', '--network', 'devnet', w.ledger, LEDGER_ARGS[0], String(LEDGER_ARGS[1])], {
      HARDHAT_OUT: w.hardhatOut, DEVNET_RPC: w.chain.rpcUrl, YUSCAN_URL: w.server.url,
    });
    expect(out.stderr + out.stdout).toMatch(/Successfully verified/);
    expect(out.code).toBe(0);

    const r = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: w.ledger });
    expect(r.body.result[0]).toMatchObject({ ContractName: 'ServiceLedger', CompilerVersion: 'v0.8.24+commit.e11b9ed9', OptimizationUsed: '1', Runs: '200', EVMVersion: 'cancun' });
    expect(['full', 'partial']).toContain(r.body.result[0].MatchKind);
    expect(r.body.result[0].ConstructorArguments).toMatch(/^[0-9a-f]+$/);
    const abi = await api(w.server.url, { module: 'contract', action: 'getabi', address: w.ledger });
    expect(JSON.parse(abi.body.result)).toEqual(w.abi);

    const t = await gql(
      w.server.url,
      `query($h: String!) { transaction(hash: $h) { decodedCall { source name args { name value } } logs { decoded { source name args { name value } } } } }`,
      { h: w.recordTx },
    );
    expect(t.body.errors).toBeUndefined();
    expect(t.body.data.transaction.decodedCall).toEqual({ source: 'VERIFIED', name: 'record', args: [{ name: 'note', value: 'first delivery' }, { name: 'amount', value: '1000' }] });
    expect(t.body.data.transaction.logs[0].decoded).toEqual({
      source: 'VERIFIED',
      name: 'Recorded',
      args: [{ name: 'payer', value: w.chain.users[0]!.toLowerCase() }, { name: 'note', value: 'first delivery' }, { name: 'amount', value: '1000' }, { name: 'fee', value: '25' }],
    });
  }, 180_000);

  it('hardhat-verify with a single string apiKey (Etherscan API v2: chainid on every call) verifies too', async () => {
    const out = await hardhat(['verify', '--network', 'devnet', w.third, LEDGER_ARGS[0], String(LEDGER_ARGS[1])], {
      HARDHAT_OUT: w.hardhatOut, DEVNET_RPC: w.chain.rpcUrl, YUSCAN_URL: w.server.url, YUSCAN_APIKEY_FORM: 'string',
    });
    expect(out.stderr + out.stdout).toMatch(/Successfully verified/);
    expect(out.code).toBe(0);
    const r = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: w.third, chainid: String(w.chain.chainId) });
    expect(r.body.result[0]).toMatchObject({ ContractName: 'ServiceLedger', MatchKind: 'full' });
  }, 180_000);

  it('a source that does not match is refused with Fail - Unable to verify and the reason; nothing is stored', async () => {
    const wrong = source.replace('(amount * basisPoints)', '(amount * basisPoints + 1)').replace('Fees.cut(amount, feeBasisPoints);\n        total', 'Fees.cut(amount, feeBasisPoints) + 1;\n        total');
    expect(wrong).not.toBe(source);
    const sub = await submit(w.other, { sourceCode: standardJson(wrong) });
    expect(sub.body).toMatchObject({ status: '1', message: 'OK' });
    const status = await verifyStatus(w.server.url, sub.body.result);
    expect(status).toMatchObject({ status: '0', message: 'NOTOK', result: 'Fail - Unable to verify' });
    expect(status.reason).toMatch(/does not match/);
    const r = await api(w.server.url, { module: 'contract', action: 'getabi', address: w.other });
    expect(r.body).toEqual({ status: '0', message: 'NOTOK', result: 'Contract source code not verified' });
  }, 120_000);

  it('constructor arguments that differ from the creation transaction are refused', async () => {
    const sub = await submit(w.other, { constructorArguements: '00'.repeat(32) });
    const status = await verifyStatus(w.server.url, sub.body.result);
    expect(status.result).toBe('Fail - Unable to verify');
    expect(status.reason).toMatch(/constructor arguments/);
  }, 120_000);

  it('without a node (serve has no --rpc) the runtime code the indexer stored is matched, immutables included', async () => {
    const bare = await w.startServer({ rpc: undefined });
    w.onClose(() => bare.close());
    const stored = await w.db.db.selectFrom('contract_code').select('code').where('address', '=', w.other).executeTakeFirstOrThrow();
    expect(stored.code).toBe((await w.chain.client.getCode({ address: w.other }))!.toLowerCase());
    const submitBare = () =>
      apiPost(bare.url, {
        module: 'contract', action: 'verifysourcecode', contractaddress: w.other, codeformat: 'solidity-standard-json-input',
        sourceCode: standardJson(source), contractname: 'contracts/ServiceLedger.sol:ServiceLedger', compilerversion: 'v0.8.24+commit.e11b9ed9',
      });

    // The stored code is what is compared: altered, the right source is refused for its runtime code.
    const flipped = `${stored.code.slice(0, 12)}${stored.code[12] === '0' ? '1' : '0'}${stored.code.slice(13)}`;
    await w.db.db.updateTable('contract_code').set('code', flipped).where('address', '=', w.other).execute();
    try {
      const status = await verifyStatus(bare.url, (await submitBare()).body.result);
      expect(status.result).toBe('Fail - Unable to verify');
      expect(status.reason).toMatch(/runtime code of ServiceLedger does not match the code deployed/);
    } finally {
      await w.db.db.updateTable('contract_code').set('code', stored.code).where('address', '=', w.other).execute();
    }

    // As stored: verified, though the constructor wrote two immutables into that code.
    const status = await verifyStatus(bare.url, (await submitBare()).body.result);
    expect(status).toMatchObject({ status: '1', result: 'Pass - Verified' });
    const r = await api(bare.url, { module: 'contract', action: 'getsourcecode', address: w.other });
    expect(r.body.result[0].ContractName).toBe('ServiceLedger');
    expect(['full', 'partial']).toContain(r.body.result[0].MatchKind);
  }, 120_000);

  it('a compiler that is not installed gets a clear error listing the installed ones', async () => {
    const sub = await submit(w.other, { compilerversion: 'v0.8.20+commit.a1b79de6' });
    expect(sub.body.status).toBe('0');
    expect(sub.body.result).toMatch(/v0\.8\.20\+commit\.a1b79de6 is not installed; .*v0\.8\.28\+commit\.7893614a, v0\.8\.26\+commit\.8a97fa7a, v0\.8\.24\+commit\.e11b9ed9, v0\.8\.19\+commit\.7dd6d404/);
  });

  it('an address with no indexed creation is refused in Etherscan\'s words', async () => {
    const sub = await submit(`0x${'5'.repeat(40)}`);
    expect(sub.body.result).toMatch(/^Unable to locate ContractCode at 0x5{40}/);
  });

  it('the verification survives a restart of the server (a new process\'s connection and server)', async () => {
    await w.server.close();
    const reopened = connect(w.dbUrl, { mustExist: true });
    w.server = await w.startServer({ db: reopened });
    w.onClose(() => reopened.close());
    const r = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: w.ledger });
    expect(r.body.result[0].ContractName).toBe('ServiceLedger');
    const t = await gql(w.server.url, `query($h: String!) { transaction(hash: $h) { decodedCall { name } } }`, { h: w.recordTx });
    expect(t.body.data.transaction.decodedCall.name).toBe('record');
    // hardhat-verify compiled with the very settings and sources submitted: a full match,
    // so a second submission gets Etherscan's words for it.
    expect(r.body.result[0].MatchKind).toBe('full');
    const again = await submit(w.ledger);
    expect(again.body).toEqual({ status: '0', message: 'NOTOK', result: 'Contract source code already verified' });
  });
});
