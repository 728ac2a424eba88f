import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../app/Layout';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="not-found" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.text', { path: pathname })}</p>
      <p>{t('notFound.search')}</p>
      <SearchBox />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
