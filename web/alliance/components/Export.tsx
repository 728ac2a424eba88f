// Export buttons shared by every chart and table: CSV, PNG, Embed.
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { csvBlob } from '../lib/csv';
import { downloadBlob, mainSvg, svgToPng } from '../lib/download';

export function CsvButton({ filename, build, testId }: { filename: string; build: () => string | Promise<string>; testId?: string }) {
  const { t } = useTranslation('alliance');
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm no-print"
      title={t('export.csvTitle')}
      data-testid={testId}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          downloadBlob(csvBlob(await build()), filename);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export.csv')}
    </button>
  );
}

export function PngButton({ filename, target }: { filename: string; target: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('alliance');
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm no-print"
      title={t('export.pngTitle')}
      onClick={async () => {
        const svg = mainSvg(target.current);
        if (!svg) return;
        const bg = getComputedStyle(target.current!).getPropertyValue('--surface').trim() || '#ffffff';
        downloadBlob(await svgToPng(svg, { background: bg }), filename);
      }}
    >
      {t('export.png')}
    </button>
  );
}
