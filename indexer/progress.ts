// Throughput over a sliding window, and its rendering. Pure: time is passed in.
export interface IndexerProgress {
  indexedBlock: number;
  headBlock: number;
  blocksPerSecond: number;
  txPerSecond: number;
  etaSeconds: number | null;
  syncing: boolean;
}

export class RateMeter {
  private samples: { t: number; blocks: number; txs: number }[] = [];
  constructor(private readonly windowMs = 10_000) {}

  add(t: number, blocks: number, txs: number): void {
    this.samples.push({ t, blocks, txs });
    while (this.samples.length > 1 && t - this.samples[0]!.t > this.windowMs) this.samples.shift();
  }

  /** Rates over the window; the first sample only marks its start. */
  rates(now: number): { blocksPerSecond: number; txPerSecond: number } {
    if (this.samples.length < 2) return { blocksPerSecond: 0, txPerSecond: 0 };
    const span = Math.max(1, now - this.samples[0]!.t) / 1000;
    let blocks = 0;
    let txs = 0;
    for (let i = 1; i < this.samples.length; i++) {
      blocks += this.samples[i]!.blocks;
      txs += this.samples[i]!.txs;
    }
    return { blocksPerSecond: blocks / span, txPerSecond: txs / span };
  }
}

export function eta(remainingBlocks: number, blocksPerSecond: number): number | null {
  if (remainingBlocks <= 0) return 0;
  return blocksPerSecond > 0 ? remainingBlocks / blocksPerSecond : null;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** One terminal line: a bar, the block position and the rates. */
export function progressLine(p: IndexerProgress, width = 24): string {
  const frac = p.headBlock > 0 ? Math.min(1, Math.max(0, p.indexedBlock / p.headBlock)) : 1;
  const filled = Math.round(frac * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const state = p.syncing ? `ETA ${formatDuration(p.etaSeconds)}` : 'following head';
  return `${bar} ${(frac * 100).toFixed(1).padStart(5)}%  block ${p.indexedBlock}/${p.headBlock}  ${p.blocksPerSecond.toFixed(0)} blocks/s  ${p.txPerSecond.toFixed(0)} tx/s  ${state}`;
}
