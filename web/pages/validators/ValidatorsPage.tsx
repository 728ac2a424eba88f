// /validators: who seals the chain, which member runs each node, and whether it keeps up.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { AddressLabel } from '../../components/Hash';
import { Pagination, useCursor } from '../../components/Pagination';
import { EmptyState, ErrorState, ListState, SkeletonRows } from '../../components/states';
import { useLiveResource, useResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import { memberName } from '../../lib/members';
import type { ValidatorStatus } from '../../generated/graphql';
import './resources';
import type { ValidatorNode } from './resources';

const STATUS_BADGE: Record<ValidatorStatus, string> = { ACTIVE: 'badge badge-ok', LATE: 'badge', OFFLINE: 'badge badge-bad' };

export function StatusBadge({ status }: { status: ValidatorStatus }) {
  const { t } = useTranslation('validators');
  return (
    <span className={STATUS_BADGE[status]} data-testid="validator-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

function ValidatorTable({ rows }: { rows: ValidatorNode[] }) {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const share = (r: number) => f.percent(r, 1);
  return (
    <div className="table-wrap">
      <table className="data stack" data-testid="validator-table">
        <thead>
          <tr>
            <th>{t('col.node')}</th>
            <th>{t('col.member')}</th>
            <th className="num">{t('col.day')}</th>
            <th className="num">{t('col.week')}</th>
            <th className="num">{t('col.all')}</th>
            <th className="num">{t('col.share')}</th>
            <th>{t('col.last')}</th>
            <th>{t('col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.address} data-testid="validator-row" data-address={v.address}>
              <td data-label={t('col.node')}>
                <div>{v.nodeLabel ?? <span className="muted">{t('unregistered')}</span>}</div>
                <AddressLabel address={v.address} />
                {v.member && !v.registered ? <span className="badge"> {t('retired')}</span> : null}
              </td>
              <td data-label={t('col.member')} data-testid="validator-member">
                {v.member ? <Link to={`/member/${v.member.address}`}>{memberName(v.member, f.lang)}</Link> : '—'}
              </td>
              <td data-label={t('col.day')} className="num">
                {f.number(v.blocks24h)} <span className="muted">({share(v.share24h)})</span>
              </td>
              <td data-label={t('col.week')} className="num">
                {f.number(v.blocks7d)} <span className="muted">({share(v.share7d)})</span>
              </td>
              <td data-label={t('col.all')} className="num">
                {f.number(v.blocksSealed)}
              </td>
              <td data-label={t('col.share')} className="num">
                {share(v.share)}
              </td>
              <td data-label={t('col.last')}>
                <Link to={`/block/${v.lastSealedBlock}`}>{f.number(v.lastSealedBlock)}</Link>{' '}
                <span className="muted" title={f.dateTime(v.lastSealedAt)}>
                  {f.relative(v.lastSealedAt)}
                </span>
              </td>
              <td data-label={t('col.status')}>
                <StatusBadge status={v.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SetHistory() {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const q = useResource('validatorHistory', {});
  if (q.error && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <SkeletonRows rows={3} />;
  const { validatorSetChanges: changes, validatorVotes: votes } = q.data;
  if (changes.length === 0 && votes.length === 0) return <EmptyState title={t('sets.empty')} />;
  return (
    <ul className="plain-list" data-testid="validator-sets">
      {changes.map((c) => (
        <li key={c.blockNumber}>
          <Link to={`/block/${c.blockNumber}`}>{t('sets.block', { block: f.number(c.blockNumber) })}</Link>: {t('sets.count', { count: c.validators.length })}
          {c.added.length > 0 && ` · ${t('sets.added')}: ${c.added.length}`}
          {c.removed.length > 0 && ` · ${t('sets.removed')}: ${c.removed.map((a) => a.slice(0, 10)).join(', ')}`}
        </li>
      ))}
      {votes.map((vote) => (
        <li key={`vote-${vote.blockNumber}`}>
          {t('votes.title')} <Link to={`/block/${vote.blockNumber}`}>{f.number(vote.blockNumber)}</Link>: {vote.add ? t('votes.add') : t('votes.drop')}{' '}
          <AddressLabel address={vote.candidate} />
        </li>
      ))}
    </ul>
  );
}

export default function ValidatorsPage() {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const cursor = useCursor();
  const q = useLiveResource('validators', { first: 50, after: cursor.after }, cursor.isFirst ? {} : { refetchInterval: false });
  const list = q.data?.validators;
  const scheme = q.data?.status.sealScheme;
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <Card testId="validators-summary">
        {list ? (
          <>
            <p data-testid="validators-active" data-active={list.activeCount} data-total={list.totalCount}>
              <strong>{t('summary', { active: f.number(list.activeCount), total: f.number(list.totalCount) })}</strong>
            </p>
            <p>
              {t('scheme.label')}: <span data-testid="seal-scheme">{t(`scheme.${scheme ?? 'unknown'}`)}</span>
            </p>
            <p className="muted">{t('rule', { turn: f.number(list.setSize), n: f.number(list.offlineAfterTurns) })}</p>
            {list.head > 0 && <p className="muted">{t('asOf', { block: f.number(list.head), time: f.dateTime(list.headTime) })}</p>}
          </>
        ) : q.error ? null : (
          <SkeletonRows rows={2} />
        )}
      </Card>
      <Card>
        <ListState query={q} items={list?.edges.map((e) => e.node)} empty={t('empty')}>
          {(rows) => <ValidatorTable rows={rows} />}
        </ListState>
        <Pagination pageInfo={list?.pageInfo} cursor={cursor} />
      </Card>
      <Card title={t('sets.title')}>
        <SetHistory />
      </Card>
    </>
  );
}
