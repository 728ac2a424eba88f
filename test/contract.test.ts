// AllianceRegistry's rules, exercised on a real devnet node through viem.
import {
  BaseError,
  ContractFunctionRevertedError,
  getAddress,
  parseEventLogs,
  type ContractFunctionName,
  type Hex,
} from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceRegistryAbi, asciiToBytes32, bytes32ToAscii, kpiFromKey, kpiKey } from '../contracts/registry';
import { clients } from '../devnet/clients';
import { startDevnet, type Devnet } from '../devnet/index';

const abi = allianceRegistryAbi;
let devnet: Devnet;
let c: ReturnType<typeof clients>;
let registry: Hex;

beforeAll(async () => {
  devnet = await startDevnet({ port: 0, seed: 7, history: 'none', blockTimeMs: 1000, live: false });
  c = clients(devnet.rpcUrl);
  registry = devnet.registry;
});
afterAll(() => devnet?.stop());

type Fn = ContractFunctionName<typeof abi, 'nonpayable'>;

/** Sends a registry call with a fixed gas limit (no estimation, so reverting calls are mined too). */
async function send(from: Hex, functionName: Fn, args: readonly unknown[]) {
  const hash = await c.wallet(from).writeContract({
    address: registry,
    abi,
    functionName,
    args,
    gas: 500_000n,
  } as never);
  const receipt = await c.publicClient.waitForTransactionReceipt({ hash });
  return { receipt, logs: parseEventLogs({ abi, logs: receipt.logs }) };
}

/** The custom error a call reverts with, decoded from the node's revert data. */
async function revertName(from: Hex, functionName: Fn, args: readonly unknown[]): Promise<string | undefined> {
  try {
    await c.publicClient.simulateContract({ address: registry, abi, functionName, args, account: from } as never);
    return undefined;
  } catch (err) {
    const reverted = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName;
    throw err;
  }
}

/** Both sides of a rejected call: the error it decodes to and a mined receipt with status reverted. */
async function expectRevert(from: Hex, functionName: Fn, args: readonly unknown[], error: string) {
  expect(await revertName(from, functionName, args)).toBe(error);
  const { receipt, logs } = await send(from, functionName, args);
  expect(receipt.status).toBe('reverted');
  expect(logs).toHaveLength(0);
}

const patentNo = (text: string) => asciiToBytes32(text);

