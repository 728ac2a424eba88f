import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEVNET_CHAIN_ID } from '../../config/constants';
import { chooseLanguage, type Language } from '../i18n';
import { useStatus } from '../lib/hooks';
import { useLive } from '../lib/live';
import { useTheme, type ThemePref } from './theme';
import { SkeletonRows } from '../components/states';
import { QuickSearch } from '../components/QuickSearch';

const NAV = [
  { to: '/blocks', key: 'nav.blocks' },
  { to: '/txs', key: 'nav.transactions' },
  { to: '/validators', key: 'nav.validators' },
  { to: '/tokens', key: 'nav.tokens' },
  { to: '/accounts', key: 'nav.accounts' },
  { to: '/alliance', key: 'nav.alliance' },
  { to: '/members', key: 'nav.members' },
  { to: '/stats', key: 'nav.stats' },
] as const;

// The search box (with suggestions) is shared by the header, home, search and 404 pages.
export const SearchBox = QuickSearch;

/** `/` focuses the most prominent search box on the page (the hero one on home). */
function useSlashFocus() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      const input =
        document.querySelector<HTMLInputElement>('[data-search-input="hero"]') ??
        document.querySelector<HTMLInputElement>('[data-search-input="header"]');
      if (input) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const next: Language = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="btn btn-ghost"
      data-testid="lang-toggle"
      lang={next}
      aria-label={t('lang.switchTo')}
      title={t('lang.switchTo')}
      onClick={() => chooseLanguage(next)}
    >
      {t('lang.other')}
    </button>
  );
}

function ThemeSelect() {
  const { t } = useTranslation();
  const { pref, setPref } = useTheme();
  return (
    <label className="theme-select">
      <span className="visually-hidden">{t('theme.label')}</span>
      <select value={pref} onChange={(e) => setPref(e.target.value as ThemePref)} data-testid="theme-select">
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  );
}

function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useStatus();
  const s = data?.status;
  if (!s || !(s.isDevnet || s.chainId === DEVNET_CHAIN_ID)) return null;
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <strong>{t('demo.banner')}</strong>
      <span className="demo-detail"> {t('demo.detail')}</span>
    </div>
  );
}

function LiveIndicator() {
  const { t } = useTranslation();
  const { mode } = useLive();
  return (
    <span className={`live live-${mode}`} data-testid="live-indicator" title={t(`live.${mode}Hint`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${mode}`)}
    </span>
  );
}

function Footer() {
  const { t } = useTranslation();
  const { data } = useStatus();
  const s = data?.status;
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>{t('footer.about')}</p>
        <p className="muted">
          {s ? t('footer.source', { block: s.indexedHead, chainId: s.chainId }) : t('footer.sourcePending')}
          {' · '}
          <a href="/graphql">{t('footer.api')}</a>
        </p>
      </div>
    </footer>
  );
}

/** Thin progress bar while a lazy route chunk loads. */
function RouteProgress() {
  const navigation = useNavigation();
  return navigation.state === 'loading' ? <div className="route-progress" aria-hidden="true" /> : null;
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useSlashFocus();
  useEffect(() => {
    setMenuOpen(false);
    window.scrollTo(0, 0);
  }, [location.pathname]);
  const isHome = location.pathname === '/';

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('a11y.skip')}
      </a>
      <RouteProgress />
      <DemoBanner />
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label={t('brand.home')}>
            <svg className="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="var(--brand)" />
              <path d="M9 8l7 9 7-9M16 17v8" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
            </svg>
            <span className="brand-text">
              <span className="brand-name">{t('brand.name')}</span>
              <span className="brand-sub">{t('brand.tagline')}</span>
            </span>
          </Link>
          <button
            type="button"
            className="btn btn-ghost menu-btn"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            aria-label={t('nav.menu')}
            title={t('nav.menu')}
            onClick={() => setMenuOpen((o) => !o)}
          >
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
          <nav id="main-nav" className={`main-nav${menuOpen ? ' open' : ''}`} aria-label={t('nav.label')}>
            {NAV.map((n) => (
              <NavLink key={n.to} to={n.to}>
                {t(n.key)}
              </NavLink>
            ))}
          </nav>
          <div className="header-tools">
            <LiveIndicator />
            <LanguageToggle />
            <ThemeSelect />
          </div>
        </div>
        {!isHome && (
          <div className="container header-search">
            <SearchBox />
          </div>
        )}
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        <Suspense fallback={<SkeletonRows rows={6} />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </div>
  );
}
