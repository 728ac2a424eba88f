// `yuscan devnet`: start the demo chain, say where it is, run until told to stop.
import type { DevnetConfig } from '../config/index';
import { startDevnet, type DevnetProgress } from './index';

/** One progress line: phase, count, percentage, rate and ETA while the history builds. */
export function formatProgress(p: DevnetProgress, elapsedMs: number): string {
  if (p.total <= 1) return `devnet: ${p.phase}`;
  const pct = Math.floor((100 * p.done) / p.total);
  const rate = elapsedMs > 0 ? (p.done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : undefined;
  return `devnet: ${p.phase} ${p.done}/${p.total} blocks (${pct}%, ${Math.round(rate)} blocks/s${eta !== undefined ? `, ETA ${eta}s` : ''})`;
}

function progressPrinter(stream: NodeJS.WriteStream): { update(p: DevnetProgress): void; done(): void } {
  const started = Date.now();
  let phaseStarted = started;
  let lastPhase = '';
  let lastPct = -1;
  let lineOpen = false;
  return {
    update(p) {
      if (p.phase !== lastPhase) {
        lastPhase = p.phase;
        phaseStarted = Date.now();
        lastPct = -1;
      }
      const line = formatProgress(p, Date.now() - phaseStarted);
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line}`);
        lineOpen = true;
        return;
      }
      // Plain logs: one line per phase change and per 10% of the history.
      const pct = p.total > 1 ? Math.floor((10 * p.done) / p.total) : 0;
      if (pct === lastPct) return;
      lastPct = pct;
      stream.write(`${line}\n`);
    },
    done() {
      if (lineOpen) stream.write('\n');
      lineOpen = false;
    },
  };
}

export async function runDevnetCommand(config: DevnetConfig): Promise<void> {
  const progress = progressPrinter(process.stderr);
  const devnet = await startDevnet({
    port: config.port,
    seed: config.seed,
    history: config.history,
    blockTimeMs: config.blockTimeMs,
    onProgress: (p) => progress.update(p),
    onLiveError: (err) => process.stderr.write(`devnet: live block failed: ${err instanceof Error ? err.message : String(err)}\n`),
  }).finally(() => progress.done());
  process.stdout.write(`RPC URL: ${devnet.rpcUrl}\nChain ID: ${devnet.chainId}\nRegistry: ${devnet.registry}\nGenesis: ${devnet.genesisFile}\n`);
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await devnet.stop();
}
