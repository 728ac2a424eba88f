// The "Embed" dialog: options as controls, a live preview (the real embed in an iframe)
// and the <iframe> snippet to copy.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../lib/kpi';
import { EMBED_INTERVALS, EMBED_RANGES, embedPath, iframeSnippet, type EmbedOptions, type EmbedView } from '../../embed/params';

export function EmbedButton(props: { kpi: KpiId; view: EmbedView; title: string; period?: string; interval?: string }) {
  const { t } = useTranslation('alliance');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-ghost btn-sm no-print" title={t('export.embedTitle')} onClick={() => setOpen(true)} data-testid={`embed-${props.kpi}-${props.view}`}>
        {t('export.embed')}
      </button>
      {open && <EmbedDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

function EmbedDialog({ kpi, view, title, period, interval, onClose }: { kpi: KpiId; view: EmbedView; title: string; period?: string; interval?: string; onClose(): void }) {
  const { t, i18n } = useTranslation('alliance');
  const ref = useRef<HTMLDialogElement>(null);
  const [opts, setOpts] = useState<EmbedOptions>({
    lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
    theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
    range: 'period',
    interval: (EMBED_INTERVALS as readonly string[]).includes(interval ?? '') ? (interval as EmbedOptions['interval']) : 'MONTH',
    view,
    period,
  });
  const [height, setHeight] = useState(380);
  const [copied, setCopied] = useState(false);
  const path = embedPath({ kind: 'kpi', kpi }, opts);
  const code = useMemo(() => iframeSnippet(location.origin, path, title, height), [path, title, height]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const onMsg = (e: MessageEvent) => {
      if (e.origin === location.origin && e.data?.type === 'yuscan:resize' && typeof e.data.height === 'number') setHeight(Math.ceil(e.data.height));
    };
    window.addEventListener('message', onMsg);
    return () => window.removeEventListener('message', onMsg);
  }, []);

  const set = <K extends keyof EmbedOptions>(k: K, v: EmbedOptions[K]) => setOpts((o) => ({ ...o, [k]: v }));
  return (
    <dialog ref={ref} className="al-dialog al-embed-dialog" onClose={onClose} aria-labelledby="embed-title" data-testid="embed-dialog">
      <header className="al-dialog-head">
        <h2 id="embed-title">{t('embedDialog.title')}: {title}</h2>
        <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
          {t('embedDialog.close')}
        </button>
      </header>
      <div className="al-embed-controls">
        <label>
          {t('embedDialog.language')}
          <select value={opts.lang} onChange={(e) => set('lang', e.target.value as EmbedOptions['lang'])}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('embedDialog.theme')}
          <select value={opts.theme} onChange={(e) => set('theme', e.target.value as EmbedOptions['theme'])}>
            <option value="light">{t('embedDialog.light')}</option>
            <option value="dark">{t('embedDialog.dark')}</option>
          </select>
        </label>
        <label>
          {t('embedDialog.range')}
          <select value={opts.range} onChange={(e) => set('range', e.target.value as EmbedOptions['range'])}>
            {EMBED_RANGES.map((r) => (
              <option key={r} value={r}>
                {t(`range.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {view === 'cumulative' && (
          <label>
            {t('embedDialog.interval')}
            <select value={opts.interval} onChange={(e) => set('interval', e.target.value as EmbedOptions['interval'])}>
              {EMBED_INTERVALS.map((r) => (
                <option key={r} value={r}>
                  {t(`interval.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <h3>{t('embedDialog.preview')}</h3>
      <iframe className="al-embed-preview" src={path} title={title} loading="lazy" style={{ width: '100%', border: 0, height }} />
      <h3>{t('embedDialog.code')}</h3>
      <p className="muted">{t('embedDialog.help')}</p>
      <textarea className="al-embed-code" readOnly value={code} rows={3} data-testid="embed-code" onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        className="btn btn-primary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(code);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          } catch {
            /* insecure context: the textarea can still be copied by hand */
          }
        }}
      >
        {copied ? t('embedDialog.copied') : t('embedDialog.copy')}
      </button>
    </dialog>
  );
}
