import { cloneElement, createContext, useContext, useEffect, useRef, useState, type ReactElement, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { ResponsiveContainer } from 'recharts';
import { PngButton } from './Export';

/** A chart panel: title, export actions (CSV / PNG / Embed) and the chart body. */
export function ChartCard({ title, actions, children, testId, hint, className }: {
  title: string;
  actions: (body: RefObject<HTMLDivElement | null>) => ReactNode;
  children: ReactNode;
  testId?: string;
  hint?: string;
  className?: string;
}) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <section className={`card al-chart${className ? ' ' + className : ''}`} data-testid={testId}>
      <header className="card-head">
        <h2 className="card-title">{title}</h2>
        <div className="card-actions al-actions">{actions(body)}</div>
      </header>
      <div className="card-body al-chart-body" ref={body}>
        {children}
      </div>
      {hint && <p className="muted al-hint no-print">{hint}</p>}
    </section>
  );
}

export { PngButton };

export interface ChartColors {
  c1: string;
  c2: string;
  c3: string;
  c4: string;
  grid: string;
  muted: string;
  text: string;
  bad: string;
  surface: string;
}

function readColors(): ChartColors {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    c1: v('--chart-1', '#c2410c'),
    c2: v('--chart-2', '#0b5cad'),
    c3: v('--chart-3', '#137333'),
    c4: v('--chart-4', '#7c3aed'),
    grid: v('--chart-grid', '#e3e6ea'),
    muted: v('--muted', '#5b6270'),
    text: v('--text', '#16181d'),
    bad: v('--bad', '#b3261e'),
    surface: v('--surface', '#ffffff'),
  };
}

/** Theme colours from the CSS variables, re-read when <html data-theme> changes. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const mo = new MutationObserver(() => setColors(readColors()));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return colors;
}

/** Width of a chart column on A4 portrait (186 mm printable, two columns, card padding). */
export const PRINT_CHART_WIDTH = 330;

const PrintingContext = createContext(false);

/**
 * Tracks printing: `beforeprint` fires before Chromium lays out the printout (window.print()
 * and page.pdf() alike), and flushSync re-renders the charts at their A4 column width before
 * the print layout is taken. recharts does not re-measure for print by itself.
 */
export function PrintingProvider({ children }: { children: ReactNode }) {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return <PrintingContext.Provider value={printing}>{children}</PrintingContext.Provider>;
}

/** A recharts chart, responsive on screen, fixed to its A4 column when printing. */
export function ChartBox({ height, children }: { height: number; children: ReactElement<{ width?: number; height?: number }> }) {
  const printing = useContext(PrintingContext);
  if (printing) return cloneElement(children, { width: PRINT_CHART_WIDTH, height: Math.round(height * 0.8) });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
