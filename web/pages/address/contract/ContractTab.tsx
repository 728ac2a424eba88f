// The Contract tab of an address page, its own lazy chunk (loaded only when the tab opens):
// verified or not and how fully, then either the verified contract (Code: source files,
// highlighted by a further lazy chunk, ABI and compiler settings; Read contract: its view and
// pure functions; Write contract: the others, sent from the browser wallet) or, for an
// unverified one, the form that verifies it from the browser. A proxy adds Read as proxy and
// Write as proxy: its implementation's verified functions, called at or sent to its address.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { KeyValue } from '../../../components/Card';
import { CopyButton, Hash } from '../../../components/Hash';
import { EmptyState, ErrorState, SkeletonRows } from '../../../components/states';
import { Tabs, useTab } from '../../../components/Tabs';
import { useResource, resourceKey } from '../../../lib/hooks';
import { useFormat } from '../../../lib/format';
import { urls } from '../../../lib/urls';
import type { ContractQuery } from '../../../generated/graphql';
import { ReadFunctions } from './ReadFunctions';
import { WriteFunctions } from './WriteFunctions';
import type { AbiFn } from './AbiFields';
import { VerifyForm } from './VerifyForm';
import './resources';
import '../../../styles/contract.css';

const SourceView = lazy(() => import('./SourceView'));
const VIEWS = ['code', 'read', 'write', 'proxy', 'proxyWrite'] as const;
const PROXY_VIEWS: readonly View[] = ['proxy', 'proxyWrite'];
type View = (typeof VIEWS)[number];
type Verified = NonNullable<NonNullable<ContractQuery['account']>['contract']>;
type ProxyInfo = NonNullable<NonNullable<ContractQuery['account']>['proxy']>;

/**
 * Read or Write as proxy: what the proxy runs (unless `info` is off, where another section
 * already says it), and the implementation's functions at the proxy's address.
 */
function ProxyFunctions({ address, proxy, readsAvailable, write = false, info = true }: { address: string; proxy: ProxyInfo; readsAvailable: boolean; write?: boolean; info?: boolean }) {
  const { t } = useTranslation('explorer');
  const impl = proxy.implementation;
  const q = useResource('implementationAbi', { address: impl ?? '' }, { enabled: !!impl });
  const contract = q.data?.account?.contract;
  return (
    <div data-testid={write ? 'contract-proxy-write' : 'contract-proxy'}>
      {info && (
        <KeyValue
          rows={[
            [t('contract.proxyTitle'), t(`contract.proxyKind.${proxy.kind}`), 'proxy-kind'],
            impl ? [t('contract.proxyImplementation'), <Hash value={impl} to={urls.address(impl)} full testId="proxy-implementation" />] : false,
            !!proxy.beacon && [t('contract.proxyBeacon'), <Hash value={proxy.beacon} to={urls.address(proxy.beacon)} full />],
          ]}
        />
      )}
      {!impl ? (
        <p className="notice">{t('contract.proxyUnknownImpl')}</p>
      ) : q.error && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <SkeletonRows rows={3} />
      ) : contract ? (
        <>
          <p className="muted small">{t('contract.proxyNote')}</p>
          {write ? (
            <WriteFunctions address={address} abi={parse<AbiFn[]>(contract.abi, [])} />
          ) : (
            <ReadFunctions address={address} abi={parse<AbiFn[]>(contract.abi, [])} available={readsAvailable} abiFrom={impl} />
          )}
        </>
      ) : (
        <p className="notice" data-testid="proxy-impl-unverified">{t('contract.proxyImplNotVerified')}</p>
      )}
    </div>
  );
}

interface Settings {
  optimizer?: { enabled?: boolean; runs?: number };
  evmVersion?: string;
  viaIR?: boolean;
}

/** JSON the server stored; a value that does not parse shows as its text rather than breaking the tab. */
function parse<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

function pretty(json: string): string {
  const v = parse<unknown>(json, undefined);
  return v === undefined ? json : JSON.stringify(v, null, 2);
}

/** A titled block of the Code view with a copy button. */
function Section({ title, copy, children, testId }: { title: ReactNode; copy?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="contract-section" data-testid={testId}>
      <div className="contract-section-head">
        <h3>{title}</h3>
        {copy !== undefined && <CopyButton value={copy} />}
      </div>
      {children}
    </section>
  );
}

