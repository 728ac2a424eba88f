// Who seals the devnet's blocks: about twenty member organisations each run one node, and
// blocks rotate round-robin among them, set per block through the coinbase as a Clique/IBFT
// consortium's proposer rotation would. From the seed (its own stream, so nothing else in the
// plan shifts): a few nodes go offline for stretches (their turns pass to the next), and one
// node is deregistered and replaced by its member. Pure: it only adds coinbases and registry
// calls to a planned history.
import { decodeFunctionData, encodeFunctionData, keccak256, stringToHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { allianceRegistryAbi } from '../contracts/registry';
import { ENTERPRISES, NAMED_MEMBER_COUNT } from './catalogue';
import type { HistoryPlan, PlannedTx } from './plan';
import { int, shuffled, stream } from './rng';

type Hex = `0x${string}`;

export const NODE_OPERATORS = 20;
/** Offline stretches, in blocks: long enough to be seen LATE and then OFFLINE. */
const OFFLINE_STRETCHES = 3;
const STRETCH_BLOCKS = [120, 260] as const;

export interface SealingNode {
  member: Hex;
  address: Hex;
  label: string;
}

export interface SealingSchedule {
  /** The nodes registered first, in rotation order. */
  nodes: SealingNode[];
  /** Plan block index whose transactions register the nodes. */
  registeredInBlock: number;
  /** The replaced node, its successor and the plan block that swaps them. */
  replacement: { old: SealingNode; new: SealingNode; inBlock: number };
  /** Plan block index ranges [from, to) during which a node seals nothing. */
  offline: { node: Hex; from: number; to: number }[];
  /** Coinbase of the registry deployment (block 1), before the planned blocks. */
  deployCoinbase: Hex;
  /** The rotation after the history, and where it stands, for live mode. */
  rotation: Hex[];
  next: number;
}

export interface SealedPlan extends HistoryPlan {
  blocks: (HistoryPlan['blocks'][number] & { coinbase: Hex })[];
  sealing: SealingSchedule;
}

function nodeAddress(seed: number, index: number): Hex {
  return privateKeyToAddress(keccak256(stringToHex(`yuscan-devnet/${seed}/node/${index}`))).toLowerCase() as Hex;
}

const slug = (name: string) => name.split(' / ')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Members admitted in the plan's first block(s) on launch day, in order. */
function foundingMembers(plan: HistoryPlan): Hex[] {
  const day0 = plan.blocks[0]!.timestamp - (plan.blocks[0]!.timestamp % 86_400) + 86_400;
  const out: Hex[] = [];
  for (const b of plan.blocks) {
    if (b.timestamp >= day0) break;
    for (const tx of b.txs) {
      if (tx.to !== plan.registry || !tx.data) continue;
      const call = decodeFunctionData({ abi: allianceRegistryAbi, data: tx.data });
      if (call.functionName === 'admitMember') out.push((call.args[0] as string).toLowerCase() as Hex);
    }
  }
  return out;
}

const registryCall = (plan: HistoryPlan, from: Hex, data: Hex): PlannedTx => ({ from, to: plan.registry, data, gas: 200_000n, legacy: false, tip: 10n ** 8n });

export function withSealing(plan: HistoryPlan, seed: number, memberAddresses: readonly Hex[]): SealedPlan {
  const rng = stream(seed, 'sealers');
  const founders = foundingMembers(plan);
  const named = memberAddresses.slice(0, NAMED_MEMBER_COUNT).filter((m) => founders.includes(m));
  const others = shuffled(rng, founders.filter((m) => !named.includes(m))).slice(0, NODE_OPERATORS - named.length);
  const operators = [...named, ...others];
  const nameOf = (m: Hex) => ENTERPRISES[memberAddresses.indexOf(m)]!.name;
  const nodes: SealingNode[] = operators.map((member, i) => ({ member, address: nodeAddress(seed, i), label: `${slug(nameOf(member))}-node-1` }));

  const n = plan.blocks.length;
  // Registered on the first working block after launch day, once every founder is admitted.
  const registeredInBlock = plan.blocks.findIndex((b) => b.timestamp >= plan.blocks[0]!.timestamp + 86_400);
  const replacedIndex = int(rng, NAMED_MEMBER_COUNT, nodes.length - 1);
  const old = nodes[replacedIndex]!;
  const successor: SealingNode = { member: old.member, address: nodeAddress(seed, nodes.length), label: `${slug(nameOf(old.member))}-node-2` };
  const swapIn = int(rng, Math.floor(n * 0.4), Math.floor(n * 0.6));

  const offline: SealingSchedule['offline'] = [];
  const candidates = shuffled(rng, nodes.filter((x) => x !== old));
  for (let k = 0; k < OFFLINE_STRETCHES && n > 600; k++) {
    const len = int(rng, STRETCH_BLOCKS[0], STRETCH_BLOCKS[1]);
    const lo = Math.floor(n * 0.1) + k * Math.floor(n * 0.3);
    // Back online before the history ends, so the stretch is seen to end.
    const hi = Math.min(lo + Math.floor(n * 0.15), n - len - 20);
    if (hi < lo) break;
    const from = int(rng, lo, hi);
    offline.push({ node: candidates[k]!.address, from, to: from + len });
  }

  const rotation = nodes.map((x) => x.address);
  let p = 0; // block 1 (the deployment) is rotation[0]'s
  const blocks = plan.blocks.map((b, i) => {
    if (i === swapIn + 1) rotation[replacedIndex] = successor.address;
    const down = (a: Hex) => offline.some((o) => o.node === a && i >= o.from && i < o.to);
    p = (p + 1) % rotation.length;
    for (let guard = 0; down(rotation[p]!) && guard < rotation.length; guard++) p = (p + 1) % rotation.length;
    const txs = b.txs.slice();
    if (i === registeredInBlock) {
      for (const x of nodes) {
        txs.push(registryCall(plan, x.member, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'registerNode', args: [x.address, x.label] })));
      }
    }
    if (i === swapIn) {
      txs.push(registryCall(plan, old.member, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'deregisterNode', args: [old.address] })));
      txs.push(registryCall(plan, old.member, encodeFunctionData({ abi: allianceRegistryAbi, functionName: 'registerNode', args: [successor.address, successor.label] })));
    }
    return { ...b, txs, coinbase: rotation[p]! };
  });
  const added = nodes.length + 2;
  return {
    ...plan,
    blocks,
    counts: { ...plan.counts, txs: plan.counts.txs + added },
    sealing: {
      nodes,
      registeredInBlock,
      replacement: { old, new: successor, inBlock: swapIn },
      offline,
      deployCoinbase: nodes[0]!.address,
      rotation,
      next: (p + 1) % rotation.length,
    },
  };
}

/** Live mode: carry on the rotation where the history left it. */
export function liveRotation(schedule: Pick<SealingSchedule, 'rotation' | 'next'>): () => Hex {
  let p = schedule.next;
  return () => {
    const a = schedule.rotation[p]!;
    p = (p + 1) % schedule.rotation.length;
    return a;
  };
}
