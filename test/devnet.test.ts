// The embedded demo chain: node behaviour and the simulated history's content (counted from
// the registry's events through viem). The pure plan behind it: devnet-plan.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { allianceRegistryAbi as abi, bytes32ToAscii, kpiFromKey } from '../contracts/registry';
import { ENTERPRISES, SECTORS } from '../devnet/catalogue';
import { clients } from '../devnet/clients';
import { startDevnet, type Devnet } from '../devnet/index';
import { PHASE1 } from '../devnet/plan';
import { gethGenesis } from '../devnet/genesis';
import { PHASE2 } from '../devnet/phase2';
import { sentHashes } from '../devnet/sends';
import { quarterInPeriod } from '../rules/quarter';

const HISTORY_END = new Date('2026-01-01T00:00:00Z');
const shanghaiDate = (unix: bigint) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Number(unix) * 1000));
const utcDate = (unix: bigint) => new Date(Number(unix) * 1000).toISOString().slice(0, 10);

describe('devnet history (seed 1, up to 2026-01-01)', () => {
  let devnet: Devnet;
  let c: ReturnType<typeof clients>;
  const phases = new Set<string>();
  let lastProgress = { done: 0, total: 0 };

  beforeAll(async () => {
    devnet = await startDevnet({
      port: 0,
      seed: 1,
      history: 'full',
      blockTimeMs: 1000,
      live: false,
      historyEnd: HISTORY_END,
      onProgress: (p) => {
        phases.add(p.phase);
        if (p.phase === 'history') lastProgress = p;
      },
    });
    c = clients(devnet.rpcUrl);
  }, 120_000);
  afterAll(() => devnet?.stop());

  const events = <N extends 'MemberAdmitted' | 'MemberRemoved' | 'TargetSet' | 'PatentFiled' | 'ScenarioLaunched' | 'ScenarioStageChanged' | 'OutputReported'>(
    eventName: N,
  ) => c.publicClient.getContractEvents({ address: devnet.registry, abi, eventName, fromBlock: 0n, toBlock: 'latest' });

  it('reported its progress up to the last block', async () => {
    expect(phases.has('history')).toBe(true);
    expect(lastProgress.done).toBe(lastProgress.total);
    expect(BigInt(lastProgress.total + 1)).toBe(await c.publicClient.getBlockNumber());
  });

  it('keeps the state of recent blocks only, as most nodes do: a balance at block 2 is refused, at the head answered', async () => {
    const head = await c.publicClient.getBlockNumber();
    await expect(c.publicClient.getBalance({ address: devnet.owner, blockNumber: 2n })).rejects.toThrow();
    expect(await c.publicClient.getBalance({ address: devnet.owner, blockNumber: head - 10n })).toBeGreaterThan(0n);
  });

  it('starts on launch day: block 1 deploys the registry on 2020-04-14 in UTC and in Chongqing', async () => {
    const block1 = await c.publicClient.getBlock({ blockNumber: 1n, includeTransactions: true });
    expect(utcDate(block1.timestamp)).toBe('2020-04-14');
    expect(shanghaiDate(block1.timestamp)).toBe('2020-04-14');
    expect(block1.transactions).toHaveLength(1);
    const receipt = await c.publicClient.getTransactionReceipt({ hash: block1.transactions[0]!.hash });
    expect(receipt.contractAddress?.toLowerCase()).toBe(devnet.registry);
    const genesis = await c.publicClient.getBlock({ blockNumber: 0n });
    expect(utcDate(genesis.timestamp)).toBe('2020-04-14');
    expect(genesis.timestamp).toBeLessThan(block1.timestamp);
  });

  it('ends before historyEnd with increasing timestamps and about a block a working day', async () => {
    const head = await c.publicClient.getBlock();
    // 2020-04-14 to 2026-01-01 holds about 1,470 working days.
    expect(head.number).toBeGreaterThan(1400n);
    expect(head.number).toBeLessThan(2400n);
    expect(head.timestamp).toBeLessThan(BigInt(HISTORY_END.getTime() / 1000));
    expect(head.timestamp).toBeGreaterThan(BigInt(HISTORY_END.getTime() / 1000 - 10 * 86_400));
    let previous = 0n;
    for (let n = 0n; n <= head.number; n += 97n) {
      const b = await c.publicClient.getBlock({ blockNumber: n });
      expect(b.timestamp).toBeGreaterThan(previous);
      previous = b.timestamp;
    }
  });

  it('sets the four phase-1 targets from the announcement, then simulated phase-2 targets before phase 1 ends', async () => {
    const targets = await events('TargetSet');
    expect(targets).toHaveLength(8);
    const byPeriod = (start: number) =>
      Object.fromEntries(targets.filter((t) => t.args.periodStart === BigInt(start)).map((t) => [kpiFromKey(t.args.kpi!), t.args]));
    const period = { periodStart: 1586793600n, periodEnd: 1744560000n }; // 2020-04-14 / 2025-04-14 at 00:00 +08:00
    expect(byPeriod(PHASE1.periodStart)).toEqual({
      patents: { kpi: expect.any(String), target: 1000n, ...period },
      scenarios: { kpi: expect.any(String), target: 20n, ...period },
      outputValue: { kpi: expect.any(String), target: 5_000_000_000n, ...period },
      members: { kpi: expect.any(String), target: 100n, ...period },
    });
    expect(BigInt(PHASE1.periodStart)).toBe(period.periodStart);
    expect(targets.slice(0, 4).every((t) => t.blockNumber === 2n)).toBe(true);
    // Phase 2 follows on from phase 1's end, for five years, with the simulated targets.
    const phase2 = { periodStart: 1744560000n, periodEnd: 1902326400n }; // 2025-04-14 / 2030-04-14 at 00:00 +08:00
    const second = byPeriod(PHASE2.periodStart);
    expect(Object.keys(second).sort()).toEqual(['members', 'outputValue', 'patents', 'scenarios']);
    for (const [k, t] of Object.entries(second)) {
      expect(t).toMatchObject({ target: PHASE2.targets[k as keyof typeof PHASE2.targets], ...phase2 });
    }
    for (const t of targets.slice(4)) {
      const block = await c.publicClient.getBlock({ blockNumber: t.blockNumber });
      expect(shanghaiDate(block.timestamp)).toBe('2025-03-28');
    }
  });

  it('carries on into phase 2: patents, output reports and new scenarios after 2025-04-14', async () => {
    const after = BigInt(PHASE2.periodStart);
    const patents = (await events('PatentFiled')).filter((p) => p.args.filedAt! >= after);
    expect(patents.length).toBeGreaterThan(50);
    const reports = (await events('OutputReported')).filter((r) => r.args.period! >= 20252);
    expect(reports.length).toBeGreaterThan(50);
    const launched = await events('ScenarioLaunched');
    const late = [];
    for (const e of launched) {
      const block = await c.publicClient.getBlock({ blockNumber: e.blockNumber });
      if (block.timestamp >= after) late.push(e);
    }
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(late.every((e) => / \/ \S/.test(e.args.name!))).toBe(true);
  });

  it('has at least 100 current members, the seven named ones among them', async () => {
    const admitted = await events('MemberAdmitted');
    const removed = await events('MemberRemoved');
    const current = new Map<string, string>();
    for (const e of [...admitted, ...removed].sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex)) {
      if (e.eventName === 'MemberAdmitted') current.set(e.args.member!.toLowerCase(), e.args.name!);
      else current.delete(e.args.member!.toLowerCase());
    }
    expect(admitted.length - removed.length).toBe(current.size);
    expect(current.size).toBeGreaterThanOrEqual(100);
    expect(removed.length).toBeGreaterThanOrEqual(3);
    expect(await c.publicClient.readContract({ address: devnet.registry, abi, functionName: 'memberCount' })).toBe(
      BigInt(current.size),
    );
    const names = [...current.values()];
    for (const zh of ['浪潮集团', '紫光集团', '华为技术', 'IBM中国', '腾讯', '阿里巴巴集团', '百度']) {
      expect(names.some((n) => n.endsWith(`/ ${zh}`))).toBe(true);
    }
    expect(admitted.every((e) => / \/ \S/.test(e.args.name!))).toBe(true);
    expect(admitted.every((e) => (SECTORS as readonly string[]).includes(e.args.sector!))).toBe(true);
    expect(admitted.every((e) => /^[A-Z]{2}$/.test(e.args.country!))).toBe(true);
    const countries = new Set(admitted.map((e) => e.args.country));
    expect(countries.has('CN')).toBe(true);
    expect(countries.size).toBeGreaterThan(8);
  });

  it('files about a thousand patents in phase 1 with unique CN application numbers', async () => {
    const patents = await events('PatentFiled');
    const inPhase = patents.filter((p) => p.args.filedAt! >= PHASE1.periodStart && p.args.filedAt! < PHASE1.periodEnd);
    expect(inPhase.length).toBeGreaterThanOrEqual(950);
    expect(inPhase.length).toBeLessThanOrEqual(1150);
    const numbers = patents.map((p) => bytes32ToAscii(p.args.applicationNo!));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((n) => /^CN20\d{2}1\d{7}[\dX]$/.test(n))).toBe(true);
    // filedAt is a date on or before the block that records it.
    const sample = patents.filter((_, i) => i % 50 === 0);
    for (const p of sample) {
      const block = await c.publicClient.getBlock({ blockNumber: p.blockNumber });
      expect(p.args.filedAt!).toBeLessThanOrEqual(block.timestamp);
    }
    // Big firms file more than the median member.
    const perMember = new Map<string, number>();
    for (const p of patents) perMember.set(p.args.member!, (perMember.get(p.args.member!) ?? 0) + 1);
    expect(Math.max(...perMember.values())).toBeGreaterThan(30);
  });

  it('launches numbered pilot scenarios, promotes most and retires a few', async () => {
    const launched = await events('ScenarioLaunched');
    const stages = await events('ScenarioStageChanged');
    expect(launched.map((e) => e.args.scenarioId)).toEqual(launched.map((_, i) => BigInt(i + 1)));
    expect(launched.length).toBeGreaterThanOrEqual(25);
    const latest = new Map<bigint, number>(launched.map((e) => [e.args.scenarioId!, 0]));
    for (const s of stages) latest.set(s.args.scenarioId!, s.args.stage!);
    const inDepth = [...latest.values()].filter((s) => s === 1).length;
    expect(inDepth).toBeGreaterThanOrEqual(18);
    expect(inDepth).toBeLessThanOrEqual(26);
    expect([...latest.values()].filter((s) => s === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('reports quarterly output near the 5 billion target, with some corrections', async () => {
    const reports = await events('OutputReported');
    const latest = new Map<string, bigint>();
    let corrections = 0;
    for (const r of reports) {
      const key = `${r.args.member}/${r.args.period}`;
      if (latest.has(key)) corrections++;
      latest.set(key, r.args.amountCny!);
    }
    let phase1 = 0n;
    for (const [key, amount] of latest) {
      const period = Number(key.split('/')[1]);
      expect(period % 10).toBeGreaterThanOrEqual(1);
      expect(period % 10).toBeLessThanOrEqual(4);
      if (quarterInPeriod(period, PHASE1.periodStart, PHASE1.periodEnd)) phase1 += amount;
    }
    expect(phase1).toBeGreaterThan(4_500_000_000n);
    expect(phase1).toBeLessThan(5_500_000_000n);
    expect(corrections).toBeGreaterThan(reports.length * 0.02);
    expect(corrections).toBeLessThan(reports.length * 0.1);
  });

  it('has transfers of both tx types, contract creations and reverted transactions', async () => {
    const head = await c.publicClient.getBlockNumber();
    const types = new Set<string>();
    let creations = 0;
    let reverted = 0;
    let transfers = 0;
    // Receipts of a slice of the chain, fetched the way an indexer would.
    for (let n = 2n; n <= head; n += 3n) {
      const receipts = (await c.publicClient.request({
        method: 'eth_getBlockReceipts' as never,
        params: [`0x${n.toString(16)}`] as never,
      })) as { type: Hex; status: Hex; contractAddress: Hex | null; to: Hex | null; gasUsed: Hex }[];
      for (const r of receipts) {
        types.add(r.type);
        if (r.contractAddress) creations++;
        if (r.status === '0x0') reverted++;
        if (r.to && r.to !== devnet.registry && r.gasUsed === '0x5208') transfers++;
      }
    }
    expect([...types].sort()).toEqual(['0x0', '0x2']);
    expect(creations).toBeGreaterThan(0);
    expect(reverted).toBeGreaterThan(10);
    expect(transfers).toBeGreaterThan(500);
  });
});

describe('devnet node', () => {
  it('rejects a port in use with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startDevnet({ port, seed: 1, history: 'none', blockTimeMs: 1000, live: false })).rejects.toThrow(
        `port ${port} is already in use`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('with history none: only the registry, then the test methods other suites rely on', async () => {
    const devnet = await startDevnet({ port: 0, seed: 3, history: 'none', blockTimeMs: 1000, live: false });
    try {
      const { publicClient: pc } = clients(devnet.rpcUrl);
      expect(await pc.getBlockNumber()).toBe(1n);
      expect(await pc.getChainId()).toBe(20200414);
      expect(devnet.members.length).toBe(ENTERPRISES.length);
      const rpc = (method: string, params: unknown[] = []) => pc.request({ method: method as never, params: params as never }) as Promise<unknown>;
      const snap = await rpc('evm_snapshot');
      await rpc('evm_setAutomine', [false]);
      const hash = (await rpc('eth_sendTransaction', [{ from: devnet.users[0], to: devnet.users[1], value: '0x1', gas: '0x5208' }])) as Hex;
      await rpc('evm_setNextBlockTimestamp', [2_000_000_000]);
      await rpc('evm_mine');
      const b2 = await pc.getBlock({ blockNumber: 2n });
      expect(b2.timestamp).toBe(2_000_000_000n);
      expect(b2.transactions).toEqual([hash]);
      const receipts = (await rpc('eth_getBlockReceipts', ['0x2'])) as { transactionHash: Hex }[];
      expect(receipts.map((r) => r.transactionHash)).toEqual([hash]);
      expect(await rpc('evm_revert', [snap])).toBe(true);
      expect(await pc.getBlockNumber()).toBe(1n);
      await rpc('evm_setAutomine', [true]);
      // Automining: a send is answered once its block is mined, so the receipt is there at once.
      const sent = (await rpc('eth_sendTransaction', [{ from: devnet.users[1], to: devnet.users[2], value: '0x2', gas: '0x5208' }])) as Hex;
      expect(((await rpc('eth_getTransactionReceipt', [sent])) as { blockNumber: Hex } | null)?.blockNumber).toBe('0x2');
      // The same port speaks websocket JSON-RPC.
      const ws = new WebSocket(devnet.rpcUrl.replace('http', 'ws'));
      const answer = await new Promise<{ id: number; result: string }>((resolve, reject) => {
        ws.once('open', () => ws.send(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'eth_blockNumber', params: [] })));
        ws.once('message', (m) => resolve(JSON.parse(String(m))));
        ws.once('error', reject);
      });
      ws.close();
      expect(answer).toMatchObject({ id: 9, result: '0x2' });
    } finally {
      await devnet.stop();
    }
  });

  it('publishes the genesis it runs: block 0 and every allocated balance match the file, and stop() removes it', async () => {
    const devnet = await startDevnet({ port: 0, seed: 3, history: 'none', blockTimeMs: 1000, live: false });
    const file = devnet.genesisFile;
    try {
      const genesis = JSON.parse(readFileSync(file, 'utf8')) as {
        config: { chainId: number }; timestamp: string; gasLimit: string; coinbase: string; baseFeePerGas: string;
        alloc: Record<string, { balance: string; secretKey?: string }>;
      };
      const { publicClient: pc } = clients(devnet.rpcUrl);
      const block0 = await pc.getBlock({ blockNumber: 0n });
      expect(genesis.config.chainId).toBe(20200414);
      expect(block0.timestamp).toBe(BigInt(genesis.timestamp));
      expect(block0.gasLimit).toBe(BigInt(genesis.gasLimit));
      expect(block0.gasLimit).toBe(60_000_000n);
      expect(block0.miner.toLowerCase()).toBe(genesis.coinbase);
      expect(block0.baseFeePerGas).toBe(BigInt(genesis.baseFeePerGas));
      const alloc = Object.entries(genesis.alloc);
      expect(alloc.map(([a]) => a).sort()).toEqual([devnet.owner, ...devnet.members, ...devnet.users].sort());
      for (const [address, { balance }] of alloc) {
        expect(await pc.getBalance({ address: address as Hex, blockNumber: 0n })).toBe(BigInt(balance));
      }
      // Nothing at block 0 beyond the file: no deployer contract of the node's own.
      expect(await pc.getCode({ address: '0x4e59b44847b379578588920ca78fbf26c0b4956c', blockNumber: 0n })).toBeUndefined();
    } finally {
      await devnet.stop();
    }
    expect(existsSync(file)).toBe(false);
  });

  it('live mode mines wall-clock blocks with activity on its own', async () => {
    const devnet = await startDevnet({ port: 0, seed: 4, history: 'none', blockTimeMs: 300 });
    try {
      const { publicClient: pc } = clients(devnet.rpcUrl);
      await new Promise((r) => setTimeout(r, 3200));
      const head = await pc.getBlock();
      expect(head.number).toBeGreaterThanOrEqual(3n);
      expect(head.transactions.length).toBeGreaterThan(0);
      expect(Math.abs(Number(head.timestamp) - Date.now() / 1000)).toBeLessThan(2);
    } finally {
      await devnet.stop();
    }
  });
});

describe('genesis and sends (pure)', () => {
  it('writes a geth-style genesis with hex quantities and the signing keys as secretKey', () => {
    const g = gethGenesis({
      chainId: 7, timestamp: 1_586_826_000, gasLimit: 60_000_000n, coinbase: '0x00000000000000000000000000000000000c0ffe', baseFeePerGas: 10n ** 9n,
      accounts: [{ address: '0xABCDEF0000000000000000000000000000000001', balance: 10n ** 24n, privateKey: '0x01' }, { address: '0x0000000000000000000000000000000000000002', balance: 5n }],
    });
    expect(g).toMatchObject({ config: { chainId: 7 }, timestamp: '0x5e950b10', gasLimit: '0x3938700', baseFeePerGas: '0x3b9aca00', coinbase: '0x00000000000000000000000000000000000c0ffe' });
    expect(g.alloc).toEqual({
      '0xabcdef0000000000000000000000000000000001': { balance: '0xd3c21bcecceda1000000', secretKey: '0x01' },
      '0x0000000000000000000000000000000000000002': { balance: '0x5' },
    });
  });

  it('picks the hashes of the sends that succeeded, and ignores every other request', () => {
    expect(sentHashes('{"id":1,"method":"eth_blockNumber"}')).toBeNull();
    expect(sentHashes('{"id":1,"method":"eth_sendTransaction"')).toBeNull();
    const pick = sentHashes('[{"id":1,"method":"eth_sendTransaction"},{"id":2,"method":"eth_chainId"},{"id":"x","method":"eth_sendRawTransaction"},{"id":4,"method":"eth_sendTransaction"}]')!;
    expect(pick('[{"id":2,"result":"0x1"},{"id":1,"result":"0xaa"},{"id":"x","result":"0xbb"},{"id":4,"error":{"code":-32000,"message":"nonce too low"}}]')).toEqual(['0xaa', '0xbb']);
    expect(pick('not json')).toEqual([]);
  });
});
