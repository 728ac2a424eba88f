// viem clients for a running devnet (tests, scripts). The chain definition lets viem skip
// eth_chainId round trips and label the native coin; a short polling interval because the
// devnet mines instantly (viem's default waits 4 s between receipt polls).
import { createPublicClient, createWalletClient, defineChain, http, type Hex } from 'viem';
import { DEVNET_CHAIN_ID, DEVNET_NATIVE_COIN } from '../config/constants';

export const devnetChain = (rpcUrl: string) =>
  defineChain({
    id: DEVNET_CHAIN_ID,
    name: 'Yu Express Chain devnet',
    nativeCurrency: DEVNET_NATIVE_COIN,
    rpcUrls: { default: { http: [rpcUrl] } },
  });

export function clients(rpcUrl: string) {
  const chain = devnetChain(rpcUrl);
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 50 });
  // JSON-RPC accounts: the devnet node holds the keys and signs eth_sendTransaction.
  const wallet = (account: Hex) => createWalletClient({ chain, transport: http(rpcUrl), account, pollingInterval: 50 });
  return { publicClient, wallet };
}
