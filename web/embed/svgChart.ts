// A tiny dependency-free SVG chart renderer for the embeds. recharts (with React) is
// ~190 KB gzip on its own, over the embed's 120 KB budget, so embeds draw their own SVG:
// line charts (cumulative + target + pace), vertical bars and horizontal bars.
// Pure functions returning markup strings, unit-tested in test/web-alliance-embed.test.ts.

export interface LineSeries {
  name: string;
  color: string;
  dash?: string;
  width?: number;
  values: ReadonlyArray<number | null>;
}

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  font: string;
}

export const LIGHT: ChartTheme = { text: '#1f2937', muted: '#6b7280', grid: '#e5e7eb', font: 'system-ui, sans-serif' };
export const DARK: ChartTheme = { text: '#e5e7eb', muted: '#9ca3af', grid: '#374151', font: 'system-ui, sans-serif' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 'Nice' axis ticks from 0 to at least max: steps of 1, 2 or 5 x 10^n. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Indices of at most `max` evenly spaced labels, always including the last. */
export function labelIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil(n / max);
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  if (out[out.length - 1] !== n - 1) {
    if (n - 1 - out[out.length - 1]! < step) out.pop();
    out.push(n - 1);
  }
  return out;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function frame(width: number, height: number, left = 56): Frame {
  return { width, height, left, right: 12, top: 12, bottom: 28 };
}

function yAxis(f: Frame, ticks: number[], top: number, fmt: (v: number) => string, theme: ChartTheme): string {
  const h = f.height - f.top - f.bottom;
  return ticks
    .map((t) => {
      const y = f.top + h - (t / top) * h;
      return (
        `<line x1="${f.left}" x2="${f.width - f.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="${theme.grid}"/>` +
        `<text x="${f.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="${theme.muted}" font-size="11">${escapeXml(fmt(t))}</text>`
      );
    })
    .join('');
}

export interface LineChartInput {
  width: number;
  height: number;
  labels: readonly string[];
  series: readonly LineSeries[];
  /** A horizontal reference line, e.g. the target. */
  reference?: { value: number; label: string; color: string };
  formatY: (v: number) => string;
  theme: ChartTheme;
  title: string;
}

export function lineChartSvg(input: LineChartInput): string {
  const { width, height, labels, series, reference, formatY, theme } = input;
  const f = frame(width, height);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(reference?.value ?? 0, ...all, 1);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  const n = Math.max(1, labels.length - 1);
  const x = (i: number) => f.left + (labels.length === 1 ? w / 2 : (i / n) * w);
  const y = (v: number) => f.top + h - (v / top) * h;
  let out = yAxis(f, ticks, top, formatY, theme);
  const textWidth = (l: string) => [...l].reduce((s, c) => s + (/[\u2e80-\uffff]/.test(c) ? 11 : 6.5), 0);
  const widest = Math.max(30, ...labels.map(textWidth));
  const shown = labelIndices(labels.length, Math.max(2, Math.floor(w / (widest + 24))));
  for (const i of shown) {
    const anchor = labels.length > 1 && i === labels.length - 1 ? 'end' : i === 0 && labels.length > 1 ? 'start' : 'middle';
    out += `<text x="${x(i).toFixed(1)}" y="${f.height - 8}" text-anchor="${anchor}" fill="${theme.muted}" font-size="11">${escapeXml(labels[i]!)}</text>`;
  }
  if (reference) {
    const ry = y(reference.value).toFixed(1);
    out += `<line x1="${f.left}" x2="${f.width - f.right}" y1="${ry}" y2="${ry}" stroke="${reference.color}" stroke-dasharray="6 4" stroke-width="1.5"/>`;
    out += `<text x="${f.width - f.right}" y="${(Number(ry) - 4).toFixed(1)}" text-anchor="end" fill="${reference.color}" font-size="11">${escapeXml(reference.label)}</text>`;
  }
  for (const s of series) {
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (d) {
      out += `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} data-series="${escapeXml(s.name)}"/>`;
    }
  }
  return svgShell(width, height, input.title, theme, out);
}

/** An HTML legend (swatch + name) for a chart's series. */
export function legendHtml(items: ReadonlyArray<{ name: string; color: string; dash?: boolean }>): string {
  return (
    `<ul class="legend">` +
    items
      .map(
        (i) =>
          `<li><svg width="18" height="8" aria-hidden="true"><line x1="0" x2="18" y1="4" y2="4" stroke="${i.color}" stroke-width="2"${i.dash ? ' stroke-dasharray="4 3"' : ''}/></svg>${escapeXml(i.name)}</li>`,
      )
      .join('') +
    `</ul>`
  );
}

export interface BarChartInput {
  width: number;
  height: number;
  bars: ReadonlyArray<{ label: string; value: number; color?: string }>;
  formatY: (v: number) => string;
  theme: ChartTheme;
  color: string;
  title: string;
  /** Horizontal bars with the labels on the left (breakdowns); default vertical. */
  horizontal?: boolean;
}

export function barChartSvg(input: BarChartInput): string {
  const { width, bars, formatY, theme, color } = input;
  if (input.horizontal) {
    const rowH = 24;
    const labelW = Math.min(180, Math.round(width * 0.38));
    const height = bars.length * rowH + 8;
    const max = Math.max(1, ...bars.map((b) => b.value));
    const valueW = 72;
    const w = Math.max(10, width - labelW - valueW - 8);
    let out = '';
    bars.forEach((b, i) => {
      const y = 4 + i * rowH;
      const bw = Math.max(b.value > 0 ? 1 : 0, (b.value / max) * w);
      out +=
        `<text x="${labelW - 6}" y="${y + 16}" text-anchor="end" fill="${theme.text}" font-size="12">${escapeXml(truncate(b.label, Math.max(8, Math.floor(labelW / (/[\u4e00-\u9fff]/.test(b.label) ? 12.5 : 7.2)))))}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${bw.toFixed(1)}" height="${rowH - 8}" rx="2" fill="${b.color ?? color}"/>` +
        `<text x="${(labelW + bw + 4).toFixed(1)}" y="${y + 16}" fill="${theme.muted}" font-size="11">${escapeXml(formatY(b.value))}</text>`;
    });
    return svgShell(width, height, input.title, theme, out);
  }
  const f = frame(width, input.height);
  const ticks = niceTicks(Math.max(1, ...bars.map((b) => b.value)));
  const top = ticks[ticks.length - 1]!;
  const w = f.width - f.left - f.right;
  const h = f.height - f.top - f.bottom;
  const slot = w / Math.max(1, bars.length);
  const bw = Math.max(1, slot * 0.7);
  let out = yAxis(f, ticks, top, formatY, theme);
  bars.forEach((b, i) => {
    const bh = (b.value / top) * h;
    const x = f.left + i * slot + (slot - bw) / 2;
    out += `<rect x="${x.toFixed(1)}" y="${(f.top + h - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${b.color ?? color}"><title>${escapeXml(`${b.label}: ${formatY(b.value)}`)}</title></rect>`;
  });
  for (const i of labelIndices(bars.length, Math.max(2, Math.floor(w / 64)))) {
    out += `<text x="${(f.left + i * slot + slot / 2).toFixed(1)}" y="${f.height - 8}" text-anchor="middle" fill="${theme.muted}" font-size="11">${escapeXml(bars[i]!.label)}</text>`;
  }
  return svgShell(width, input.height, input.title, theme, out);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function svgShell(width: number, height: number, title: string, theme: ChartTheme, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="${escapeXml(theme.font)}">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}
