// The indexer against a real devnet and a real database, on both dialects: exactness,
// spoofing, corrections, and reorgs while following.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventLogs, type Hex } from 'viem';
import { allianceRegistryAbi } from '../contracts/registry';
import { activeHorizon } from '../db/active-accounts';
import type { Db } from '../db/connect';
import { INDEXER_PAGE_CACHE_KIB, startIndexer } from '../indexer/index';
import { bucketStart } from '../rules/calendar';
import {
  ALLIANCE_TABLES, DIALECTS, buildRichChain, bulkTransfers, bytes32, captureLogger, deployDemoTokens, dumpAll, dumpTable, factoryInit, indexOnce,
  lastIndexed, openDb, spoof, startChain, tokenBlock, waitFor, type TestChain,
} from './helpers/indexer';

const dec = (v: bigint | null | undefined) => (v == null ? null : v.toString());

/** The whole database against the node, read through viem. */
async function expectDatabaseEqualsChain(c: TestChain, db: Db) {
  const head = await c.client.getBlockNumber();
  const blocks = await dumpTable(db, 'blocks');
  const txs = new Map((await dumpTable(db, 'transactions')).map((t) => [t.hash, t]));
  expect(blocks.length).toBe(Number(head) + 1);
  const accounts = new Map<string, { first: number; count: number; contract: boolean; creation: string | null }>();
  const days = new Map<number, { blocks: number; txs: number; gas: number; first: number; last: number; active: Set<string> }>();
  let txTotal = 0;
  for (let n = 0n; n <= head; n++) {
    const b = await c.client.getBlock({ blockNumber: n, includeTransactions: true });
    const row = blocks[Number(n)]!;
    expect(row).toEqual({
      number: String(n),
      hash: b.hash,
      parent_hash: b.parentHash,
      timestamp: String(b.timestamp),
      miner: b.miner.toLowerCase(),
      gas_used: String(b.gasUsed),
      gas_limit: String(b.gasLimit),
      base_fee_per_gas: dec(b.baseFeePerGas),
      size: String(b.size),
      tx_count: String(b.transactions.length),
    });
    const day = Math.floor(Number(b.timestamp) / 86400);
    const d = days.get(day) ?? { blocks: 0, txs: 0, gas: 0, first: Infinity, last: 0, active: new Set<string>() };
    days.set(day, d);
    d.blocks++;
    d.txs += b.transactions.length;
    d.gas += Number(b.gasUsed);
    d.first = Math.min(d.first, Number(b.timestamp));
    d.last = Math.max(d.last, Number(b.timestamp));
    for (const tx of b.transactions) {
      txTotal++;
      const rc = await c.client.getTransactionReceipt({ hash: tx.hash });
      const t = txs.get(tx.hash)!;
      expect(t, tx.hash).toBeDefined();
      expect({ ...t, method_name: undefined, method_args: undefined }).toEqual({
        hash: tx.hash,
        block_number: String(n),
        tx_index: String(tx.transactionIndex),
        timestamp: String(b.timestamp),
        from_address: tx.from.toLowerCase(),
        to_address: tx.to?.toLowerCase() ?? null,
        value: String(tx.value),
        nonce: String(tx.nonce),
        gas: String(tx.gas),
        gas_price: dec(tx.gasPrice),
        max_fee_per_gas: dec(tx.maxFeePerGas),
        max_priority_fee_per_gas: dec(tx.maxPriorityFeePerGas),
        type: String({ legacy: 0, eip2930: 1, eip1559: 2, eip4844: 3, eip7702: 4 }[tx.type]),
        input: tx.input,
        status: rc.status === 'success' ? '1' : '0',
        gas_used: String(rc.gasUsed),
        effective_gas_price: String(rc.effectiveGasPrice),
        contract_address: rc.contractAddress?.toLowerCase() ?? null,
        method_name: undefined,
        method_args: undefined,
      });
      const isRegistryCall = tx.to?.toLowerCase() === c.registry;
      expect(t.method_name !== null, `method decoded only for registry calls (${tx.hash})`).toBe(isRegistryCall);
      const parties = [...new Set([tx.from, tx.to, rc.contractAddress].filter(Boolean).map((a) => a!.toLowerCase()))];
      for (const a of parties) {
        const acc = accounts.get(a) ?? { first: Number(n), count: 0, contract: false, creation: null };
        acc.count++;
        accounts.set(a, acc);
      }
      if (rc.contractAddress) Object.assign(accounts.get(rc.contractAddress.toLowerCase())!, { contract: true, creation: tx.hash });
      d.active.add(tx.from.toLowerCase());
      if (tx.to) d.active.add(tx.to.toLowerCase());
    }
  }
  expect(txs.size).toBe(txTotal);

  const logs = await c.client.getLogs({ fromBlock: 0n, toBlock: head });
  const logRows = await dumpTable(db, 'logs');
  expect(logRows.length).toBe(logs.length);
  logs.sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex);
  logs.forEach((l, i) => {
    const r = logRows[i]!;
    expect({ ...r, event_name: undefined, event_args: undefined }).toEqual({
      block_number: String(l.blockNumber),
      log_index: String(l.logIndex),
      tx_index: String(l.transactionIndex),
      address: l.address.toLowerCase(),
      topic0: l.topics[0] ?? null,
      topic1: l.topics[1] ?? null,
      topic2: l.topics[2] ?? null,
      topic3: l.topics[3] ?? null,
      data: l.data,
      event_name: undefined,
      event_args: undefined,
    });
    expect(r.event_name !== null).toBe(l.address.toLowerCase() === c.registry);
  });
  const decoded = parseEventLogs({ abi: allianceRegistryAbi, logs: logs.filter((l) => l.address.toLowerCase() === c.registry) });
  const named = logRows.filter((r) => r.event_name);
  expect(named.map((r) => r.event_name)).toEqual(decoded.map((e) => e.eventName));

  const accRows = await dumpTable(db, 'accounts');
  expect(accRows).toEqual(
    [...accounts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([address, a]) => ({
        address,
        first_seen_block: String(a.first),
        tx_count: String(a.count),
        is_contract: a.contract ? '1' : '0',
        creation_tx: a.creation,
      })),
  );
  // Accounts of a day not active on an earlier day of the same week / month / quarter.
  const newIn = (day: number, active: Set<string>, interval: 'WEEK' | 'MONTH' | 'QUARTER') => {
    const start = bucketStart(day * 86400, interval) / 86400;
    const before = new Set([...days].filter(([d]) => d >= start && d < day).flatMap(([, e]) => [...e.active]));
    return String([...active].filter((a) => !before.has(a)).length);
  };
  expect(await dumpTable(db, 'daily_stats')).toEqual(
    [...days.entries()].map(([day, d]) => ({
      day: String(day),
      block_count: String(d.blocks),
      tx_count: String(d.txs),
      gas_used: String(d.gas),
      first_block_time: String(d.first),
      last_block_time: String(d.last),
      active_accounts: String(d.active.size),
      active_week: newIn(day, d.active, 'WEEK'),
      active_month: newIn(day, d.active, 'MONTH'),
      active_quarter: newIn(day, d.active, 'QUARTER'),
    })),
  );
  // Day rows are kept from the oldest bucket still open at the head on, and only those.
  const horizon = activeHorizon(Math.max(...days.keys()));
  expect(await dumpTable(db, 'daily_active_accounts')).toEqual(
    [...days].filter(([day]) => day >= horizon).flatMap(([day, d]) => [...d.active].sort().map((address) => ({ day: String(day), address }))),
  );
}

