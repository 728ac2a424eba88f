// The Trace tab: the call tree, depth-first and indented, each frame with its callee, its
// decoded method, value and gas; reverted frames (and what they undid) marked; input and
// output, decoded where possible, behind a disclosure.
import { useTranslation } from 'react-i18next';
import { Card, KeyValue } from '../../components/Card';
import { AddressLabel } from '../../components/Hash';
import { NativeAmount } from '../../components/NativeAmount';
import { ErrorState, SkeletonRows } from '../../components/states';
import { useFormat } from '../../lib/format';
import { useResource } from '../../lib/hooks';
import { Args } from './Args';
import { useRegistryName } from './registry-name';
import type { TraceFrame } from './resources';
import { SourceNote } from './SourceNote';
import '../../styles/trace.css';

/** Paths of reverted frames, to mark the frames below them as undone too. */
const undoneBy = (frames: TraceFrame[]) => {
  const failed = frames.filter((f) => f.error).map((f) => f.path);
  return (f: TraceFrame) => !f.error && failed.some((p) => p === '' || f.path.startsWith(`${p}.`));
};

function Raw({ value }: { value: string }) {
  return <pre className="raw mono">{value}</pre>;
}

function Frame({ frame: f, undone }: { frame: TraceFrame; undone: boolean }) {
  const { t } = useTranslation('trace');
  const fmt = useFormat();
  const registryName = useRegistryName();
  const method = f.decodedInput?.name ?? (f.input && f.input.length >= 10 ? f.input.slice(0, 10) : null);
  const details = f.input !== null || f.output !== null || f.error;
  return (
    <li
      className={`trace-frame${f.error ? ' trace-failed' : ''}${undone ? ' trace-undone' : ''}`}
      style={{ ['--depth' as string]: f.depth }}
      data-testid="trace-frame"
      data-path={f.path}
      data-call-type={f.callType}
      data-to={f.to ?? ''}
      data-failed={f.error ? 'true' : 'false'}
    >
      <div className="trace-line">
        <span className="badge mono">{f.callType.toLowerCase()}</span>
        {f.to ? <AddressLabel address={f.to} name={registryName(f.to)} /> : <span className="muted">{t('trace.noTarget')}</span>}
        {method && (
          <code className="trace-method" title={f.decodedInput?.signature ?? undefined} data-testid="trace-method">
            {method}
            {f.decodedInput?.source === 'GUESS' && <small className="muted"> ({t('trace.guess')})</small>}
          </code>
        )}
        {f.value !== '0' && <NativeAmount wei={f.value} maxDecimals={6} />}
        <span className="muted trace-gas" data-testid="trace-gas" data-value={f.gasUsed}>
          {t('trace.gas', { used: fmt.number(f.gasUsed) })}
        </span>
        {f.error && (
          <span className="badge badge-bad" title={f.error} data-testid="trace-reverted">
            {t('trace.reverted')}
          </span>
        )}
      </div>
      {f.revertReason && (
        <p className="trace-reason">
          {t('trace.reason')}: <q>{f.revertReason}</q>
        </p>
      )}
      {undone && <p className="trace-reason muted">{t('trace.undone')}</p>}
      {details && (
        <details className="trace-details">
          <summary>{t('trace.details')}</summary>
          <KeyValue
            rows={[
              [t('trace.from'), <AddressLabel address={f.from} name={registryName(f.from)} />],
              // What the tracer says the frame was given: nodes count the top-level call's differently (before or after the intrinsic gas).
              f.gas !== null && [t('trace.gasGiven'), fmt.number(f.gas)],
              !!f.error && [t('trace.error'), f.error],
              f.decodedInput && [t('trace.input'), <><code>{f.decodedInput.signature ?? f.decodedInput.name}</code><Args args={f.decodedInput.args} /></>],
              f.input !== null && f.input !== '0x' && [f.decodedInput ? '' : t('trace.input'), <Raw value={f.input} />],
              f.decodedOutput && f.decodedOutput.length > 0 && [t('trace.returned'), <Args args={f.decodedOutput} />],
              f.output !== null && f.output !== '0x' && [t('trace.output'), <Raw value={f.output} />],
            ]}
          />
        </details>
      )}
    </li>
  );
}

export function TraceTab({ hash }: { hash: string }) {
  const { t } = useTranslation('trace');
  const q = useResource('txTrace', { hash }, { placeholderData: undefined });
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const trace = q.data?.transaction?.trace;
  if (!trace) return <SkeletonRows rows={6} />;
  const undone = undoneBy(trace.frames);
  return (
    <Card title={t('trace.title', { count: trace.frames.length })} testId="tx-trace">
      <SourceNote status={trace.status} complete={trace.complete} extra={t('trace.indexNote')} />
      <ol className="trace-tree" data-testid="trace-tree" data-status={trace.status}>
        {trace.frames.map((f) => (
          <Frame key={f.path} frame={f} undone={undone(f)} />
        ))}
      </ol>
    </Card>
  );
}
