// The devnet's sealing rotation, indexed on SQLite and PostgreSQL: per-validator counts sum to
// the chain, each sealer's member is the one its NodeRegistered names (read independently with
// viem), an offline stretch reads LATE, then OFFLINE, then ACTIVE, and a look-alike registry's
// NodeRegistered maps nothing.
import { getAddress, parseEventLogs, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatorStatus } from '../api/validators/status';
import { loadValidators, type ValidatorSummary } from '../api/validators/query';
import { allianceRegistryAbi, allianceRegistryBytecode } from '../contracts/registry';
import type { Db } from '../db/connect';
import { deriveAccounts } from '../devnet/accounts';
import { clients } from '../devnet/clients';
import { startDevnet, type Devnet } from '../devnet/index';
import { planHistory } from '../devnet/plan';
import { NODE_OPERATORS, withSealing } from '../devnet/sealers';
import { DIALECTS, indexOnce, openDb } from './helpers/indexer';

const abi = allianceRegistryAbi;
const SEED = 5;
const HISTORY_END = new Date('2023-03-01T00:00:00Z');
const N = 3;
const opts = { offlineAfterTurns: N, rotationWindow: 1000 };

let devnet: Devnet;
let c: ReturnType<typeof clients>;
const dbs = new Map<string, Db>();
const spoofNode = '0x5900f5900f5900f5900f5900f5900f5900f5900f' as Hex;
let spoofRegistry: Hex;

beforeAll(async () => {
  // Indexed once the history is built, by an indexer that reads balances at past blocks.
  devnet = await startDevnet({ port: 0, seed: SEED, history: 'full', blockTimeMs: 1000, live: false, historyEnd: HISTORY_END, archive: true });
  c = clients(devnet.rpcUrl);
  // A look-alike registry: same bytecode, same events, not the configured address.
  const deployer = devnet.users[0]!;
  const hash = await c.wallet(deployer).deployContract({ abi, bytecode: allianceRegistryBytecode, gas: 3_000_000n });
  spoofRegistry = (await c.publicClient.waitForTransactionReceipt({ hash })).contractAddress!.toLowerCase() as Hex;
  const send = async (from: Hex, functionName: 'admitMember' | 'registerNode', args: readonly unknown[]) => {
    const h = await c.wallet(from).writeContract({ address: spoofRegistry, abi, functionName, args, gas: 500_000n } as never);
    return c.publicClient.waitForTransactionReceipt({ hash: h });
  };
  await send(deployer, 'admitMember', [devnet.users[1]!, 'Spoof / 假冒', 'CN', 'finance']);
  const r = await send(devnet.users[1]!, 'registerNode', [spoofNode, 'spoof-node']);
  expect(parseEventLogs({ abi, logs: r.logs }).map((l) => l.eventName)).toEqual(['NodeRegistered']);
  // ...and a block sealed by the node it claims.
  await c.publicClient.request({ method: 'anvil_setCoinbase' as never, params: [spoofNode] as never });
  await c.publicClient.request({ method: 'evm_mine' as never, params: [] as never });
  for (const d of DIALECTS) {
    const db = await openDb(d, 'validators');
    await indexOnce(devnet.rpcUrl, db);
    dbs.set(d, db);
  }
}, 300_000);

afterAll(async () => {
  for (const db of dbs.values()) await db.close();
  await devnet?.stop();
});

/** NodeRegistered/NodeDeregistered of the real registry, straight from the node. */
async function registryNodes(): Promise<Map<string, string>> {
  const logs = await c.publicClient.getContractEvents({ address: devnet.registry, abi, eventName: 'NodeRegistered', fromBlock: 0n, toBlock: 'latest' });
  return new Map(logs.map((l) => [l.args.node!.toLowerCase(), l.args.member!.toLowerCase()]));
}

const schedule = () =>
  withSealing(planHistory({ seed: SEED, accounts: deriveAccounts(SEED), historyEnd: HISTORY_END }), SEED, deriveAccounts(SEED).members.map((m) => m.address)).sealing;

