// Read contract: the view and pure functions of a verified contract, each a small form that
// calls it at the indexed head through GraphQL's readContract (the server needs a node). Read
// as proxy: the implementation's functions (`abiFrom`), called at the proxy's address.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/states';
import { fetchResource } from '../../../lib/hooks';
import { ArgFields, signature, type AbiFn } from './AbiFields';


interface ReadState {
  loading?: boolean;
  error?: string;
  values?: { name: string; value: string }[];
  block?: number;
}

function ReadFunction({ address, abiFrom, fn, n, overloaded }: { address: string; abiFrom?: string; fn: AbiFn; n: number; overloaded: boolean }) {
  const { t } = useTranslation('explorer');
  const inputs = fn.inputs ?? [];
  const outputs = fn.outputs ?? [];
  const [args, setArgs] = useState<string[]>(inputs.map(() => ''));
  const [state, setState] = useState<ReadState>({});
  const id = `read-${n}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ loading: true });
    try {
      const r = await fetchResource('readContract', { address, function: overloaded ? signature(fn) : fn.name!, args, abiFrom });
      setState({ values: r.readContract.values, block: r.readContract.blockNumber });
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  };
  return (
    <li className="read-fn">
      <form onSubmit={submit} data-testid={`read-${fn.name}`} aria-labelledby={id}>
        <p className="read-fn-head" id={id}>
          <span className="read-fn-n">{n}.</span> <span className="mono">{fn.name}</span>
          {outputs.length > 0 && <span className="muted mono small"> → {outputs.map((o) => o.type).join(', ')}</span>}
        </p>
        <ArgFields idPrefix={id} inputs={inputs} values={args} onChange={setArgs} />
        <button type="submit" className="btn" disabled={state.loading}>{state.loading ? t('contract.reading') : t('contract.read')}</button>
        {state.error && <p className="error-detail" role="alert">{state.error}</p>}
        {state.values && (
          <dl className="kv read-result" data-testid="read-result" aria-live="polite">
            {state.values.map((v, i) => (
              <div className="kv-row" key={i}>
                <dt>{v.name || `#${i}`} {outputs[i] && <span className="muted mono">({outputs[i].type})</span>}</dt>
                <dd className="mono wrap-any">{v.value}</dd>
              </div>
            ))}
            <div className="kv-row"><dt>{t('contract.atBlock')}</dt><dd>{state.block}</dd></div>
          </dl>
        )}
      </form>
    </li>
  );
}

export function ReadFunctions({ address, abi, available, abiFrom }: { address: string; abi: AbiFn[]; available: boolean; abiFrom?: string }) {
  const { t } = useTranslation('explorer');
  const reads = abi.filter((f) => f.type === 'function' && (f.stateMutability === 'view' || f.stateMutability === 'pure'));
  if (!available) return <p className="notice" data-testid="reads-unavailable">{t('contract.readsNeedNode')}</p>;
  if (reads.length === 0) return <EmptyState title={t('contract.noReads')} />;
  const count = (n?: string) => reads.filter((f) => f.name === n).length;
  return (
    <>
      <p className="muted small">{t('contract.readsNote')}</p>
      <ol className="read-fns">
        {reads.map((f, i) => <ReadFunction key={signature(f)} address={address} abiFrom={abiFrom} fn={f} n={i + 1} overloaded={count(f.name) > 1} />)}
      </ol>
    </>
  );
}
