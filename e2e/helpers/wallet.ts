// A browser wallet for the page: window.ethereum (EIP-1193), defined before any script runs,
// whose requests go to Node through page.exposeFunction. Node answers as a wallet would: the
// account only once asked for, a chain of its own that it switches to only when it knows it
// (4902 otherwise) and adds on wallet_addEthereumChain, a refusal (4001) when the test says
// so, and everything else, eth_sendTransaction included, from the devnet's node, whose
// accounts are unlocked. Every request is recorded for the test to inspect.
import type { Page } from 'playwright-core';

export interface WalletRequest {
  method: string;
  params: unknown[];
}

export interface TestWallet {
  requests: WalletRequest[];
  /** The chain the wallet is on. */
  chainId: number;
  /** Methods the user refuses (EIP-1193 4001) from now on. */
  refuse: Set<string>;
  /** The requests of one method, in order. */
  calls(method: string): WalletRequest[];
}

type Answer = { result?: unknown; error?: { code: number; message: string }; emit?: [string, unknown] };

// Runs in the page before its own scripts.
function installProvider() {
  const listeners = new Map<string, Set<(arg: unknown) => void>>();
  const bridge = (window as unknown as { __walletRequest: (method: string, params: unknown[]) => Promise<Answer> }).__walletRequest;
  (window as unknown as { ethereum: unknown }).ethereum = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      const answer = await bridge(method, params ?? []);
      if (answer.emit) for (const f of listeners.get(answer.emit[0]) ?? []) f(answer.emit[1]);
      if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.result;
    },
    on(event: string, f: (arg: unknown) => void) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(f));
    },
    removeListener(event: string, f: (arg: unknown) => void) {
      listeners.get(event)?.delete(f);
    },
  };
}

/** Gives `page` a wallet holding `account`, on chain `chainId`, that forwards to the node at `rpcUrl`. */
export async function injectWallet(page: Page, opts: { rpcUrl: string; account: string; chainId: number }): Promise<TestWallet> {
  const known = new Set([opts.chainId]);
  let connected = false;
  const wallet: TestWallet = {
    requests: [],
    chainId: opts.chainId,
    refuse: new Set(),
    calls: (method) => wallet.requests.filter((r) => r.method === method),
  };
  const hex = (n: number) => `0x${n.toString(16)}`;
  const node = async (method: string, params: unknown[]): Promise<Answer> => {
    const res = await fetch(opts.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
    return body.error ? { error: body.error } : { result: body.result };
  };
  const answer = async (method: string, params: unknown[]): Promise<Answer> => {
    wallet.requests.push({ method, params });
    if (wallet.refuse.has(method)) return { error: { code: 4001, message: 'User rejected the request.' } };
    switch (method) {
      case 'eth_requestAccounts':
        connected = true;
        return { result: [opts.account], emit: ['accountsChanged', [opts.account]] };
      case 'eth_accounts':
        return { result: connected ? [opts.account] : [] };
      case 'eth_chainId':
        return { result: hex(wallet.chainId) };
      case 'wallet_switchEthereumChain': {
        const id = Number((params[0] as { chainId: string }).chainId);
        if (!known.has(id)) return { error: { code: 4902, message: `Unrecognized chain ID ${hex(id)}.` } };
        wallet.chainId = id;
        return { result: null, emit: ['chainChanged', hex(id)] };
      }
      case 'wallet_addEthereumChain': {
        const id = Number((params[0] as { chainId: string }).chainId);
        known.add(id);
        wallet.chainId = id;
        return { result: null, emit: ['chainChanged', hex(id)] };
      }
      case 'eth_sendTransaction': {
        if (wallet.chainId !== (Number((await node('eth_chainId', [])).result))) return { error: { code: -32000, message: 'wallet is on another chain' } };
        // Like a wallet whose user sends even what its estimate says will revert: a fixed gas limit.
        const tx = { gas: '0x4c4b40', ...(params[0] as object) };
        return node(method, [tx]);
      }
      default:
        return node(method, params);
    }
  };
  await page.exposeFunction('__walletRequest', answer);
  await page.addInitScript(installProvider);
  return wallet;
}