describe.each(DIALECTS)('indexer on %s', (dialect) => {
  let c: TestChain;
  let impostor: Hex;
  let members: Hex[];
  beforeAll(async () => {
    c = await startChain();
    ({ impostor, members } = await buildRichChain(c));
  });
  afterAll(() => c?.stop());

  it('writes exactly what the node holds, decodes only the real registry, and keeps corrections', async () => {
    const db = await openDb(dialect, 'exact');
    try {
      await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile });
      const before: Record<string, unknown> = {};
      for (const t of ALLIANCE_TABLES) before[t] = await dumpTable(db, t);

      await spoof(c, impostor);
      await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile });
      await expectDatabaseEqualsChain(c, db);

      // Spoofing: the impostor's look-alike events are stored as raw logs only.
      for (const t of ALLIANCE_TABLES) expect(await dumpTable(db, t), t).toEqual(before[t]);
      const impostorLogs = (await dumpTable(db, 'logs')).filter((l) => l.address === impostor);
      expect(impostorLogs.length).toBe(7);
      expect(impostorLogs.every((l) => l.event_name === null)).toBe(true);

      const [m0, m1, , m3] = members.map((m) => m.toLowerCase());
      const memberEvents = await dumpTable(db, 'member_events');
      expect(memberEvents.map((e) => [e.member, e.kind, e.name])).toEqual([
        [m0, 'admitted', 'Inspur'], [m1, 'admitted', 'Huawei'], [members[2]!.toLowerCase(), 'admitted', 'Tencent'],
        [m3, 'admitted', 'Baidu'], [m3, 'removed', null],
      ]);
      const targets = await dumpTable(db, 'kpi_targets');
      expect(targets.map((t) => [t.kpi, t.target, t.period_start, t.period_end])).toEqual([
        ['patents', '1000', '1586822400', '1744588800'],
        ['scenarios', '20', '1586822400', '1744588800'],
        ['outputValue', '5000000000', '1586822400', '1744588800'],
        ['members', '100', '1586822400', '1744588800'],
      ]);
      const patents = await dumpTable(db, 'patents');
      expect(patents.map((p) => [p.member, p.application_no, p.title, p.filed_at])).toEqual([
        [m0, bytes32('CN202010001'), 'Consensus for logistics', '1590000000'],
        [m1, bytes32('CN202010002'), 'Cross-border settlement', '1600000000'],
      ]);
      const scenarios = await dumpTable(db, 'scenarios');
      expect(scenarios.map((s) => [s.scenario_id, s.lead_member, s.name, s.sector])).toEqual([
        ['1', m0, 'Yu Express freight', 'logistics'],
        ['2', m1, 'Chongqing customs', 'trade'],
      ]);
      expect((await dumpTable(db, 'scenario_stages')).map((s) => [s.scenario_id, s.stage])).toEqual([['1', '1']]);

      // Corrections: both reports of (m0, 20202) are kept, the correction in a later block.
      const reports = await dumpTable(db, 'output_reports');
      expect(reports.map((r) => [r.member, r.period, r.amount_cny])).toEqual([
        [m0, '20202', '100000000'],
        [m1, '20203', '7000'],
        [m0, '20202', '150000000'],
      ]);
      expect(Number(reports[2]!.block_number)).toBeGreaterThan(Number(reports[0]!.block_number));

      // The reverted call is stored with status 0 and still decoded (it was a registry call).
      const txs = await dumpTable(db, 'transactions');
      const reverted = txs.filter((t) => t.status === '0');
      expect(reverted).toHaveLength(1);
      expect(reverted[0]!.method_name).toBe('filePatent');
      expect(JSON.parse(reverted[0]!.method_args!)).toEqual({ applicationNo: bytes32('CN-REVERT-1'), title: 'should revert', filedAt: '1600000000' });
      expect(new Set(txs.map((t) => t.type))).toEqual(new Set(['0', '2']));
      const reportLog = (await dumpTable(db, 'logs')).find((l) => l.event_name === 'OutputReported')!;
      expect(JSON.parse(reportLog.event_args!)).toEqual({ member: m0, period: 20202, amountCny: '100000000', at: expect.any(String) });

      const state = await db.db.selectFrom('indexer_state').selectAll().executeTakeFirstOrThrow();
      expect(state.registry).toBe(c.registry);
      expect(Number(state.chain_id)).toBe(20200414);
      expect(Number(state.chain_head)).toBe(Number(await c.client.getBlockNumber()));
    } finally {
      await db.close();
    }
  });

  it(dialect === 'sqlite' ? 'refuses a second indexer on the same database' : 'keeps a second indexer waiting as a standby until the first stops', async () => {
    const db = await openDb(dialect, 'lock');
    const { logger } = captureLogger();
    const standbyLog = captureLogger();
    try {
      const first = await startIndexer({ rpcUrl: c.rpcUrl, genesisFile: c.genesisFile, db, fromBlock: 0, confirmations: 0, once: false, logger, pollIntervalMs: 50 });
      const other = (await import('../db/connect')).connect(db.url);
      try {
        const second = startIndexer({ rpcUrl: c.rpcUrl, genesisFile: c.genesisFile, db: other, fromBlock: 0, confirmations: 0, once: true, logger: standbyLog.logger });
        if (dialect === 'sqlite') {
          await expect(second).rejects.toThrow(/another indexer .*already writing/);
        } else {
          let started = false;
          void second.then(() => (started = true), () => {});
          await waitFor('the standby line', async () => standbyLog.lines.some((l) => /^standby: /.test(String(l.msg))));
          await new Promise((r) => setTimeout(r, 500));
          expect(started).toBe(false);
          await first.stop();
          // Takes over once the lock is free, and finishes the job.
          await (await second).done;
          expect((await lastIndexed(db))!.block).toBe(Number(await c.client.getBlockNumber()));
        }
      } finally {
        await other.close();
      }
      await first.stop();
      // Released on stop: a new indexer starts.
      await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile });
    } finally {
      await db.close();
    }
  });

  it('holds back --confirmations blocks', async () => {
    const db = await openDb(dialect, 'conf');
    try {
      await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile, confirmations: 3 });
      expect((await lastIndexed(db))!.block).toBe(Number(await c.client.getBlockNumber()) - 3);
    } finally {
      await db.close();
    }
  });

  it.runIf(dialect === 'sqlite')('caps its SQLite page cache below the driver\'s 16 MB default', async () => {
    const db = await openDb(dialect, 'cache');
    try {
      expect(db.sqlite!.pragma('cache_size', { simple: true })).toBe(-16_000);
      await indexOnce(c.rpcUrl, db, { genesisFile: c.genesisFile });
      expect(db.sqlite!.pragma('cache_size', { simple: true })).toBe(-INDEXER_PAGE_CACHE_KIB);
    } finally {
      await db.close();
    }
  });
});

