// Token activity for the browser tests, sent through viem onto the e2e stack's devnet: the
// devnet's demo contracts (ERC-20, ERC-721, ERC-1155, a subsidy pool paying native value
// internally), both hostile tokens, and a fixture whose one call both pays value onward and
// mints tokens (compiled offline here with solc).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import solc from 'solc';
import { parseEther, type Abi, type Hex } from 'viem';
import {
  hostileTokenAbi, hostileTokenBytecode, patentCertificateAbi, patentCertificateBytecode, serviceCreditAbi, serviceCreditBytecode,
  subsidyPoolAbi, subsidyPoolBytecode, warehouseReceiptAbi, warehouseReceiptBytecode,
} from '../../contracts/demo/artifacts';
import type { Stack } from './stack';

export interface TokenScenario {
  credit: Hex;
  certificate: Hex;
  receipts: Hex;
  pool: Hex;
  /** Hostile mode 0 (reverting name, bytes32 symbol, decimals 255, lying events) and mode 1 (huge strings, cursed holder). */
  liar: Hex;
  garbled: Hex;
  reward: { address: Hex; abi: Abi };
  /** The subsidy disbursement (internal value transfers only). */
  disburseTx: Hex;
  /** The one transaction with both a token transfer and an internal value transfer. */
  payTx: Hex;
  payValue: bigint;
  rewardAmount: bigint;
  /** Every address that took part. */
  parties: Hex[];
}

/**
 * Compile the fixture. Call it before starting the stack: solc-js blocks the event loop for
 * seconds, and the in-process devnet and indexer must not be stalled mid-request.
 */
export function compileFixture(): Fixture {
  const file = 'RewardedPayout.sol';
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: readFileSync(join(import.meta.dirname, '../fixtures', file), 'utf8') } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const c = out.contracts[file]!['RewardedPayout']!;
  return { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
}

export type Fixture = { abi: Abi; bytecode: Hex };

export async function runTokenScenario(stack: Stack, fixture: Fixture): Promise<TokenScenario> {
  const { wallet, chain, devnet } = stack;
  const owner = devnet.owner;
  const [m0, m1, m2] = stack.scenario.members.map((m) => m.address) as [Hex, Hex, Hex];
  const mined = async (hash: Hex) => {
    const r = await chain.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (r.status !== 'success') throw new Error(`token scenario tx ${hash} reverted`);
    return r;
  };
  const deploy = async (abi: Abi, bytecode: Hex, args: unknown[] = []) =>
    (await mined(await wallet.deployContract({ abi, bytecode, args, account: owner, chain: null } as never))).contractAddress!.toLowerCase() as Hex;
  const call = async (address: Hex, abi: Abi, functionName: string, args: unknown[], account: Hex = owner, value?: bigint) =>
    (await mined(await wallet.writeContract({ address, abi, functionName, args, account, chain: null, value } as never))).transactionHash;

  const credit = await deploy(serviceCreditAbi, serviceCreditBytecode);
  const certificate = await deploy(patentCertificateAbi, patentCertificateBytecode);
  const receipts = await deploy(warehouseReceiptAbi, warehouseReceiptBytecode);
  const pool = await deploy(subsidyPoolAbi, subsidyPoolBytecode);
  const liar = await deploy(hostileTokenAbi, hostileTokenBytecode, [0, m2]);
  const garbled = await deploy(hostileTokenAbi, hostileTokenBytecode, [1, m2]);
  const reward = { address: await deploy(fixture.abi, fixture.bytecode), abi: fixture.abi };

  // ERC-20: 10,000.00 credits to m0, who pays m1 123.45 and m2 0.05.
  await call(credit, serviceCreditAbi, 'mint', [m0, 1_000_000n]);
  await call(credit, serviceCreditAbi, 'transfer', [m1, 12_345n], m0);
  await call(credit, serviceCreditAbi, 'transfer', [m2, 5n], m0);
  // ERC-721: certificates 1..3; m0 passes #3 to m2; #2 is revoked (burned).
  for (const [to, id] of [[m0, 1n], [m1, 2n], [m0, 3n]] as const) await call(certificate, patentCertificateAbi, 'mint', [to, id]);
  await call(certificate, patentCertificateAbi, 'transferFrom', [m0, m2, 3n], m0);
  await call(certificate, patentCertificateAbi, 'revoke', [2n]);
  // ERC-1155: lot 7 to m0 (single), lots 8 and 9 to m1 (batch); m1 pledges 2 of lot 8 to m0.
  await call(receipts, warehouseReceiptAbi, 'issue', [m0, 7n, 100n]);
  await call(receipts, warehouseReceiptAbi, 'issueBatch', [m1, [8n, 9n], [5n, 6n]]);
  await call(receipts, warehouseReceiptAbi, 'safeTransferFrom', [m1, m0, 8n, 2n, '0x'], m1);
  // Native value moved by contracts.
  const disburseTx = await call(pool, subsidyPoolAbi, 'disburse', [[m0, m1], [parseEther('1.5'), parseEther('0.25')]], owner, parseEther('1.75'));
  const payValue = parseEther('0.5');
  const rewardAmount = 1_234_567n; // 1.234567 PRW
  const payTx = await call(reward.address, reward.abi, 'pay', [m1, rewardAmount], owner, payValue);
  // Hostile tokens: mints, a lie (an event that moves nothing), a real transfer.
  await call(liar, hostileTokenAbi, 'mint', [m0, 1000n], m0);
  await call(liar, hostileTokenAbi, 'lie', [m0, m1, 500n], m2);
  await call(garbled, hostileTokenAbi, 'mint', [m2, 5n], m0);
  await call(garbled, hostileTokenAbi, 'mint', [m0, 7n], m0);

  return { credit, certificate, receipts, pool, liar, garbled, reward, disburseTx, payTx, payValue, rewardAmount, parties: [owner.toLowerCase() as Hex, m0, m1, m2] };
}
