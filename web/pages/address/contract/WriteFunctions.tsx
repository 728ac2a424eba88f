// Write contract: the non-view functions of a verified contract, each a form whose arguments are
// checked against their Solidity types before anything is sent (payable ones take an amount of
// the native coin too), then sent from the browser wallet with eth_sendTransaction: connect,
// switch to this chain if needed, confirm, pending, then mined or reverted with the
// transaction's link. Write as proxy: the implementation's functions, sent to the proxy.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeFunctionData, type AbiFunction } from 'viem';
import { Hash } from '../../../components/Hash';
import { EmptyState, ErrorState, SkeletonRows } from '../../../components/states';
import { parseArguments, parseNativeAmount, type InputProblem } from '../../../lib/abi-input';
import { useFormat } from '../../../lib/format';
import { useStatus } from '../../../lib/hooks';
import { urls } from '../../../lib/urls';
import { networkOf, sendTransaction, switchNetwork, waitForReceipt, walletErrorKind, walletErrorMessage, type WalletNetwork } from '../../../lib/wallet';
import { ArgFields, signature, useProblemText, type AbiFn } from './AbiFields';
import { explorerUrl, useWallet, WalletBar, type Wallet } from './WriteWallet';

type WriteState =
  | { kind: 'idle' | 'invalid' | 'noWallet' | 'connecting' | 'switching' | 'confirm' | 'rejected' }
  | { kind: 'wrongChain'; chainId: number }
  | { kind: 'failed'; message: string }
  | { kind: 'pending'; hash: string }
  | { kind: 'mined' | 'reverted'; hash: string; blockNumber: number };

const BUSY = new Set<WriteState['kind']>(['connecting', 'switching', 'confirm', 'pending']);

/** Resolves once the wallet is connected and on `network`; otherwise says which state stops the write. */
async function readyToSend(wallet: Wallet, network: WalletNetwork, set: (s: WriteState) => void): Promise<string | null> {
  set({ kind: 'connecting' });
  const account = wallet.account ?? (await wallet.connect());
  if ((await wallet.readChain()) !== network.chainId) {
    set({ kind: 'switching' });
    await switchNetwork(wallet.provider!, network, explorerUrl());
    const now = await wallet.readChain();
    if (now !== network.chainId) {
      set({ kind: 'wrongChain', chainId: now });
      return null;
    }
  }
  return account;
}

function WriteOutcome({ state, network }: { state: WriteState; network: WalletNetwork }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  if (state.kind === 'idle') return null;
  // The transaction's page exists once it is mined (and indexed); until then, its hash alone.
  const tx = 'hash' in state && <Hash value={state.hash} to={state.kind === 'pending' ? undefined : urls.tx(state.hash)} testId="write-tx" />;
  const text =
    state.kind === 'wrongChain' ? t('wallet.wrongChain', { actual: state.chainId, name: network.chainName, id: network.chainId })
    : state.kind === 'failed' ? t('wallet.failed', { message: state.message })
    : state.kind === 'mined' || state.kind === 'reverted' ? t(`write.${state.kind}`, { block: f.number(state.blockNumber) })
    : state.kind === 'noWallet' ? t('wallet.missing')
    : state.kind === 'rejected' ? t('wallet.rejected')
    : t(`write.${state.kind}`);
  const bad = ['invalid', 'noWallet', 'rejected', 'wrongChain', 'failed', 'reverted'].includes(state.kind);
  return (
    <p className={`write-state${bad ? ' write-state-bad' : ''}`} data-testid="write-state" data-state={state.kind} role={bad ? 'alert' : 'status'}>
      {text} {tx}
    </p>
  );
}

