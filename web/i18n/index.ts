// i18n: react-i18next with one JSON file per (language, namespace) under ./locales.
//
// - `common` is bundled into the initial chunk (header, footer, states, formats).
// - Every other namespace (explorer, alliance, ...) is its own lazy chunk, loaded the first
//   time a component calls useTranslation('<ns>'). To add a namespace, drop
//   locales/en/<ns>.json and locales/zh-CN/<ns>.json: nothing to register.
//
// Language: ?lang= overrides (not persisted), then the toggle's choice (localStorage),
// then the browser's languages; fallback en.
import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, rememberPreference } from '../lib/preference';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'yuscan.lang';

const eager = import.meta.glob<Record<string, unknown>>('./locales/*/common.json', {
  eager: true,
  import: 'default',
});
const lazy = import.meta.glob<Record<string, unknown>>(['./locales/*/*.json', '!./locales/*/common.json'], {
  import: 'default',
});

/** Maps any BCP-47 tag to one of ours ('zh', 'zh-Hans-CN', 'zh-TW' -> zh-CN; else en). */
export function normalizeLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

export function detectLanguage(): Language {
  const chosen = readPreference('lang', STORAGE_KEY, normalizeLanguage);
  if (chosen) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = normalizeLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** The toggle: switch, remember, and drop a ?lang= that would otherwise win on reload. */
export function chooseLanguage(lang: Language): void {
  rememberPreference('lang', STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = lazy[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (data) => callback(null, data as never),
      (err: unknown) => callback(err as Error, null),
    );
  },
};

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, data] of Object.entries(eager)) {
  const m = /\.\/locales\/([^/]+)\/common\.json$/.exec(path);
  if (m) (resources[m[1]!] ??= {}).common = data;
}

export const i18nReady = i18n
  .use(lazyBackend)
  .use(initReactI18next)
  .init({
    lng: detectLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: ['common'],
    defaultNS: 'common',
    partialBundledLanguages: true,
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

function syncDocument(lang: string) {
  document.documentElement.lang = lang;
}
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

export default i18n;
