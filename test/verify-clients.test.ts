// The request shapes of today's verification clients, replayed exactly as their source sends
// them, against yuscan's /api (Etherscan API v2) and /sourcify/ (Sourcify API v2) over a real
// devnet and database. Sources read for the shapes (cited at each test):
// - Hardhat 3: NomicFoundation/hardhat packages/hardhat-verify 3.0.22 (commit aff14bae),
//   src/internal/etherscan.ts and src/internal/sourcify.ts;
// - Foundry: foundry-rs/foundry crates/verify/src/etherscan/mod.rs and sourcify.rs (commit
//   2a5df2c4), and the client it uses, foundry-rs/block-explorers crates/block-explorers/src
//   lib.rs, verify.rs and contract.rs (commit f41cbd48).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventLog, encodeAbiParameters, encodeFunctionData, getAddress, keccak256, stringToBytes, type Hex } from 'viem';
import { freshDatabaseUrl } from './helpers/api';
import { api, compileFixtures, HARDHAT_PROJECT, LEDGER_ARGS, sourcifyJob, sourcifyPost, startVerifyWorld, type VerifyWorld } from './helpers/verify';

const ledgerSource = readFileSync(join(HARDHAT_PROJECT, 'contracts/ServiceLedger.sol'), 'utf8');
const feesSource = readFileSync(join(HARDHAT_PROJECT, 'contracts/lib/Fees.sol'), 'utf8');
const LEDGER_JSON = JSON.stringify({
  language: 'Solidity',
  sources: { 'contracts/ServiceLedger.sol': { content: ledgerSource }, 'contracts/lib/Fees.sol': { content: feesSource } },
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' },
});
const LEDGER_NAME = 'contracts/ServiceLedger.sol:ServiceLedger';
const LEDGER_COMPILER = 'v0.8.24+commit.e11b9ed9';
// ABI encoding of LEDGER_ARGS, as the clients compute it.
const LEDGER_ARGS_HEX = encodeAbiParameters([{ type: 'string' }, { type: 'uint256' }], [LEDGER_ARGS[0], LEDGER_ARGS[1]]).slice(2);

async function getJson(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as any };
}
async function postForm(url: string, form: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, body: (await res.json()) as any };
}