function WriteFunction({ address, fn, n, wallet, network }: { address: string; fn: AbiFn; n: number; wallet: Wallet; network: WalletNetwork }) {
  const { t } = useTranslation('explorer');
  const describe = useProblemText();
  const inputs = fn.inputs ?? [];
  const payable = fn.stateMutability === 'payable';
  const [args, setArgs] = useState<string[]>(inputs.map(() => ''));
  const [amount, setAmount] = useState('');
  const [problems, setProblems] = useState<(InputProblem | undefined)[]>([]);
  const [amountProblem, setAmountProblem] = useState<InputProblem | undefined>();
  const [state, setState] = useState<WriteState>({ kind: 'idle' });
  // Waiting for a receipt stops when the tab closes.
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const id = `write-${n}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseArguments(inputs, args);
    const value = payable ? parseNativeAmount(amount, network.nativeCoin.decimals) : ({ ok: true, value: 0n } as const);
    setProblems(parsed.ok ? [] : parsed.problems);
    setAmountProblem(value.ok ? undefined : value.problem);
    if (!parsed.ok || !value.ok) return setState({ kind: 'invalid' });
    if (!wallet.provider) return setState({ kind: 'noWallet' });
    abort.current?.abort();
    const signal = (abort.current = new AbortController()).signal;
    try {
      const from = await readyToSend(wallet, network, setState);
      if (!from) return;
      setState({ kind: 'confirm' });
      const data = encodeFunctionData({ abi: [fn as AbiFunction], functionName: fn.name!, args: parsed.values });
      const hash = await sendTransaction(wallet.provider, { from, to: address, data, value: value.value });
      setState({ kind: 'pending', hash });
      const outcome = await waitForReceipt(wallet.provider, hash, signal);
      setState({ kind: outcome.state, hash, blockNumber: outcome.blockNumber });
    } catch (err) {
      if (signal.aborted) return;
      setState(walletErrorKind(err) === 'rejected' ? { kind: 'rejected' } : { kind: 'failed', message: walletErrorMessage(err) });
    }
  };

  const busy = BUSY.has(state.kind);
  return (
    <li className="read-fn">
      <form onSubmit={submit} data-testid={`write-${fn.name}`} aria-labelledby={id} noValidate>
        <p className="read-fn-head" id={id}>
          <span className="read-fn-n">{n}.</span> <span className="mono">{fn.name}</span>
          {payable && <span className="badge badge-warn small">{t('write.payable')}</span>}
        </p>
        {payable && (
          <label className="field">
            <span>{t('write.value', { symbol: network.nativeCoin.symbol })}</span>
            <input
              className="mono" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="0" autoComplete="off"
              data-testid="write-value" aria-invalid={amountProblem ? true : undefined} aria-describedby={amountProblem ? `${id}-value-error` : undefined}
            />
            {amountProblem && <span className="field-error" id={`${id}-value-error`} data-testid="arg-error">{describe(amountProblem, network.nativeCoin.symbol)}</span>}
          </label>
        )}
        <ArgFields idPrefix={id} inputs={inputs} values={args} onChange={setArgs} problems={problems} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t('write.sending') : t('write.send')}</button>
        <WriteOutcome state={state} network={network} />
      </form>
    </li>
  );
}

export function WriteFunctions({ address, abi }: { address: string; abi: AbiFn[] }) {
  const { t } = useTranslation('explorer');
  const wallet = useWallet();
  const status = useStatus();
  const writes = abi.filter((f) => f.type === 'function' && (f.stateMutability === 'nonpayable' || f.stateMutability === 'payable'));
  if (writes.length === 0) return <EmptyState title={t('write.none')} />;
  if (status.error && !status.data) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <SkeletonRows rows={3} />;
  const network = networkOf(status.data.status);
  return (
    <div className="write-fns" data-testid="write-functions">
      <WalletBar wallet={wallet} network={network} />
      <p className="muted small">{t('write.note')}</p>
      <ol className="read-fns">
        {writes.map((f, i) => <WriteFunction key={signature(f)} address={address} fn={f} n={i + 1} wallet={wallet} network={network} />)}
      </ol>
    </div>
  );
}
