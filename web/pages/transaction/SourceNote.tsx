// Where a trace or a state diff came from, when it is not the node: said, in a note, so an
// index-only answer is never mistaken for the full one.
import { useTranslation } from 'react-i18next';
import type { TraceStatus } from './resources';

export function SourceNote({ status, complete, extra }: { status: TraceStatus; complete: boolean; extra?: string }) {
  const { t } = useTranslation('trace');
  if (status === 'NODE' && complete) return null;
  return (
    <div className="trace-note" role="note" data-testid="trace-source" data-status={status} data-complete={complete}>
      {status !== 'NODE' && <p>{t(`source.${status}`)}</p>}
      {!complete && <p>{t('source.incomplete')}</p>}
      {status !== 'NODE' && extra && <p className="muted">{extra}</p>}
    </div>
  );
}
