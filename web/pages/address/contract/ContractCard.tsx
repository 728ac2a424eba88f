// The contract tab of an address page (a lazy chunk): verified or not and how fully, the
// source files (highlighted by a further lazy chunk), ABI, compiler settings, read calls,
// and verification from the browser.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Card, KeyValue } from '../../../components/Card';
import { ErrorState, SkeletonRows } from '../../../components/states';
import { useResource, resourceKey } from '../../../lib/hooks';
import { useFormat } from '../../../lib/format';
import { ReadFunctions } from './ReadFunctions';
import { VerifyForm } from './VerifyForm';
import './resources';

const SourceView = lazy(() => import('./SourceView'));
type Section = 'source' | 'abi' | 'settings' | 'read';

export default function ContractCard({ address }: { address: string }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const client = useQueryClient();
  const q = useResource('contract', { address });
  const [section, setSection] = useState<Section>('source');
  if (q.error && !q.data) return <Card title={t('contract.title')}><ErrorState error={q.error} onRetry={() => void q.refetch()} /></Card>;
  if (!q.data) return <Card title={t('contract.title')}><SkeletonRows rows={4} /></Card>;
  const c = q.data.account?.contract;
  const { compilers, readsAvailable } = q.data.verification;
  const refresh = () => void client.invalidateQueries({ queryKey: resourceKey('contract', { address }) });

  if (!c) {
    return (
      <Card title={t('contract.title')} testId="contract-card">
        <p><span className="badge" data-testid="contract-status">{t('contract.notVerified')}</span> {t('contract.notVerifiedText')}</p>
        <VerifyForm address={address} compilers={compilers} onVerified={refresh} />
      </Card>
    );
  }
  const sections: Section[] = ['source', 'abi', 'settings', 'read'];
  return (
    <Card title={t('contract.title')} testId="contract-card">
      <p>
        <span className="badge badge-ok" data-testid="contract-status">{t('contract.verified')}</span>{' '}
        <span className="badge" data-testid="contract-match">{t(`contract.match.${c.matchKind}`)}</span>
      </p>
      <KeyValue
        rows={[
          [t('contract.name'), <span className="mono">{c.fullyQualifiedName}</span>],
          [t('contract.compiler'), <span className="mono">{c.compilerVersion}</span>],
          [t('contract.verifiedAt'), f.date(c.verifiedAt)],
          !!c.license && [t('contract.license'), c.license],
          [t('contract.constructorArgs'), <code className="mono wrap">{c.constructorArgs || '—'}</code>],
        ]}
      />
      <div className="tabs" role="tablist">
        {sections.map((s) => (
          <button key={s} role="tab" aria-selected={section === s} className={section === s ? 'active' : ''} onClick={() => setSection(s)} data-testid={`contract-tab-${s}`}>
            {t(`contract.section.${s}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {section === 'source' && (
          <Suspense fallback={<SkeletonRows rows={6} />}>
            {c.sources.map((s) => <SourceView key={s.path} path={s.path} content={s.content} />)}
          </Suspense>
        )}
        {section === 'abi' && <pre className="code" data-testid="contract-abi" tabIndex={0}>{JSON.stringify(JSON.parse(c.abi), null, 2)}</pre>}
        {section === 'settings' && <pre className="code" data-testid="contract-settings" tabIndex={0}>{JSON.stringify(JSON.parse(c.settings), null, 2)}</pre>}
        {section === 'read' && <ReadFunctions address={address} abi={JSON.parse(c.abi)} available={readsAvailable} />}
      </div>
    </Card>
  );
}
