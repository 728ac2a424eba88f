// The State tab: what the transaction changed, per address: native balances (before, after,
// change), token balances, and from the node's prestateTracer nonces and storage slots.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { AddressLabel } from '../../components/Hash';
import { NativeAmount } from '../../components/NativeAmount';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/states';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { TokenName } from '../tokens/TokenName';
import { TokenAmount } from '../tokens/TransfersTable';
import type { StateChange } from './resources';
import { SourceNote } from './SourceNote';
import { useRegistryName } from './registry-name';
import '../../styles/trace.css';

const sign = (delta: string | null) => (delta === null ? '' : delta.startsWith('-') ? 'down' : 'up');

function Change({ delta, children }: { delta: string | null; children: ReactNode }) {
  return (
    <span className={`state-delta state-${sign(delta)}`} data-testid="state-delta" data-value={delta ?? ''}>
      {delta !== null && !delta.startsWith('-') && '+'}
      {children}
    </span>
  );
}

const Word = ({ value }: { value: string | null }) => (value === null ? <>—</> : <span className="mono wrap-any">{value}</span>);

/** One table of changes of a kind, with its own columns; nothing when there are none. */
function Section({ title, kind, changes, head, cells }: {
  title: string;
  kind: string;
  changes: StateChange[];
  head: string[];
  cells: (c: StateChange) => ReactNode[];
}) {
  if (changes.length === 0) return null;
  return (
    <section className={`state-section state-${kind}`} data-testid={`state-${kind}`}>
      <h3>{title}</h3>
      <div className="table-wrap">
        <table className="data stack">
          <thead>
            <tr>{head.map((h, i) => <th key={h} className={i > 0 && kind !== 'storage' ? 'num' : undefined}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.address}|${c.token?.address ?? ''}|${c.tokenId ?? ''}|${c.slot ?? ''}`} data-testid="state-row" data-kind={c.kind} data-address={c.address}>
                {cells(c).map((cell, i) => (
                  <td key={head[i]} data-label={head[i]} className={i > 0 && kind !== 'storage' ? 'num' : undefined}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function StateTab({ hash }: { hash: string }) {
  const { t } = useTranslation('trace');
  const f = useFormat();
  const registryName = useRegistryName();
  const q = useResource('txState', { hash }, { placeholderData: undefined });
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const tx = q.data?.transaction;
  if (!tx) return <SkeletonRows rows={6} />;
  const of = (kind: StateChange['kind']) => tx.stateChanges.filter((c) => c.kind === kind);
  const col = (k: string) => t(`state.col.${k}`);
  const coin = (wei: string | null) => (wei === null ? '—' : <NativeAmount wei={wei} />);
  return (
    <Card title={t('state.title')} testId="tx-state">
      <SourceNote status={tx.stateChangesStatus} complete={tx.stateChangesStatus === 'NODE' || tx.trace.complete} extra={t('state.nodeOnly')} />
      {tx.stateChanges.length === 0 && <EmptyState title={t('state.none')} />}
      <Section
        title={t('state.native')} kind="native" changes={of('NATIVE')} head={[col('address'), col('before'), col('after'), col('change')]}
        cells={(c) => [<AddressLabel address={c.address} name={registryName(c.address)} />, coin(c.before), coin(c.after), <Change delta={c.delta}>{coin(c.delta)}</Change>]}
      />
      <Section
        title={t('state.tokens')} kind="tokens" changes={of('TOKEN')} head={[col('address'), col('token'), col('change')]}
        cells={(c) => [
          <AddressLabel address={c.address} name={registryName(c.address)} />,
          c.token ? <>{<TokenName token={c.token} />}{c.tokenId !== null && <span className="muted"> #{c.tokenId}</span>}</> : '—',
          <Change delta={c.delta}>{c.token && c.delta !== null ? <TokenAmount value={c.delta} token={c.token} /> : c.delta}</Change>,
        ]}
      />
      <Section
        title={t('state.nonces')} kind="nonces" changes={of('NONCE')} head={[col('address'), col('before'), col('after')]}
        cells={(c) => [<AddressLabel address={c.address} name={registryName(c.address)} />, c.before === null ? '—' : f.number(c.before), c.after === null ? '—' : f.number(c.after)]}
      />
      <Section
        title={t('state.storage')} kind="storage" changes={of('STORAGE')} head={[col('address'), col('slot'), col('before'), col('after')]}
        cells={(c) => [<AddressLabel address={c.address} name={registryName(c.address)} />, <Word value={c.slot} />, <Word value={c.before} />, <Word value={c.after} />]}
      />
    </Card>
  );
}