describe.each(DIALECTS)('validators on the devnet (%s)', (dialect) => {
  let summary: ValidatorSummary;
  beforeAll(async () => {
    summary = await loadValidators(dbs.get(dialect)!.db, opts);
  });

  it('blocks sealed per validator sum to the chain (every block after genesis)', async () => {
    const head = await c.publicClient.getBlockNumber();
    expect(summary.head).toBe(Number(head));
    expect(summary.validators.reduce((s, v) => s + v.blocksSealed, 0)).toBe(Number(head));
    expect(summary.validators.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 9);
    // The rotation of about twenty nodes shows: nobody seals more than twice a fair share.
    const operators = summary.validators.filter((v) => v.member);
    expect(operators.length).toBe(NODE_OPERATORS + 1); // + the replacement node
    for (const v of operators.filter((v) => v.registered)) expect(v.share).toBeLessThan(2 / NODE_OPERATORS);
  });

  it("each validator's member is the one the registry's NodeRegistered names", async () => {
    const fromChain = await registryNodes();
    expect(fromChain.size).toBe(NODE_OPERATORS + 1);
    for (const v of summary.validators) expect(v.member).toBe(fromChain.get(v.address) ?? null);
    // Inspur, Huawei and Tencent run nodes.
    const labels = summary.validators.map((v) => v.nodeLabel ?? '');
    for (const l of ['inspur-group-node-1', 'huawei-technologies-node-1', 'tencent-node-1']) expect(labels).toContain(l);
  });

  it('the replaced node is deregistered and its successor, of the same member, seals after it', async () => {
    const s = schedule();
    const old = summary.validators.find((v) => v.address === s.replacement.old.address)!;
    const successor = summary.validators.find((v) => v.address === s.replacement.new.address)!;
    expect(old.registered).toBe(false);
    expect(successor.registered).toBe(true);
    expect(successor.member).toBe(old.member);
    expect(successor.nodeLabel).toMatch(/-node-2$/);
    expect(old.lastSealedBlock).toBeLessThan(successor.lastSealedBlock);
  });

  it('a node offline for a stretch reads LATE, then OFFLINE, then ACTIVE again', async () => {
    const db = dbs.get(dialect)!;
    const s = schedule();
    expect(s.offline.length).toBeGreaterThan(0);
    for (const o of s.offline) {
      // Plan block i is chain block i + 2 (genesis, then the registry deployment).
      const [from, to] = [o.from + 2, o.to + 2];
      const sealed = await db.db.selectFrom('block_sealers').select('block_number').where('sealer', '=', o.node).orderBy('block_number').execute();
      const numbers = sealed.map((r) => Number(r.block_number));
      expect(numbers.filter((n) => n >= from && n < to)).toEqual([]);
      const before = Math.max(...numbers.filter((n) => n < from));
      const after = Math.min(...numbers.filter((n) => n >= to));
      const at = async (head: number) => (await loadValidators(db.db, { ...opts, head })).validators.find((v) => v.address === o.node)!;
      const k = (await loadValidators(db.db, { ...opts, head: before })).setSize;
      expect((await at(before + k - 1)).status).toBe('ACTIVE');
      expect((await at(before + k + 1)).status).toBe('LATE');
      const off = await at(before + N * (k + 1));
      expect(off.status).toBe('OFFLINE');
      expect(validatorStatus({ head: before + N * (k + 1), lastSealedBlock: off.lastSealedBlock, setSize: k + 1, offlineAfterTurns: N })).toBe('OFFLINE');
      expect((await at(after)).status).toBe('ACTIVE');
    }
  });

  it("a look-alike registry's NodeRegistered maps nothing", async () => {
    const db = dbs.get(dialect)!;
    const spoofed = summary.validators.find((v) => v.address === spoofNode);
    expect(spoofed?.blocksSealed).toBe(1);
    expect(spoofed?.member).toBeNull();
    expect(spoofed?.nodeLabel).toBeNull();
    expect(await db.db.selectFrom('node_events').select('node').where('node', '=', spoofNode).execute()).toEqual([]);
    // The spoofed event is on chain and decodes fine: it is the address that disqualifies it.
    const logs = await c.publicClient.getContractEvents({ address: spoofRegistry, abi, eventName: 'NodeRegistered', fromBlock: 0n });
    expect(logs.map((l) => getAddress(l.args.node!))).toEqual([getAddress(spoofNode)]);
  });
});