describe('AllianceRegistry on the devnet', () => {
  it('is deployed in block 1 by the owner', async () => {
    expect(await c.publicClient.getBlockNumber()).toBe(1n);
    expect((await c.publicClient.readContract({ address: registry, abi, functionName: 'owner' })).toLowerCase()).toBe(
      devnet.owner,
    );
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'memberCount' })).toBe(0n);
    expect(await c.publicClient.getChainId()).toBe(20200414);
  });

  it('only the owner admits members', async () => {
    const [a, b] = devnet.members as [Hex, Hex];
    await expectRevert(b, 'admitMember', [a, 'Intruder / 闯入者', 'CN', 'finance'], 'NotOwner');
    const { receipt, logs } = await send(devnet.owner, 'admitMember', [a, 'Inspur Group / 浪潮集团', 'CN', 'technology']);
    expect(receipt.status).toBe('success');
    expect(logs).toHaveLength(1);
    const log = logs[0]!;
    expect(log.eventName).toBe('MemberAdmitted');
    const block = await c.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    expect(log.args).toEqual({
      member: getAddress(a),
      name: 'Inspur Group / 浪潮集团',
      country: 'CN',
      sector: 'technology',
      at: block.timestamp,
    });
    expect(log.address).toBe(registry);
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'isMember', args: [a] })).toBe(true);
    await expectRevert(devnet.owner, 'admitMember', [a, 'Again / 再次', 'CN', 'technology'], 'AlreadyMember');
  });

  it('only the owner sets targets, keyed by the padded ASCII KPI name', async () => {
    const args = [kpiKey('patents'), 1000n, 1586793600n, 1744560000n] as const;
    await expectRevert(devnet.members[0]!, 'setTarget', args, 'NotOwner');
    const { receipt, logs } = await send(devnet.owner, 'setTarget', args);
    expect(receipt.status).toBe('success');
    expect(logs.map((l) => [l.eventName, l.args])).toEqual([
      ['TargetSet', { kpi: kpiKey('patents'), target: 1000n, periodStart: 1586793600n, periodEnd: 1744560000n }],
    ]);
    expect(kpiKey('patents')).toBe('0x706174656e747300000000000000000000000000000000000000000000000000');
  });

  it('a non-member cannot file a patent', async () => {
    const outsider = devnet.users[0]!;
    await expectRevert(outsider, 'filePatent', [patentNo('CN2021101234567'), 'Title / 标题', 1600000000n], 'NotMember');
  });

  it('a duplicate application number reverts', async () => {
    const member = devnet.members[0]!;
    const no = patentNo('CN2021101234567');
    const first = await send(member, 'filePatent', [no, 'Ledger sync / 账本同步', 1600000000n]);
    expect(first.receipt.status).toBe('success');
    expect(first.logs.map((l) => [l.eventName, l.args])).toEqual([
      ['PatentFiled', { member: getAddress(member), applicationNo: no, title: 'Ledger sync / 账本同步', filedAt: 1600000000n }],
    ]);
    await expectRevert(member, 'filePatent', [no, 'Same number / 同号', 1600000001n], 'DuplicatePatent');
    // Even another member cannot reuse it.
    await send(devnet.owner, 'admitMember', [devnet.members[1]!, 'Huawei Technologies / 华为技术', 'CN', 'technology']);
    await expectRevert(devnet.members[1]!, 'filePatent', [no, 'Copy / 复制', 1600000002n], 'DuplicatePatent');
  });

  it('reporting the same period twice emits two events (the indexer keeps the latest)', async () => {
    const member = devnet.members[0]!;
    const r1 = await send(member, 'reportOutput', [20203, 12_500_000n]);
    const r2 = await send(member, 'reportOutput', [20203, 13_000_000n]);
    expect([r1.receipt.status, r2.receipt.status]).toEqual(['success', 'success']);
    const events = await c.publicClient.getContractEvents({
      address: registry,
      abi,
      eventName: 'OutputReported',
      args: { member, period: 20203 },
      fromBlock: 0n,
    });
    expect(events.map((e) => e.args.amountCny)).toEqual([12_500_000n, 13_000_000n]);
    expect(events[1]!.blockNumber).toBeGreaterThan(events[0]!.blockNumber);
  });

  it('rejects malformed periods and non-member reports', async () => {
    const member = devnet.members[0]!;
    for (const bad of [20205, 20200, 2020, 99991 * 10 + 1]) await expectRevert(member, 'reportOutput', [bad, 1n], 'BadPeriod');
    await expectRevert(devnet.users[1]!, 'reportOutput', [20203, 1n], 'NotMember');
  });

  it('numbers scenarios 1, 2, … and checks the lead and the stage', async () => {
    const lead = devnet.members[0]!;
    await expectRevert(devnet.owner, 'launchScenario', ['X / 叉', 'finance', devnet.users[0]!], 'NotMember');
    await expectRevert(lead, 'launchScenario', ['X / 叉', 'finance', lead], 'NotOwner');
    const s1 = await send(devnet.owner, 'launchScenario', ['Cross-border trade finance / 跨境贸易金融', 'finance', lead]);
    const s2 = await send(devnet.owner, 'launchScenario', ['Drug traceability / 药品追溯', 'healthcare', lead]);
    expect([s1.logs[0]!.args, s2.logs[0]!.args].map((a) => ('scenarioId' in a ? a.scenarioId : null))).toEqual([1n, 2n]);
    expect(s1.logs[0]!.eventName).toBe('ScenarioLaunched');
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'scenarioCount' })).toBe(2n);
    await expectRevert(devnet.owner, 'setScenarioStage', [3n, 1], 'UnknownScenario');
    await expectRevert(devnet.owner, 'setScenarioStage', [0n, 1], 'UnknownScenario');
    await expectRevert(devnet.owner, 'setScenarioStage', [1n, 3], 'BadStage');
    await expectRevert(lead, 'setScenarioStage', [1n, 1], 'NotOwner');
    const up = await send(devnet.owner, 'setScenarioStage', [2n, 1]);
    expect(up.logs.map((l) => [l.eventName, 'stage' in l.args ? l.args.stage : null])).toEqual([['ScenarioStageChanged', 1]]);
  });

  it('removes members (only current ones) and lets a removed member back in', async () => {
    const m = devnet.members[1]!;
    await expectRevert(devnet.owner, 'removeMember', [devnet.users[2]!], 'NotMember');
    const before = await c.publicClient.readContract({ address: registry, abi, functionName: 'memberCount' });
    const removed = await send(devnet.owner, 'removeMember', [m]);
    expect(removed.logs.map((l) => l.eventName)).toEqual(['MemberRemoved']);
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'memberCount' })).toBe(before - 1n);
    await expectRevert(m, 'filePatent', [patentNo('CN2022109999999'), 'T / 题', 1n], 'NotMember');
    const back = await send(devnet.owner, 'admitMember', [m, 'Huawei Technologies / 华为技术', 'CN', 'technology']);
    expect(back.receipt.status).toBe('success');
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'memberCount' })).toBe(before);
  });

  it('members register their sealing nodes; the registrant or the owner deregisters them', async () => {
    const [a, b] = [devnet.members[5]!, devnet.members[6]!];
    const [n1, n2] = [devnet.users[30]!, devnet.users[31]!];
    await send(devnet.owner, 'admitMember', [a, 'Inspur / 浪潮', 'CN', 'technology']);
    await send(devnet.owner, 'admitMember', [b, 'Tencent / 腾讯', 'CN', 'technology']);
    await expectRevert(devnet.users[3]!, 'registerNode', [n1, 'intruder'], 'NotMember');
    const reg = await send(a, 'registerNode', [n1, 'inspur-node-1']);
    const at = (await c.publicClient.getBlock({ blockNumber: reg.receipt.blockNumber })).timestamp;
    expect(reg.logs.map((l) => [l.eventName, l.args])).toEqual([
      ['NodeRegistered', { member: getAddress(a), node: getAddress(n1), label: 'inspur-node-1', at }],
    ]);
    expect(await c.publicClient.readContract({ address: registry, abi, functionName: 'nodeMember', args: [n1] })).toBe(getAddress(a));
    // One node, one member: nobody else can claim it, and only its member or the owner retires it.
    await expectRevert(b, 'registerNode', [n1, 'taken'], 'NodeTaken');
    await expectRevert(b, 'deregisterNode', [n1], 'NotNodeOperator');
    await expectRevert(a, 'deregisterNode', [n2], 'UnknownNode');
    const gone = await send(a, 'deregisterNode', [n1]);
    expect(gone.logs.map((l) => [l.eventName, (l.args as { member: Hex; node: Hex }).member, (l.args as { node: Hex }).node])).toEqual([
      ['NodeDeregistered', getAddress(a), getAddress(n1)],
    ]);
    // Freed, it can be registered again; the owner may retire it, and the event names its member.
    await send(b, 'registerNode', [n1, 'tencent-node-1']);
    const byOwner = await send(devnet.owner, 'deregisterNode', [n1]);
    expect((byOwner.logs[0]!.args as { member: Hex }).member).toBe(getAddress(b));
  });
});

describe('KPI keys', () => {
  it('round-trips every KPI name and rejects unknown keys', () => {
    for (const k of ['patents', 'scenarios', 'outputValue', 'members'] as const) {
      expect(bytes32ToAscii(kpiKey(k))).toBe(k);
      expect(kpiFromKey(kpiKey(k))).toBe(k);
    }
    expect(kpiFromKey(asciiToBytes32('revenue'))).toBeUndefined();
    expect(kpiFromKey(`0x${'ff'.repeat(32)}`)).toBeUndefined();
    expect(() => asciiToBytes32('x'.repeat(33))).toThrow(/longer than 32/);
  });
});
