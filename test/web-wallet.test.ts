// The wallet helpers' pure parts (web/lib/wallet.ts): the EIP-3085 parameter offered to a
// wallet, how a wallet's errors and receipts are read.
import { describe, expect, it } from 'vitest';
import { addChainParameter, hexChainId, networkOf, receiptOutcome, walletErrorKind } from '../web/lib/wallet';

const status = {
  chainId: 20200414, chainName: 'Yu Express Chain Devnet', nativeCoin: { symbol: 'YU', name: 'Yu', decimals: 18 }, publicRpcUrl: 'http://127.0.0.1:8545',
};

describe('wallet_addEthereumChain parameter', () => {
  it('carries the chain id in hex, the name, the coin and the public RPC URL', () => {
    expect(hexChainId(20200414)).toBe('0x1343bde');
    expect(addChainParameter(networkOf(status))).toEqual({
      chainId: '0x1343bde', chainName: 'Yu Express Chain Devnet', nativeCurrency: { name: 'Yu', symbol: 'YU', decimals: 18 }, rpcUrls: ['http://127.0.0.1:8545'],
    });
  });

  it('names the explorer only over https, and cannot be made without a public RPC URL', () => {
    expect(addChainParameter(networkOf(status), 'https://scan.example.cn')?.blockExplorerUrls).toEqual(['https://scan.example.cn']);
    expect(addChainParameter(networkOf(status), 'http://localhost:4000')).not.toHaveProperty('blockExplorerUrls');
    expect(addChainParameter(networkOf({ ...status, publicRpcUrl: null }))).toBeNull();
  });
});

describe('wallet answers', () => {
  it('tells a refusal (4001) and an unknown chain (4902, nested too) from other errors', () => {
    expect(walletErrorKind({ code: 4001, message: 'User rejected the request.' })).toBe('rejected');
    expect(walletErrorKind({ code: 4902 })).toBe('unknownChain');
    expect(walletErrorKind({ code: -32603, data: { originalError: { code: 4902 } } })).toBe('unknownChain');
    expect(walletErrorKind(new Error('boom'))).toBe('other');
    expect(walletErrorKind(null)).toBe('other');
  });

  it('reads a receipt as pending, mined or reverted', () => {
    expect(receiptOutcome(null)).toEqual({ state: 'pending' });
    expect(receiptOutcome({ status: '0x1', blockNumber: '0x1f' })).toEqual({ state: 'mined', blockNumber: 31 });
    expect(receiptOutcome({ status: '0x0', blockNumber: '0x20' })).toEqual({ state: 'reverted', blockNumber: 32 });
  });
});
