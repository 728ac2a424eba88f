// The view and pure functions of a verified contract, each a small form that calls it at the
// indexed head through GraphQL's readContract.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchResource } from '../../../lib/hooks';

interface AbiParam { name?: string; type: string }
interface AbiFn { type: string; name?: string; stateMutability?: string; inputs?: AbiParam[]; outputs?: AbiParam[] }

const signature = (f: AbiFn) => `${f.name}(${(f.inputs ?? []).map((p) => p.type).join(',')})`;

function ReadFunction({ address, fn, overloaded }: { address: string; fn: AbiFn; overloaded: boolean }) {
  const { t } = useTranslation('explorer');
  const inputs = fn.inputs ?? [];
  const [args, setArgs] = useState<string[]>(inputs.map(() => ''));
  const [state, setState] = useState<{ loading?: boolean; error?: string; values?: { name: string; value: string }[]; block?: number }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ loading: true });
    try {
      const r = await fetchResource('readContract', { address, function: overloaded ? signature(fn) : fn.name!, args });
      setState({ values: r.readContract.values, block: r.readContract.blockNumber });
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  };
  return (
    <form className="read-fn" onSubmit={submit} data-testid={`read-${fn.name}`}>
      <p className="mono">{signature(fn)}</p>
      {inputs.map((p, i) => (
        <label key={i}>
          <span>{p.name || `#${i}`} <span className="muted">({p.type})</span></span>
          <input value={args[i]} onChange={(e) => setArgs(args.map((a, j) => (j === i ? e.target.value : a)))} spellCheck={false} />
        </label>
      ))}
      <button type="submit" disabled={state.loading}>{state.loading ? t('contract.reading') : t('contract.read')}</button>
      {state.error && <p className="error-detail" role="alert">{state.error}</p>}
      {state.values && (
        <dl className="kv" data-testid="read-result">
          {state.values.map((v) => (
            <div key={v.name}><dt>{v.name}</dt><dd className="mono">{v.value}</dd></div>
          ))}
          <div><dt>{t('contract.atBlock')}</dt><dd>{state.block}</dd></div>
        </dl>
      )}
    </form>
  );
}

export function ReadFunctions({ address, abi, available }: { address: string; abi: AbiFn[]; available: boolean }) {
  const { t } = useTranslation('explorer');
  const reads = abi.filter((f) => f.type === 'function' && (f.stateMutability === 'view' || f.stateMutability === 'pure'));
  if (!available) return <p data-testid="reads-unavailable">{t('contract.readsNeedNode')}</p>;
  if (reads.length === 0) return <p>{t('contract.noReads')}</p>;
  const count = (n?: string) => reads.filter((f) => f.name === n).length;
  return <div className="read-fns">{reads.map((f) => <ReadFunction key={signature(f)} address={address} fn={f} overloaded={count(f.name) > 1} />)}</div>;
}
