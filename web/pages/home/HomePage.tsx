import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { AddressLabel, Hash } from '../../components/Hash';
import { ListState, Skeleton, SkeletonRows } from '../../components/states';
import { SearchBox } from '../../app/Layout';
import { useLiveResource, useResource, useStatus } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import type { BlockSummary } from '../../lib/resources';
import { MethodBadge } from '../transaction/TxTable';
import { urls } from '../../lib/urls';
import { useActiveValidatorsCard } from '../validators/ActiveValidatorsCard';
import { AddToWallet } from './AddToWallet';

const FEED = 10;

function StatCard({ label, value, sub, testId, raw }: { label: string; value: React.ReactNode; sub?: React.ReactNode; testId: string; raw?: string | number }) {
  return (
    <div className="stat-card" data-testid={testId} data-value={raw}>
      <p className="stat-label">{label}</p>
      <p className="stat-value">{value ?? <Skeleton width="6ch" />}</p>
      {sub && <p className="stat-sub">{sub}</p>}
    </div>
  );
}

/** Mean seconds between consecutive blocks of a newest-first list. */
function averageBlockTime(blocks: BlockSummary[]): number | undefined {
  if (blocks.length < 2) return undefined;
  const first = blocks[blocks.length - 1]!;
  const last = blocks[0]!;
  return (last.timestamp - first.timestamp) / (last.number - first.number);
}

/** Remembers which keys were already shown so new rows can flash once. */
function useSeen(keys: string[] | undefined) {
  const seen = useRef<Set<string> | null>(null);
  const fresh = new Set<string>();
  if (keys && seen.current) for (const k of keys) if (!seen.current.has(k)) fresh.add(k);
  useEffect(() => {
    if (keys) seen.current = new Set([...(seen.current ?? []), ...keys]);
  }, [keys]);
  return fresh;
}

function LatestBlocks() {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const q = useLiveResource('blocks', { first: FEED });
  const blocks = q.data?.blocks.edges.map((e) => e.node);
  const fresh = useSeen(blocks?.map((b) => b.hash));
  return (
    <Card title={t('home.latestBlocks')} actions={<Link to="/blocks">{t('home.viewAllBlocks')} →</Link>} testId="latest-blocks">
      <ListState query={q} items={blocks} empty={t('blocks.empty')} skeletonRows={FEED}>
        {(rows) => (
          <ul className="feed" data-testid="latest-blocks-list">
            {rows.map((b) => (
              <li key={b.hash} className={fresh.has(b.hash) ? 'feed-new' : undefined} data-testid="latest-block-row" data-number={b.number}>
                <div className="feed-main">
                  <Link to={urls.block(b.number)} className="feed-title">
                    #{f.number(b.number)}
                  </Link>
                  <span className="muted" title={f.dateTime(b.timestamp)}>
                    {f.relative(b.timestamp)}
                  </span>
                </div>
                <div className="feed-side">
                  <span>{t('home.txCount', { count: b.txCount, formatted: f.number(b.txCount) })}</span>
                  <Hash value={b.hash} copy={false} className="muted" />
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </Card>
  );
}

function LatestTransactions() {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const q = useLiveResource('transactions', { first: FEED });
  const txs = q.data?.transactions.edges.map((e) => e.node);
  const fresh = useSeen(txs?.map((x) => x.hash));
  return (
    <Card title={t('home.latestTxs')} actions={<Link to="/txs">{t('home.viewAllTxs')} →</Link>} testId="latest-txs">
      <ListState query={q} items={txs} empty={t('txs.empty')} skeletonRows={FEED}>
        {(rows) => (
          <ul className="feed" data-testid="latest-txs-list">
            {rows.map((x) => (
              <li key={x.hash} className={fresh.has(x.hash) ? 'feed-new' : undefined} data-testid="latest-tx-row">
                <div className="feed-main">
                  <Hash value={x.hash} to={urls.tx(x.hash)} copy={false} />
                  <span className="muted">
                    <AddressLabel address={x.from} name={memberName(x.fromMember, f.lang)} />
                    {' → '}
                    {x.to ? <AddressLabel address={x.to} name={memberName(x.toMember, f.lang)} /> : '—'}
                  </span>
                </div>
                <div className="feed-side">
                  <MethodBadge tx={x} />
                  <span className="muted" title={f.dateTime(x.timestamp)}>
                    {f.relative(x.timestamp)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </Card>
  );
}

function Headline() {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const status = useStatus().data?.status;
  const headline = useLiveResource('headline', {}).data;
  const blocks = useLiveResource('blocks', { first: FEED }).data?.blocks.edges.map((e) => e.node);
  const avg = blocks ? averageBlockTime(blocks) : undefined;
  const totalTxs = headline?.txTotals.reduce((s, p) => s + p.value, 0);
  const validators = useActiveValidatorsCard();
  return (
    <div className="stat-cards">
      <StatCard
        testId="stat-latest-block"
        raw={status?.indexedHead}
        label={t('home.latestBlock')}
        value={status && <Link to={urls.block(status.indexedHead)}>#{f.number(status.indexedHead)}</Link>}
        sub={status?.latestBlockTime != null && t('home.indexedAt', { time: f.relative(status.latestBlockTime) })}
      />
      <StatCard testId="stat-total-txs" raw={totalTxs} label={t('home.totalTxs')} value={totalTxs != null && f.number(totalTxs)} sub={t('home.txsSub')} />
      <StatCard
        testId="stat-avg-block-time"
        label={t('home.avgBlockTime')}
        value={avg != null && f.seconds(avg)}
        sub={blocks && t('home.avgOver', { count: blocks.length })}
      />
      <StatCard
        testId="stat-members"
        raw={headline?.alliance.memberCount}
        label={t('home.members')}
        value={headline && <Link to="/members">{f.number(headline.alliance.memberCount)}</Link>}
        sub={t('home.membersSub')}
      />
      <StatCard {...validators} />
    </div>
  );
}

function KpiTeaser() {
  const { t } = useTranslation('explorer');
  const f = useFormat();
  const q = useResource('kpiTeaser', {}, { staleTime: 60_000 });
  const kpis = q.data?.kpis;
  if (q.error || (kpis && kpis.length === 0)) return null;
  const show = (id: string, v: string) => (id === 'OUTPUT_VALUE' ? f.cny(v, true) : f.number(v));
  return (
    <Card title={t('home.kpiTitle')} actions={<Link to="/alliance">{t('home.kpiLink')} →</Link>} testId="kpi-teaser">
      {!kpis ? (
        <SkeletonRows rows={2} />
      ) : (
        <div className="teaser">
          {kpis.map((k) => (
            <Link to="/alliance" key={k.id} className="teaser-item">
              <span className="stat-label">{t(`kpi.${k.id}`)}</span>
              <span className="stat-value">{show(k.id, k.current)}</span>
              <span className="stat-sub">
                {t('home.kpiOf', { target: show(k.id, k.target) })} · {f.percent(k.progress, 0)} · {t(`kpi.status.${k.status}`)}
              </span>
              <span className="progress" aria-hidden="true">
                <span style={{ width: `${Math.min(100, k.progress * 100)}%` }} />
              </span>
            </Link>
          ))}
        </div>
      )}
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation('explorer');
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.subtitle')}</p>
        <SearchBox large />
        <AddToWallet />
      </section>
      <Headline />
      <div className="grid-2">
        <LatestBlocks />
        <LatestTransactions />
      </div>
      <div style={{ marginTop: '1rem' }}>
        <KpiTeaser />
      </div>
    </>
  );
}
