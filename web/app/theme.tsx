// Theme: light | dark | system. ?theme= overrides (not persisted); else the stored choice;
// else the OS preference. The resolved theme goes on <html data-theme>, which the CSS
// variables in styles/base.css key off. index.html applies it before first paint.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readPreference, rememberPreference } from '../lib/preference';

export type ThemePref = 'light' | 'dark' | 'system';
const STORAGE_KEY = 'yuscan.theme';

function parse(v: string | null | undefined): ThemePref | undefined {
  return v === 'light' || v === 'dark' || v === 'system' ? v : undefined;
}

function initialPref(): ThemePref {
  return readPreference('theme', STORAGE_KEY, parse) ?? 'system';
}

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

interface ThemeState {
  pref: ThemePref;
  resolved: 'light' | 'dark';
  setPref(p: ThemePref): void;
}
const ThemeContext = createContext<ThemeState | null>(null);

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [pref, setPrefState] = useState<ThemePref>(initialPref);
  const [systemDark, setSystemDark] = useState(() => media().matches);

  useEffect(() => {
    const m = media();
    const on = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);

  const resolved = pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);

  const setPref = useCallback((p: ThemePref) => {
    setPrefState(p);
    rememberPreference('theme', STORAGE_KEY, p);
  }, []);

  const value = useMemo(() => ({ pref, resolved, setPref }), [pref, resolved, setPref]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const ctx = useContext(ThemeContext);
  if (!ctx) throw new Error('useTheme outside ThemeProvider');
  return ctx;
}
