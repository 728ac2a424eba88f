// Home page figure: how many validators are sealing on schedule right now. A hook giving the
// home page's StatCard its props, so the card keeps the home page's look.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveResource } from '../../lib/hooks';
import { useFormat } from '../../lib/format';
import './resources';

export function useActiveValidatorsCard() {
  const { t } = useTranslation('validators');
  const f = useFormat();
  const q = useLiveResource('activeValidators', {});
  const d = q.data;
  return {
    testId: 'stat-active-validators',
    raw: d?.status.activeValidators,
    label: t('home.active'),
    value: q.error && !d ? '—' : d && <Link to="/validators">{f.number(d.status.activeValidators)}</Link>,
    sub: d && t('home.of', { total: f.number(d.validators.totalCount) }),
  };
}
