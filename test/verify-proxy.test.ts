// Proxies of every kind the explorer recognises, deployed from OpenZeppelin's contracts (and a
// hand-written EIP-1822 proxy, which OpenZeppelin no longer ships) to a real devnet and
// upgraded once: Account.proxy over GraphQL, read-as-proxy (the implementation's verified ABI
// against the proxy's address), /api getsourcecode's Proxy and Implementation, and Etherscan's
// verifyproxycontract / checkproxyverification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEventLog, encodeAbiParameters, encodeFunctionData, type Hex } from 'viem';
import { freshDatabaseUrl, gql } from './helpers/api';
import { api, apiPost, compileProxies, startVerifyWorld, verifyStatus, type VerifyWorld } from './helpers/verify';

const PROXY_QUERY = `query($a: String!) { account(address: $a) { proxy { kind implementation beacon history { blockNumber implementation beacon } } } }`;

describe('proxies (sqlite)', () => {
  let w: VerifyWorld;
  const c = compileProxies();
  const at: Record<string, Hex> = {};
  const blocks: Record<string, number> = {};

  beforeAll(async () => {
    w = await startVerifyWorld(await freshDatabaseUrl('sqlite', 'verify-proxy'));
    const from = w.chain.users[0]!;
    const send = async (label: string, tx: Record<string, unknown>) => {
      const receipt = await w.chain.client.waitForTransactionReceipt({ hash: await w.chain.send({ from, gas: '0x4c4b40', ...tx }) });
      expect(receipt.status).toBe('success');
      blocks[label] = Number(receipt.blockNumber);
      return receipt;
    };
    const deploy = async (label: string, name: string, types: { type: string }[] = [], args: unknown[] = []) => {
      const data = `0x${c.get(name).bytecode}${encodeAbiParameters(types, args).slice(2)}`;
      at[label] = (await send(label, { data })).contractAddress!.toLowerCase() as Hex;
    };
    const call = (label: string, to: string, name: string, fn: string, args: unknown[]) => send(label, { to, data: encodeFunctionData({ abi: c.get(name).abi, functionName: fn, args }) });

    await deploy('boxV1', 'BoxV1');
    await deploy('boxV2', 'BoxV2');
    // OpenZeppelin's proxies refuse to be created uninitialised: each gets a first call.
    await deploy('uups', 'ERC1967Proxy', [{ type: 'address' }, { type: 'bytes' }], [at.boxV1, encodeFunctionData({ abi: c.get('BoxV1').abi, functionName: 'set', args: [42n] })]);
    await call('uupsUpgrade', at.uups!, 'BoxV1', 'upgradeToAndCall', [at.boxV2, '0x']);

    await deploy('greeterV1', 'GreeterV1');
    await deploy('greeterV2', 'GreeterV2');
    await deploy('beacon', 'UpgradeableBeacon', [{ type: 'address' }, { type: 'address' }], [at.greeterV1, from]);
    await deploy('beaconProxy', 'BeaconProxy', [{ type: 'address' }, { type: 'bytes' }], [at.beacon, encodeFunctionData({ abi: c.get('GreeterV1').abi, functionName: 'greet' })]);
    await call('beaconUpgrade', at.beacon!, 'UpgradeableBeacon', 'upgradeTo', [at.greeterV2]);

    await deploy('logicV1', 'Logic1822V1');
    await deploy('logicV2', 'Logic1822V2');
    await deploy('p1822', 'Proxy1822', [{ type: 'address' }], [at.logicV1]);
    await call('p1822Upgrade', at.p1822!, 'Logic1822V1', 'updateCodeAddress', [at.logicV2]);

    await deploy('maker', 'CloneMaker');
    const made = await call('clone', at.maker!, 'CloneMaker', 'clone', [at.greeterV1]);
    const log = decodeEventLog({ abi: c.get('CloneMaker').abi, data: made.logs[0]!.data, topics: made.logs[0]!.topics });
    at.clone = (log.args as unknown as { clone: string }).clone.toLowerCase() as Hex;

    await w.indexed();
  }, 240_000);
  afterAll(async () => w?.close());

  const proxyOf = async (url: string, address: string) => {
    const r = await gql(url, PROXY_QUERY, { a: address });
    expect(r.body.errors).toBeUndefined();
    return r.body.data.account.proxy;
  };

  it('EIP-1967 (an OpenZeppelin ERC1967Proxy with a UUPS implementation), upgraded: kind, implementation now, history by block', async () => {
    expect(await proxyOf(w.server.url, at.uups!)).toEqual({
      kind: 'EIP1967', implementation: at.boxV2, beacon: null,
      history: [{ blockNumber: blocks.uups, implementation: at.boxV1, beacon: null }, { blockNumber: blocks.uupsUpgrade, implementation: at.boxV2, beacon: null }],
    });
  });

  it('EIP-1967 beacon proxy, its beacon upgraded: the beacon, the implementation it names now, and both steps', async () => {
    expect(await proxyOf(w.server.url, at.beaconProxy!)).toEqual({
      kind: 'EIP1967_BEACON', implementation: at.greeterV2, beacon: at.beacon,
      history: [
        { blockNumber: blocks.beacon, implementation: at.greeterV1, beacon: at.beacon },
        { blockNumber: blocks.beaconProxy, implementation: null, beacon: at.beacon },
        { blockNumber: blocks.beaconUpgrade, implementation: at.greeterV2, beacon: at.beacon },
      ],
    });
  });

  it('EIP-1822, upgraded with no event: the PROXIABLE slot now, and its history read at the blocks of the proxy\'s transactions', async () => {
    expect(await proxyOf(w.server.url, at.p1822!)).toEqual({
      kind: 'EIP1822', implementation: at.logicV2, beacon: null,
      history: [{ blockNumber: blocks.p1822, implementation: at.logicV1, beacon: null }, { blockNumber: blocks.p1822Upgrade, implementation: at.logicV2, beacon: null }],
    });
  });

  it('EIP-1167 clone: the implementation from its code; it cannot be upgraded, so no history', async () => {
    expect(await proxyOf(w.server.url, at.clone!)).toEqual({ kind: 'EIP1167', implementation: at.greeterV1, beacon: null, history: [] });
  });

  it('an ordinary contract and an account are no proxy', async () => {
    expect(await proxyOf(w.server.url, at.boxV1!)).toBeNull();
    expect(await proxyOf(w.server.url, w.chain.users[1]!.toLowerCase())).toBeNull();
  });

  it('without a node, an EIP-1967 proxy is still known by its Upgraded events', async () => {
    const bare = await w.startServer({ rpc: undefined });
    try {
      expect(await proxyOf(bare.url, at.uups!)).toMatchObject({ kind: 'EIP1967', implementation: at.boxV2 });
    } finally {
      await bare.close();
    }
  });

  it('read as proxy: the implementation\'s verified ABI, called at the proxy\'s address; /api getsourcecode names the implementation', async () => {
    const sub = await apiPost(w.server.url, {
      module: 'contract', action: 'verifysourcecode', contractaddress: at.boxV2!, codeformat: 'solidity-standard-json-input',
      sourceCode: c.stdJson, contractname: 'contracts/Proxies.sol:BoxV2', compilerversion: c.version,
    });
    expect((await verifyStatus(w.server.url, sub.body.result)).result).toBe('Pass - Verified');
    const read = await gql(w.server.url, `query($a: String!, $i: String) { readContract(address: $a, function: "version", abiFrom: $i) { values { value } } }`, { a: at.uups, i: at.boxV2 });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.readContract.values).toEqual([{ value: 'v2' }]);
    const source = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: at.uups! });
    expect(source.body.result[0]).toMatchObject({ Proxy: '1', Implementation: at.boxV2, SourceCode: '' });
    const plain = await api(w.server.url, { module: 'contract', action: 'getsourcecode', address: at.boxV2! });
    expect(plain.body.result[0]).toMatchObject({ Proxy: '0', Implementation: '', ContractName: 'BoxV2' });
  }, 120_000);

  it('verifyproxycontract / checkproxyverification answer in Etherscan\'s words', async () => {
    const ok = await apiPost(w.server.url, { module: 'contract', action: 'verifyproxycontract', address: at.beaconProxy! });
    expect(ok.body.status).toBe('1');
    expect((await api(w.server.url, { module: 'contract', action: 'checkproxyverification', guid: ok.body.result })).body).toEqual({
      status: '1', message: 'OK', result: `The proxy's (${at.beaconProxy}) implementation contract is found at ${at.greeterV2} and is successfully updated.`,
    });
    const wrong = await apiPost(w.server.url, { module: 'contract', action: 'verifyproxycontract', address: at.uups!, expectedimplementation: at.boxV1! });
    expect((await api(w.server.url, { module: 'contract', action: 'checkproxyverification', guid: wrong.body.result })).body).toEqual({
      status: '0', message: 'NOTOK', result: `The implementation contract found at ${at.boxV2} does not match the expected implementation ${at.boxV1}.`,
    });
    const none = await apiPost(w.server.url, { module: 'contract', action: 'verifyproxycontract', address: at.boxV1! });
    expect((await api(w.server.url, { module: 'contract', action: 'checkproxyverification', guid: none.body.result })).body.result).toBe(
      'A corresponding implementation contract was unfortunately not detected for the proxy address.',
    );
  });
});