describe('verification clients (sqlite)', () => {
  let w: VerifyWorld;
  let fx: ReturnType<typeof compileFixtures>;
  let counter: Hex;
  let tally: Hex;
  let created: Hex; // by Factory.make (CREATE)
  let created2: Hex; // by Factory.make2 (CREATE2)
  let chainId: string;

  beforeAll(async () => {
    // Compiled before the chain starts: solc-js blocks this process for seconds, long enough
    // for an idle keep-alive connection to the node to be closed under the client.
    fx = compileFixtures();
    w = await startVerifyWorld(await freshDatabaseUrl('sqlite', 'verify-clients'));
    chainId = String(w.chain.chainId);
    const from = w.chain.users[0]!;
    const deploy = async (bytecode: string) => {
      const hash = await w.chain.send({ from, data: `0x${bytecode}`, gas: '0x4c4b40' });
      return (await w.chain.client.waitForTransactionReceipt({ hash })).contractAddress!.toLowerCase() as Hex;
    };
    tally = await deploy(fx.tally.bytecode);
    // solc's placeholder for a library: __$ + the first 34 hex digits of keccak256("path:Name") + $__.
    const placeholder = `__$${keccak256(stringToBytes('contracts/Linked.sol:Tally')).slice(2, 36)}$__`;
    expect(fx.counter.bytecode).toContain(placeholder);
    counter = await deploy(fx.counter.bytecode.replaceAll(placeholder, tally.slice(2)));
    const factory = await deploy(fx.factory.bytecode);
    const make = async (fn: 'make' | 'make2', seed: bigint) => {
      const hash = await w.chain.send({ from, to: factory, data: encodeFunctionData({ abi: fx.factory.abi, functionName: fn, args: [seed] }), gas: '0x4c4b40' });
      const receipt = await w.chain.client.waitForTransactionReceipt({ hash });
      const made = decodeEventLog({ abi: fx.factory.abi, data: receipt.logs[0]!.data, topics: receipt.logs[0]!.topics });
      return ((made.args as unknown as { child: string }).child).toLowerCase() as Hex;
    };
    created = await make('make', 7n);
    created2 = await make('make2', 9n);
    await w.indexed();
  }, 240_000);
  afterAll(async () => w?.close());

  it('Hardhat 3 over Etherscan API v2: getsourcecode, verifysourcecode (POST form, module/action/chainid/apikey in the query) and checkverifystatus by GET', async () => {
    const apiUrl = `${w.server.url}/api`;
    const query = (params: Record<string, string>) => `${apiUrl}?${new URLSearchParams(params)}`;
    // etherscan.ts 215-222: isVerified, GET with module, action, chainid, apikey, address.
    const before = await getJson(query({ module: 'contract', action: 'getsourcecode', chainid: chainId, apikey: 'hh3-key', address: w.ledger }));
    expect(before.body.status).toBe('1');
    expect(before.body.result[0].SourceCode).toBe('');
    // etherscan.ts 276-297: verify, POST form body (constructorArguments spelled right) to apiUrl
    // with module, action, chainid and apikey as query parameters.
    const sub = await postForm(query({ module: 'contract', action: 'verifysourcecode', chainid: chainId, apikey: 'hh3-key' }), {
      contractaddress: w.ledger, sourceCode: LEDGER_JSON, codeformat: 'solidity-standard-json-input', contractname: LEDGER_NAME,
      compilerversion: LEDGER_COMPILER, constructorArguments: LEDGER_ARGS_HEX,
    });
    expect(sub.body).toMatchObject({ status: '1', message: 'OK' });
    expect(sub.body.result).toMatch(/^[0-9a-f]{50}$/);
    // etherscan.ts 383-390: pollVerificationStatus, GET with module, action, chainid, apikey, guid;
    // 599-607: "Pending in queue" polls again, "Pass - Verified" is success.
    let status: any;
    for (;;) {
      status = (await getJson(query({ module: 'contract', action: 'checkverifystatus', chainid: chainId, apikey: 'hh3-key', guid: sub.body.result }))).body;
      if (status.result !== 'Pending in queue') break;
      expect(status).toEqual({ status: '0', message: 'NOTOK', result: 'Pending in queue' });
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(status).toMatchObject({ status: '1', message: 'OK', result: 'Pass - Verified' });
    const after = await getJson(query({ module: 'contract', action: 'getsourcecode', chainid: chainId, apikey: 'hh3-key', address: w.ledger }));
    expect(after.body.result[0]).toMatchObject({ ContractName: 'ServiceLedger', ConstructorArguments: LEDGER_ARGS_HEX, MatchKind: 'full' });
    // 552-558: a second verify is "already verified" by the start of the result.
    const again = await postForm(query({ module: 'contract', action: 'verifysourcecode', chainid: chainId, apikey: 'hh3-key' }), {
      contractaddress: w.ledger, sourceCode: LEDGER_JSON, codeformat: 'solidity-standard-json-input', contractname: LEDGER_NAME, compilerversion: LEDGER_COMPILER, constructorArguments: LEDGER_ARGS_HEX,
    });
    expect(again.body).toEqual({ status: '0', message: 'NOTOK', result: 'Contract source code already verified' });
  }, 120_000);

  it('Foundry over Etherscan API v2: getabi check, POST form to the verifier URL with ?chainid=, both constructor spellings, checkverifystatus by POST', async () => {
    // forge verify-contract --verifier-url http://HOST/api?chainid=N: block-explorers lib.rs
    // 186-195 POSTs every call as a form to that URL; 232-245 puts apikey, module and action in the form.
    const verifierUrl = `${w.server.url}/api?chainid=${chainId}`;
    // mod.rs 281-286 is_contract_verified -> contract.rs 365-393 getabi, "Contract source code not verified".
    const abi = await getJson(`${verifierUrl}&${new URLSearchParams({ apikey: 'forge-key', module: 'contract', action: 'getabi', address: w.other })}`);
    expect(abi.body).toEqual({ status: '0', message: 'NOTOK', result: 'Contract source code not verified' });
    // verify.rs 10-41: contractaddress, sourceCode, codeformat, contractname, compilerversion,
    // constructorArguements and constructorArguments (both, without 0x).
    const form = {
      apikey: 'forge-key', module: 'contract', action: 'verifysourcecode', contractaddress: getAddress(w.other), sourceCode: LEDGER_JSON,
      codeformat: 'solidity-standard-json-input', contractname: LEDGER_NAME, compilerversion: LEDGER_COMPILER,
      constructorArguements: LEDGER_ARGS_HEX, constructorArguments: LEDGER_ARGS_HEX,
    };
    const sub = await postForm(verifierUrl, form);
    expect(sub.body).toMatchObject({ status: '1', message: 'OK' });
    // verify.rs 176-186 checkverifystatus is a POST form too; mod.rs 111-134 reads the result strings.
    let status: any;
    for (;;) {
      status = (await postForm(verifierUrl, { apikey: 'forge-key', module: 'contract', action: 'checkverifystatus', guid: sub.body.result })).body;
      if (status.result !== 'Pending in queue') break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    expect(status).toMatchObject({ status: '1', message: 'OK', result: 'Pass - Verified' });
    // mod.rs 188: a resubmission answers exactly "Contract source code already verified".
    expect((await postForm(verifierUrl, form)).body).toEqual({ status: '0', message: 'NOTOK', result: 'Contract source code already verified' });
    // mod.rs 195: "Unable to locate ContractCode at" for an address with no contract.
    const nowhere = await postForm(verifierUrl, { ...form, contractaddress: `0x${'6'.repeat(40)}` });
    expect(nowhere.body.status).toBe('0');
    expect(nowhere.body.result).toMatch(/^Unable to locate ContractCode at 0x6{40}/);
  }, 120_000);

  it('a wrong chainid is refused on every action, in Etherscan\'s words; apikey is ignored', async () => {
    const cases: Record<string, string>[] = [
      { module: 'account', action: 'balance', address: w.ledger },
      { module: 'contract', action: 'getabi', address: w.ledger },
      { module: 'contract', action: 'checkverifystatus', guid: 'x'.repeat(50) },
      { module: 'block', action: 'getblocknumberbytime', timestamp: '1', closest: 'before' },
    ];
    for (const params of cases) {
      const wrong = await api(w.server.url, { ...params, chainid: '1', apikey: 'anything' });
      expect(wrong.body).toEqual({ status: '0', message: 'NOTOK', result: `Missing or unsupported chainid parameter (required for v2 api), this server answers for chainid ${chainId} only` });
      const right = await api(w.server.url, { ...params, chainid: chainId, apikey: 'anything' });
      expect(right.body.result).not.toMatch(/chainid/);
    }
    const form = await postForm(`${w.server.url}/api`, { module: 'contract', action: 'getabi', address: w.ledger, chainid: '5' });
    expect(form.body.result).toMatch(/^Missing or unsupported chainid parameter/);
  });

  it('Sourcify API v2: a library-linked contract from submit to exact_match; 409 already_verified on a second submit; shown by /api too', async () => {
    // hardhat sourcify.ts 122: isVerified looks the contract up; 404 with match null when not verified.
    const before = await getJson(`${w.server.url}/sourcify/v2/contract/${chainId}/${counter}`);
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ match: null, chainId, address: getAddress(counter) });
    // sourcify.ts 180-202 (and forge sourcify.rs 268-274): POST v2/verify/{chainId}/{address}
    // with stdJsonInput, compilerVersion, contractIdentifier.
    const body = { stdJsonInput: fx.stdJsonInput, compilerVersion: fx.compilerVersion, contractIdentifier: 'contracts/Linked.sol:Counter' };
    const sub = await sourcifyPost(w.server.url, `v2/verify/${chainId}/${getAddress(counter)}`, body);
    expect(sub.status).toBe(202);
    expect(sub.body.verificationId).toEqual(expect.any(String));
    // sourcify.ts 269 and 398-454: the job, with isJobCompleted, verificationId, jobStartTime, contract.
    const job = await sourcifyJob(w.server.url, sub.body.verificationId);
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ isJobCompleted: true, verificationId: sub.body.verificationId, contract: { match: 'exact_match', creationMatch: 'exact_match', runtimeMatch: 'exact_match', chainId, address: getAddress(counter) } });
    expect(Date.parse(job.jobStartTime)).toBeGreaterThan(0);
    // forge sourcify.rs 207: 409 means already fully verified; Hardhat 3 reads customCode already_verified.
    const again = await sourcifyPost(w.server.url, `v2/verify/${chainId}/${counter}`, body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ customCode: 'already_verified', message: expect.any(String), errorId: expect.any(String) });
    // forge sourcify.rs 353-372: the lookup's creationMatch and runtimeMatch are exact_match.
    const look = await getJson(`${w.server.url}/sourcify/v2/contract/${chainId}/${counter}?fields=abi,compilation`);
    expect(look.status).toBe(200);
    expect(look.body).toMatchObject({ match: 'exact_match', creationMatch: 'exact_match', runtimeMatch: 'exact_match', chainId, abi: fx.counter.abi, compilation: { name: 'Counter', fullyQualifiedName: 'contracts/Linked.sol:Counter' } });
    // One store: /api shows the same contract, with the library read from the chain.
    const es = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: counter });
    expect(es.body.result[0]).toMatchObject({ ContractName: 'Counter', MatchKind: 'full', Library: `Tally:${tally.slice(2)}` });
  }, 120_000);

  it('Sourcify API v2 errors carry customCode, message and errorId', async () => {
    const wrongChain = await sourcifyPost(w.server.url, `v2/verify/1/${counter}`, {});
    expect(wrongChain.status).toBe(400);
    expect(wrongChain.body).toMatchObject({ customCode: 'unsupported_chain', errorId: expect.any(String) });
    const noJob = await getJson(`${w.server.url}/sourcify/v2/verify/00000000-0000-0000-0000-000000000000`);
    expect(noJob.status).toBe(404);
    expect(noJob.body.customCode).toBe('job_not_found');
    const missing = await sourcifyPost(w.server.url, `v2/verify/${chainId}/${w.third}`, { compilerVersion: fx.compilerVersion, contractIdentifier: 'a.sol:A' });
    expect(missing.status).toBe(400);
    expect(missing.body.customCode).toBe('invalid_parameter');
  });

  it('metadata verification of a contract a factory created with CREATE: its init code comes from the trace', async () => {
    const metadata = JSON.parse(fx.child.metadata) as { sources: Record<string, unknown> };
    const sources = Object.fromEntries(Object.keys(metadata.sources).map((p) => [p.split('/').pop()!, (fx.stdJsonInput.sources as Record<string, { content: string }>)[p]!.content]));
    const sub = await sourcifyPost(w.server.url, `v2/verify/metadata/${chainId}/${created}`, { metadata, sources });
    expect(sub.status).toBe(202);
    const job = await sourcifyJob(w.server.url, sub.body.verificationId);
    expect(job.error).toBeUndefined();
    expect(job.contract).toMatchObject({ match: 'exact_match', creationMatch: 'exact_match', runtimeMatch: 'exact_match' });
    const es = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: created });
    expect(es.body.result[0]).toMatchObject({ ContractName: 'Child', ConstructorArguments: (7n).toString(16).padStart(64, '0') });
  }, 120_000);

  it('a contract a factory created with CREATE2 verifies through /api too', async () => {
    const sub = await postForm(`${w.server.url}/api`, {
      module: 'contract', action: 'verifysourcecode', contractaddress: created2, sourceCode: JSON.stringify(fx.stdJsonInput),
      codeformat: 'solidity-standard-json-input', contractname: 'contracts/Factory.sol:Child', compilerversion: `v${fx.compilerVersion}`,
    });
    expect(sub.body.status).toBe('1');
    let status: any;
    do {
      await new Promise((ok) => setTimeout(ok, 200));
      status = (await api(w.server.url, { module: 'contract', action: 'checkverifystatus', guid: sub.body.result })).body;
    } while (status.result === 'Pending in queue');
    expect(status).toMatchObject({ status: '1', result: 'Pass - Verified', matchKind: 'full' });
  }, 120_000);

  it('a job that finds its contract verified by an earlier one answers "Already Verified"; Sourcify refuses a second job while one runs', async () => {
    const form = {
      module: 'contract', action: 'verifysourcecode', contractaddress: w.third, sourceCode: LEDGER_JSON, codeformat: 'solidity-standard-json-input',
      contractname: LEDGER_NAME, compilerversion: LEDGER_COMPILER,
    };
    const first = await postForm(`${w.server.url}/api`, form);
    const second = await postForm(`${w.server.url}/api`, form);
    expect([first.body.status, second.body.status]).toEqual(['1', '1']);
    // Sourcify's rule: one job per contract at a time (429 duplicate_verification_request).
    const sourcify = await sourcifyPost(w.server.url, `v2/verify/${chainId}/${w.third}`, { stdJsonInput: JSON.parse(LEDGER_JSON), compilerVersion: LEDGER_COMPILER, contractIdentifier: LEDGER_NAME });
    expect(sourcify.status).toBe(429);
    expect(sourcify.body.customCode).toBe('duplicate_verification_request');
    const poll = async (guid: string) => {
      for (;;) {
        const r = (await api(w.server.url, { module: 'contract', action: 'checkverifystatus', guid })).body;
        if (r.result !== 'Pending in queue') return r;
        await new Promise((ok) => setTimeout(ok, 200));
      }
    };
    expect(await poll(first.body.result)).toMatchObject({ status: '1', message: 'OK', result: 'Pass - Verified' });
    // Foundry's check (mod.rs 121) and Hardhat 3's (etherscan.ts 612-613) both take this as success.
    expect(await poll(second.body.result)).toEqual({ status: '1', message: 'OK', result: 'Already Verified' });
  }, 120_000);
});
