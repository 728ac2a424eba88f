// Deploys AllianceRegistry as the chain's first transaction, so its address is the
// owner's nonce-0 CREATE address in every mode.
import { getContractAddress } from 'viem';
import { allianceRegistryBytecode } from '../contracts/registry';
import type { Eip1193 } from './node';

type Hex = `0x${string}`;

export const REGISTRY_DEPLOY_GAS = 2_000_000n;

export function registryAddress(owner: Hex): Hex {
  return getContractAddress({ from: owner, nonce: 0n }).toLowerCase() as Hex;
}

/** Sends the deployment and mines it (automine off), in a block stamped `mineAt` if given. */
export async function deployRegistry(provider: Eip1193, owner: Hex, mineAt?: number): Promise<Hex> {
  const hash = (await provider.request({
    method: 'eth_sendTransaction',
    params: [
      {
        from: owner,
        data: allianceRegistryBytecode,
        gas: `0x${REGISTRY_DEPLOY_GAS.toString(16)}`,
        maxFeePerGas: '0x2540be400', // 10 gwei: above any base fee this chain reaches
        maxPriorityFeePerGas: '0x3b9aca00',
      },
    ],
  })) as Hex;
  await provider.request({ method: 'evm_mine', params: mineAt === undefined ? [] : [mineAt] });
  const receipt = (await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as {
    status: string;
    contractAddress: Hex | null;
    blockNumber: string;
  } | null;
  if (!receipt || receipt.status !== '0x1' || !receipt.contractAddress) {
    throw new Error(`AllianceRegistry deployment failed (tx ${hash})`);
  }
  if (receipt.blockNumber !== '0x1') throw new Error(`AllianceRegistry landed in block ${receipt.blockNumber}, expected 1`);
  const address = receipt.contractAddress.toLowerCase() as Hex;
  if (address !== registryAddress(owner)) throw new Error('AllianceRegistry deployed at an unexpected address');
  return address;
}
