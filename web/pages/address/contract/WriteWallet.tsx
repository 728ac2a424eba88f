// The Write tab's wallet: the injected provider, the account it exposes to the page and the
// chain it is on (followed through its accountsChanged / chainChanged events), and the bar that
// says which of them is missing: no wallet, not connected, wrong chain (with a switch that adds
// the chain when the wallet does not know it).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Hash } from '../../../components/Hash';
import { urls } from '../../../lib/urls';
import {
  connectedAccount, injectedProvider, requestAccount, switchNetwork, walletChainId, walletErrorKind, walletErrorMessage,
  type Eip1193Provider, type WalletNetwork,
} from '../../../lib/wallet';

export interface Wallet {
  provider?: Eip1193Provider;
  account: string | null;
  chainId: number | null;
  /** Asks for an account (the wallet may prompt); resolves with it. */
  connect(): Promise<string>;
  /** Asks the wallet which chain it is on now. */
  readChain(): Promise<number>;
}

export function useWallet(): Wallet {
  const provider = useMemo(injectedProvider, []);
  const [account, setAccount] = useState<string | null>(null);
  const [chainId, setChainId] = useState<number | null>(null);
  useEffect(() => {
    if (!provider) return;
    let live = true;
    // Whatever the wallet already allows this page, without a prompt.
    connectedAccount(provider).then((a) => live && setAccount(a), () => {});
    walletChainId(provider).then((c) => live && setChainId(c), () => {});
    const onAccounts = (accounts: string[]) => setAccount(accounts[0]?.toLowerCase() ?? null);
    const onChain = (id: string) => setChainId(Number(BigInt(id)));
    provider.on?.('accountsChanged', onAccounts);
    provider.on?.('chainChanged', onChain);
    return () => {
      live = false;
      provider.removeListener?.('accountsChanged', onAccounts);
      provider.removeListener?.('chainChanged', onChain);
    };
  }, [provider]);
  const connect = useCallback(async () => {
    const a = await requestAccount(provider!);
    setAccount(a);
    return a;
  }, [provider]);
  const readChain = useCallback(async () => {
    const c = await walletChainId(provider!);
    setChainId(c);
    return c;
  }, [provider]);
  return { provider, account, chainId, connect, readChain };
}

/** The explorer's own URL, offered to the wallet as the chain's block explorer. */
export const explorerUrl = () => window.location.origin;

export function WalletBar({ wallet, network }: { wallet: Wallet; network: WalletNetwork }) {
  const { t } = useTranslation('explorer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (step: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(walletErrorKind(err) === 'rejected' ? t('wallet.rejected') : t('wallet.failed', { message: walletErrorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };
  if (!wallet.provider) return <p className="notice" data-testid="wallet-missing">{t('wallet.missing')}</p>;
  const wrongChain = wallet.account && wallet.chainId !== null && wallet.chainId !== network.chainId;
  return (
    <div className="wallet-bar" data-testid="wallet-bar" data-state={!wallet.account ? 'disconnected' : wrongChain ? 'wrong-chain' : 'ready'}>
      {!wallet.account ? (
        <>
          <span className="muted">{t('wallet.notConnected')}</span>
          <button type="button" className="btn btn-primary" data-testid="wallet-connect" disabled={busy} onClick={() => void act(() => wallet.connect().then(wallet.readChain))}>
            {t('wallet.connect')}
          </button>
        </>
      ) : (
        <>
          <span className="wallet-account">
            {t('wallet.connectedAs')} <Hash value={wallet.account} to={urls.address(wallet.account)} testId="wallet-account" />
          </span>
          {wrongChain ? (
            <>
              <span className="badge badge-warn" data-testid="wallet-chain">
                {t('wallet.wrongChain', { actual: wallet.chainId, name: network.chainName, id: network.chainId })}
              </span>
              <button type="button" className="btn" data-testid="wallet-switch" disabled={busy} onClick={() => void act(() => switchNetwork(wallet.provider!, network, explorerUrl()).then(wallet.readChain))}>
                {t('wallet.switch', { name: network.chainName })}
              </button>
            </>
          ) : (
            <span className="badge badge-ok" data-testid="wallet-chain">{t('wallet.onChain', { name: network.chainName })}</span>
          )}
        </>
      )}
      {error && <p className="error-detail wallet-error" role="alert" data-testid="wallet-error">{error}</p>}
    </div>
  );
}