function VerifiedContract({ address, c, proxy, readsAvailable }: { address: string; c: Verified; proxy: ProxyInfo | null; readsAvailable: boolean }) {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const views = proxy ? VIEWS : VIEWS.filter((v) => !PROXY_VIEWS.includes(v));
  const [view, select] = useTab<View>(views, 'view');
  const settings = parse<Settings>(c.settings, {});
  const abi = parse<AbiFn[]>(c.abi, []);
  const full = c.matchKind === 'FULL';
  const runs = settings.optimizer?.runs ?? 200;
  return (
    <>
      <p className="contract-status">
        <span className="badge badge-ok" data-testid="contract-status">{t('contract.verified')}</span>
        <span className={`badge ${full ? 'badge-ok' : 'badge-warn'}`} data-testid="contract-match" title={t(`contract.matchHint.${c.matchKind}`)}>
          {t(`contract.match.${c.matchKind}`)}
        </span>
      </p>
      <KeyValue
        rows={[
          [t('contract.name'), <span className="mono wrap-any" title={c.fullyQualifiedName}>{c.name}</span>, 'contract-name'],
          [t('contract.compiler'), <span className="mono wrap-any">{c.compilerVersion}</span>, 'contract-compiler'],
          [
            t('contract.optimization'),
            settings.optimizer?.enabled ? t('contract.optimizedRuns', { runs: f.number(runs) }) : t('contract.notOptimized'),
            'contract-optimization',
          ],
          [t('contract.evmVersion'), settings.evmVersion ?? t('contract.evmDefault')],
          !!c.license && [t('contract.license'), c.license],
          [t('contract.verifiedAt'), f.dateTime(c.verifiedAt)],
        ]}
      />
      <Tabs tabs={views.map((id) => ({ id, label: t(`contract.view.${id}`) }))} selected={view} onSelect={select} label={t('contract.viewsLabel')} idPrefix="contract">
        {view === 'code' ? (
          <>
            <Section title={t('contract.sourceFiles', { count: c.sources.length })} testId="contract-sources">
              <Suspense fallback={<SkeletonRows rows={8} />}>
                {c.sources.map((s, i) => (
                  <SourceView key={s.path} path={s.path} content={s.content} index={i + 1} total={c.sources.length} />
                ))}
              </Suspense>
            </Section>
            <Section title={t('contract.abi')} copy={c.abi}>
              <pre className="code code-box" data-testid="contract-abi" tabIndex={0}>{pretty(c.abi)}</pre>
            </Section>
            <Section title={t('contract.settings')} copy={c.settings}>
              <pre className="code code-box" data-testid="contract-settings" tabIndex={0}>{pretty(c.settings)}</pre>
            </Section>
            <Section title={t('contract.constructorArgs')} copy={c.constructorArgs || undefined}>
              {c.constructorArgs ? (
                <pre className="code code-box code-wrap" data-testid="contract-args" tabIndex={0}>{c.constructorArgs}</pre>
              ) : (
                <p className="muted">{t('contract.noConstructorArgs')}</p>
              )}
            </Section>
          </>
        ) : view === 'write' ? (
          <WriteFunctions address={address} abi={abi} />
        ) : view === 'read' || !proxy ? (
          <ReadFunctions address={address} abi={abi} available={readsAvailable} />
        ) : (
          <ProxyFunctions address={address} proxy={proxy} readsAvailable={readsAvailable} write={view === 'proxyWrite'} />
        )}
      </Tabs>
    </>
  );
}

export default function ContractTab({ address }: { address: string }) {
  const { t } = useTranslation('explorer');
  const client = useQueryClient();
  const q = useResource('contract', { address });
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <SkeletonRows rows={6} />;
  const c = q.data.account?.contract;
  const proxy = q.data.account?.proxy ?? null;
  const { compilers, readsAvailable } = q.data.verification;
  if (c) {
    return (
      <div className="contract" data-testid="contract">
        <VerifiedContract address={address} c={c} proxy={proxy} readsAvailable={readsAvailable} />
      </div>
    );
  }
  const refresh = () => void client.invalidateQueries({ queryKey: resourceKey('contract', { address }) });
  return (
    <div className="contract" data-testid="contract">
      <p className="contract-status">
        <span className="badge badge-warn" data-testid="contract-status">{t('contract.notVerified')}</span>
      </p>
      <p>{t('contract.notVerifiedText')}</p>
      {proxy && (
        <>
          <Section title={t('contract.view.proxy')} testId="contract-proxy-section">
            <ProxyFunctions address={address} proxy={proxy} readsAvailable={readsAvailable} />
          </Section>
          <Section title={t('contract.view.proxyWrite')} testId="contract-proxy-write-section">
            <ProxyFunctions address={address} proxy={proxy} readsAvailable={readsAvailable} write info={false} />
          </Section>
        </>
      )}
      <Section title={t('contract.verifyTitle')}>
        {compilers.length === 0 ? (
          <EmptyState title={t('contract.noCompilers')} />
        ) : (
          <VerifyForm address={address} compilers={compilers} onVerified={refresh} />
        )}
      </Section>
    </div>
  );
}
