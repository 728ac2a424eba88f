import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/states';

/** Error boundary for the layout: a crashed page or a chunk that failed to load. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main className="container main">
        <h1>{t('notFound.title')}</h1>
        <Link to="/">{t('notFound.home')}</Link>
      </main>
    );
  }
  // A stale chunk after a deploy: a reload fetches the new manifest.
  const chunk = error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <main className="container main">
      <ErrorState error={error} onRetry={() => (chunk ? location.reload() : history.back())} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}