describe.each(DIALECTS)('reorgs while following on %s', (dialect) => {
  it('rolls back depth 1, 30 and 5 (across a quarter) and ends equal to a fresh index of the final chain', async () => {
    const c = await startChain();
    const db = await openDb(dialect, 'reorg');
    const { logger, lines } = captureLogger();
    try {
      for (const [i, m] of c.members.slice(0, 3).entries()) await c.registryCall(c.owner, 'admitMember', [m, `M${i}`, 'CN', 'x']);
      const tokens = await deployDemoTokens(c);
      await c.automine(false);
      await tokenBlock(c, tokens, 0);
      await bulkTransfers(c, 5, 3);
      const ix = await startIndexer({ rpcUrl: c.rpcUrl, genesisFile: c.genesisFile, db, fromBlock: 0, confirmations: 0, once: false, logger, pollIntervalMs: 20 });
      const caughtUp = () =>
        waitFor('indexer at head', async () => {
          const [h, l] = await Promise.all([c.head(), lastIndexed(db)]);
          return l?.hash === h.hash;
        });
      await caughtUp();
      const [m0, m1] = c.members as [Hex, Hex];
      const tipTime = async () => parseInt((await c.rpc('eth_getBlockByNumber', ['latest', false])).timestamp, 16);
      // Depth 5 comes last: a later rollback to the same day would hide a stale day it left.
      for (const depth of [1, 30, 5]) {
        const snap = await c.snapshot();
        const forkTime = await tipTime();
        // The depth-5 old branch runs 120 days ahead, into another quarter, where the day rows
        // of the fork's quarter are pruned; the new branch comes back to the fork's time, so
        // the rollback must rebuild them from the transactions (the fresh index has them).
        if (depth === 5) await c.rpc('evm_setNextBlockTimestamp', [forkTime + 120 * 86400]);
        for (let i = 0; i < depth; i++) {
          await c.registryCall(m0, 'filePatent', [bytes32(`OLD-${depth}-${i}`), 'old branch', 1600000000n]);
          await c.registryCall(m1, 'reportOutput', [20211, BigInt(depth * 1000 + i)]);
          // Token and value transfers (and internal payouts) that the reorg must drop.
          if (i % 4 === 0) await tokenBlock(c, tokens, depth * 100 + i);
          // Contract creations too, top-level and internal (their stored code).
          if (i === 0) await c.send({ from: c.owner, data: factoryInit(depth), gas: '0x2dc6c0' });
          await bulkTransfers(c, 1, 2, 1);
        }
        await caughtUp();
        const oldTip = (await lastIndexed(db))!.block;
        await c.revert(snap);
        if (depth === 5) {
          expect(await tipTime()).toBe(forkTime);
          await c.rpc('evm_setNextBlockTimestamp', [forkTime + 1]);
        }
        for (let i = 0; i <= depth; i++) {
          await c.registryCall(m1, 'filePatent', [bytes32(`NEW-${depth}-${i}`), 'new branch', 1610000000n]);
          if (i % 2) await c.registryCall(c.owner, 'launchScenario', [`S${depth}-${i}`, 'x', m0]);
          if (i % 3 === 1) await tokenBlock(c, tokens, depth * 100 + 50 + i);
          // Other creations on the new branch, with other code.
          if (i === depth) await c.send({ from: c.owner, data: factoryInit(depth + 100), gas: '0x2dc6c0' });
          await bulkTransfers(c, 1, 3, 2);
        }
        await caughtUp();
        const reorgs = lines.filter((l) => typeof l.depth === 'number');
        expect(reorgs.at(-1)).toMatchObject({ depth, from: oldTip, ancestor: oldTip - depth });
      }
      expect(lines.filter((l) => typeof l.depth === 'number').map((l) => l.depth)).toEqual([1, 30, 5]);
      await ix.stop();

      const fresh = await openDb(dialect, 'reorg_fresh');
      try {
        await indexOnce(c.rpcUrl, fresh, { genesisFile: c.genesisFile });
        const [a, b] = [await dumpAll(db), await dumpAll(fresh)];
        for (const t of Object.keys(a)) expect(a[t], t).toEqual(b[t]);
        expect((await dumpTable(db, 'patents')).some((p) => p.title === 'old branch')).toBe(false);
        // The tables under comparison are not trivially empty.
        for (const t of ['token_transfers', 'token_holdings', 'internal_transactions', 'coin_balances', 'tokens', 'contract_code']) expect(b[t]!.length, t).toBeGreaterThan(0);
        // The old branches' factories and children are gone; the new branches' are there.
        const code = b.contract_code!.map((r) => r.code);
        for (const depth of [1, 5, 30]) {
          expect(code.filter((x) => x === `0x${factoryInit(depth + 100).slice(4, 42)}`), `new ${depth}`).toHaveLength(1);
          expect(code.filter((x) => x?.includes(`60${(depth + 100).toString(16)}6000526020`)), `children ${depth}`).toHaveLength(3);
          expect(code.filter((x) => x?.includes(`60${depth.toString(16).padStart(2, '0')}6000526020`)), `old ${depth}`).toHaveLength(0);
        }
      } finally {
        await fresh.close();
      }
    } finally {
      await db.close();
      await c.stop();
    }
  });
});
