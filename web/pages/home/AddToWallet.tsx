// "Add to wallet" on the home page: offers this explorer's chain to the browser wallet
// (EIP-3085 wallet_addEthereumChain) with the id, name, coin and public RPC URL that GraphQL
// `status` reports, and says how the wallet answered.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatus } from '../../lib/hooks';
import { addChainParameter, addNetwork, injectedProvider, networkOf, walletErrorKind, walletErrorMessage } from '../../lib/wallet';

type AddState = { kind: 'idle' | 'adding' | 'added' | 'rejected' | 'missing' | 'noRpc' } | { kind: 'failed'; message: string };

export function AddToWallet() {
  const { t } = useTranslation('explorer');
  const status = useStatus().data?.status;
  const [state, setState] = useState<AddState>({ kind: 'idle' });
  if (!status) return null;
  const network = networkOf(status);
  const add = async () => {
    const provider = injectedProvider();
    if (!provider) return setState({ kind: 'missing' });
    const param = addChainParameter(network, window.location.origin);
    if (!param) return setState({ kind: 'noRpc' });
    setState({ kind: 'adding' });
    try {
      await addNetwork(provider, param);
      setState({ kind: 'added' });
    } catch (err) {
      setState(walletErrorKind(err) === 'rejected' ? { kind: 'rejected' } : { kind: 'failed', message: walletErrorMessage(err) });
    }
  };
  const message =
    state.kind === 'idle' ? null
    : state.kind === 'failed' ? t('wallet.failed', { message: state.message })
    : t(`wallet.${state.kind}`, { name: network.chainName });
  return (
    <div className="add-wallet">
      <button type="button" className="btn" data-testid="add-to-wallet" disabled={state.kind === 'adding'} onClick={() => void add()}>
        {t('wallet.add', { name: network.chainName })}
      </button>
      {message && (
        <span className={state.kind === 'added' || state.kind === 'adding' ? 'muted' : 'error-detail'} data-testid="add-to-wallet-state" data-state={state.kind} role={state.kind === 'adding' || state.kind === 'added' ? 'status' : 'alert'}>
          {message}
        </span>
      )}
    </div>
  );
}
