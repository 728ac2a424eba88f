// The browser wallet, through the injected EIP-1193 provider (window.ethereum): connect
// (eth_requestAccounts), which chain it is on (eth_chainId), switch to or add this explorer's
// chain (wallet_switchEthereumChain, EIP-3085 wallet_addEthereumChain), send a transaction and
// wait for its receipt. The parameters and the reading of errors and receipts are pure; the
// rest is one request each to whatever provider is passed in.

export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] }): Promise<unknown>;
  on?(event: string, listener: (...args: never[]) => void): unknown;
  removeListener?(event: string, listener: (...args: never[]) => void): unknown;
}

/** This explorer's chain as a wallet needs it (from GraphQL `status`). */
export interface WalletNetwork {
  chainId: number;
  chainName: string;
  nativeCoin: { name: string; symbol: string; decimals: number };
  /** Null when the operator offers none (PUBLIC_RPC_URL): the chain can then only be switched to, not added. */
  publicRpcUrl: string | null;
}

/** EIP-3085's AddEthereumChainParameter. */
export interface AddChainParameter {
  chainId: string;
  chainName: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  rpcUrls: string[];
  blockExplorerUrls?: string[];
}

/** The page's injected wallet, if any. */
export function injectedProvider(): Eip1193Provider | undefined {
  const w = globalThis as { ethereum?: Eip1193Provider };
  return w.ethereum && typeof w.ethereum.request === 'function' ? w.ethereum : undefined;
}

export const hexChainId = (id: number) => `0x${id.toString(16)}`;

/**
 * wallet_addEthereumChain's parameter for `network`, or null without a public RPC URL (the
 * request needs one). The explorer is named only over https, which wallets insist on.
 */
export function addChainParameter(network: WalletNetwork, explorerUrl?: string): AddChainParameter | null {
  if (!network.publicRpcUrl) return null;
  const { name, symbol, decimals } = network.nativeCoin;
  return {
    chainId: hexChainId(network.chainId),
    chainName: network.chainName,
    nativeCurrency: { name, symbol, decimals },
    rpcUrls: [network.publicRpcUrl],
    ...(explorerUrl?.startsWith('https://') ? { blockExplorerUrls: [explorerUrl] } : {}),
  };
}

export type WalletErrorKind = 'rejected' | 'unknownChain' | 'other';

/** EIP-1193 4001: the user said no. 4902: the wallet does not know the chain (some wallets nest it in data.originalError). */
export function walletErrorKind(err: unknown): WalletErrorKind {
  const e = err as { code?: unknown; data?: { originalError?: { code?: unknown } } } | null;
  const codes = [e?.code, e?.data?.originalError?.code];
  if (codes.includes(4001)) return 'rejected';
  if (codes.includes(4902)) return 'unknownChain';
  return 'other';
}

/** An Error's message, or a wallet's error object's. */
export function walletErrorMessage(err: unknown): string {
  const m = (err as { message?: unknown } | null)?.message;
  return typeof m === 'string' && m ? m : String(err);
}

/** Asks the wallet for its accounts (the user may be prompted); the first one. */
export async function requestAccount(provider: Eip1193Provider): Promise<string> {
  const accounts = (await provider.request({ method: 'eth_requestAccounts' })) as string[];
  if (!accounts?.[0]) throw new Error('the wallet returned no account');
  return accounts[0].toLowerCase();
}

/** The accounts the wallet already exposes to this page, without prompting. */
export async function connectedAccount(provider: Eip1193Provider): Promise<string | null> {
  const accounts = (await provider.request({ method: 'eth_accounts' })) as string[];
  return accounts?.[0]?.toLowerCase() ?? null;
}

export async function walletChainId(provider: Eip1193Provider): Promise<number> {
  return Number(BigInt((await provider.request({ method: 'eth_chainId' })) as string));
}

/** Adds the chain to the wallet (EIP-3085); wallets switch to it once added. */
export async function addNetwork(provider: Eip1193Provider, param: AddChainParameter): Promise<void> {
  await provider.request({ method: 'wallet_addEthereumChain', params: [param] });
}

/** Switches the wallet to the chain, adding it first when the wallet does not know it and it can be added. */
export async function switchNetwork(provider: Eip1193Provider, network: WalletNetwork, explorerUrl?: string): Promise<void> {
  try {
    await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: hexChainId(network.chainId) }] });
  } catch (err) {
    const param = addChainParameter(network, explorerUrl);
    if (walletErrorKind(err) !== 'unknownChain' || !param) throw err;
    await addNetwork(provider, param);
  }
}

export interface WriteTransaction {
  from: string;
  to: string;
  data: string;
  /** In the native coin's smallest unit. */
  value: bigint;
}

export async function sendTransaction(provider: Eip1193Provider, tx: WriteTransaction): Promise<string> {
  const params = { from: tx.from, to: tx.to, data: tx.data, ...(tx.value > 0n ? { value: `0x${tx.value.toString(16)}` } : {}) };
  return ((await provider.request({ method: 'eth_sendTransaction', params: [params] })) as string).toLowerCase();
}

export type ReceiptOutcome = { state: 'pending' } | { state: 'mined' | 'reverted'; blockNumber: number };

/** What eth_getTransactionReceipt's answer says: null until mined, then status 0x1 (success) or 0x0 (reverted). */
export function receiptOutcome(receipt: unknown): ReceiptOutcome {
  const r = receipt as { status?: string; blockNumber?: string } | null;
  if (!r?.blockNumber) return { state: 'pending' };
  return { state: r.status === '0x0' ? 'reverted' : 'mined', blockNumber: Number(BigInt(r.blockNumber)) };
}

/** Polls the wallet's node for the receipt until the transaction is mined (or `signal` aborts). */
export async function waitForReceipt(provider: Eip1193Provider, hash: string, signal: AbortSignal, intervalMs = 1000): Promise<Exclude<ReceiptOutcome, { state: 'pending' }>> {
  for (;;) {
    const outcome = receiptOutcome(await provider.request({ method: 'eth_getTransactionReceipt', params: [hash] }));
    if (outcome.state !== 'pending') return outcome;
    signal.throwIfAborted();
    await new Promise<void>((ok, fail) => {
      const stop = () => {
        clearTimeout(timer);
        fail(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', stop);
        ok();
      }, intervalMs);
      signal.addEventListener('abort', stop, { once: true });
    });
  }
}

/** The explorer's chain from a `status` answer. */
export function networkOf(status: { chainId: number; chainName: string; nativeCoin: WalletNetwork['nativeCoin']; publicRpcUrl?: string | null }): WalletNetwork {
  return { chainId: status.chainId, chainName: status.chainName, nativeCoin: status.nativeCoin, publicRpcUrl: status.publicRpcUrl ?? null };
}
