// `yuscan serve --workers N`: N server processes on one port (node:cluster). The primary
// accepts connections and hands them to the workers in turn; it answers no request itself.
// One process saturates one core long before the database does, so on a machine with cores
// to spare the workers multiply the requests a replica answers.
//
// A worker is a whole server of its own: its own head tracker feeds its own newBlock
// subscribers, its own connections to the database. Only what must count for the server as
// a whole goes through the primary: the rate limit's hits per client (a client's connections
// land on different workers) and /metrics (a scrape reaches one worker, and must see all).
import cluster, { type Worker } from 'node:cluster';
import { MemoryStore, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** Messages between the primary and its workers; `yuscan` names the kind, `id` pairs a question with its answer. */
interface Message {
  yuscan: 'ready' | 'stop' | 'ask' | 'answer';
  id?: number;
  question?: Question;
  answer?: unknown;
  error?: string;
  url?: string;
}

type Question =
  | { kind: 'rate-limit'; op: 'get' | 'increment' | 'decrement' | 'resetKey'; key: string; windowMs: number }
  | { kind: 'metrics' };

const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && 'yuscan' in m;

// --- in a worker -------------------------------------------------------------------------

const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
let nextId = 0;
let listening = false;

function ask<T>(question: Question): Promise<T> {
  if (!listening) {
    listening = true;
    process.on('message', (m: unknown) => {
      if (!isMessage(m) || m.yuscan !== 'answer' || m.id === undefined) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.fail(new Error(m.error));
      else p?.ok(m.answer);
    });
  }
  const id = nextId++;
  return new Promise<T>((ok, fail) => {
    pending.set(id, { ok: ok as (v: unknown) => void, fail });
    process.send!({ yuscan: 'ask', id, question } satisfies Message);
  });
}

/** Rate-limit answers cross the IPC channel as JSON: the reset time travels as epoch ms. */
type RateAnswer = { totalHits: number; resetTime?: number } | undefined;
const toInfo = (a: RateAnswer): ClientRateLimitInfo | undefined =>
  a && { totalHits: a.totalHits, resetTime: a.resetTime === undefined ? undefined : new Date(a.resetTime) };

/** express-rate-limit's store in a worker: every worker counts into the primary's one memory store. */
export function primaryRateLimitStore(): Store {
  let windowMs = 60_000;
  const op = (o: 'get' | 'increment' | 'decrement' | 'resetKey', key: string) => ask<RateAnswer>({ kind: 'rate-limit', op: o, key, windowMs });
  return {
    localKeys: false,
    init: (options: Options) => void (windowMs = options.windowMs),
    get: async (key) => toInfo(await op('get', key)),
    increment: async (key) => toInfo(await op('increment', key))!,
    decrement: async (key) => void (await op('decrement', key)),
    resetKey: async (key) => void (await op('resetKey', key)),
  };
}

/** /metrics in a worker: the primary gathers every worker's registry and sums them (prom-client's cluster aggregation). */
export function clusterMetrics(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries(registry);
  new AggregatorRegistry(); // its constructor installs this worker's answer to the primary's gathering
  return () => ask<string>({ kind: 'metrics' });
}

/**
 * In a worker: tell the primary this worker serves `url`, and resolve when the primary asks
 * it to stop or is gone (a worker never outlives its primary).
 */
export function serveInCluster(url: string): Promise<void> {
  process.send!({ yuscan: 'ready', url } satisfies Message);
  return new Promise((ok) => {
    process.on('message', (m: unknown) => isMessage(m) && m.yuscan === 'stop' && ok());
    process.once('disconnect', ok);
  });
}

/** In a worker, after it has closed its server: leave, so that the open IPC channel does not keep the process alive. */
export function leaveCluster(): void {
  if (process.connected) process.disconnect();
}

// --- in the primary ----------------------------------------------------------------------

export interface Workers {
  /** The URL the workers serve. */
  url: string;
  /** Ask every worker to stop, and wait until each has (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Fork `count` workers running this same command and wait until each serves. A worker that
 * dies before that fails the start; one that dies later is replaced.
 */
export function startWorkers(count: number, logger?: Logger): Promise<Workers> {
  const stores = new Map<number, MemoryStore>();
  const aggregator = new AggregatorRegistry();
  const answer = async (q: Question): Promise<unknown> => {
    if (q.kind === 'metrics') return aggregator.clusterMetrics();
    let store = stores.get(q.windowMs);
    if (!store) {
      stores.set(q.windowMs, (store = new MemoryStore()));
      store.init({ windowMs: q.windowMs } as Options);
    }
    const info = q.op === 'get' || q.op === 'increment' ? await store[q.op](q.key) : void (await store[q.op](q.key));
    return info ? { totalHits: info.totalHits, resetTime: info.resetTime?.getTime() } : undefined;
  };
  const onMessage = (worker: Worker, m: unknown) => {
    if (!isMessage(m) || m.yuscan !== 'ask' || !m.question) return;
    answer(m.question).then(
      (a) => worker.isConnected() && worker.send({ yuscan: 'answer', id: m.id, answer: a } satisfies Message),
      (err: Error) => worker.isConnected() && worker.send({ yuscan: 'answer', id: m.id, error: err.message } satisfies Message),
    );
  };
  cluster.on('message', onMessage);

  let stopping = false;
  const live = new Set<Worker>();
  const serving = new WeakSet<Worker>();
  const stop = async (graceMs = 10_000) => {
    stopping = true;
    const exits = [...live].map((w) => new Promise((ok) => (w.isDead() ? ok(null) : w.once('exit', ok))));
    // A worker still starting listens for no message yet; it has nothing to close either.
    for (const w of live) if (!serving.has(w)) w.process.kill('SIGTERM');
    else if (w.isConnected()) w.send({ yuscan: 'stop' } satisfies Message);
    const timer = setTimeout(() => { for (const w of live) w.process.kill('SIGKILL'); }, graceMs);
    await Promise.all(exits);
    clearTimeout(timer);
    cluster.off('message', onMessage);
    for (const s of stores.values()) s.shutdown();
  };

  return new Promise<Workers>((resolve, reject) => {
    let url: string | undefined;
    let ready = 0;
    const fork = () => {
      const worker = cluster.fork();
      live.add(worker);
      worker.on('message', (m: unknown) => {
        if (!isMessage(m) || m.yuscan !== 'ready') return;
        serving.add(worker);
        url ??= m.url;
        if (++ready === count) resolve({ url: url!, stop });
      });
      worker.once('exit', (code, signal) => {
        live.delete(worker);
        if (stopping) return;
        if (ready < count) {
          void stop().then(() => reject(new Error(`a server worker exited (${signal ?? `code ${code}`}) before it served`)));
          return;
        }
        logger?.error({ pid: worker.process.pid, code, signal }, 'server worker died; starting another');
        setTimeout(() => stopping || fork(), 1_000).unref();
      });
    };
    for (let i = 0; i < count; i++) fork();
  });
}
