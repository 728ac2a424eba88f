// A small JSON-RPC client built for the hot path: one HTTP request carries a whole batch
// (eth_getBlockByNumber + eth_getBlockReceipts for many blocks), which viem's transport
// cannot shape the way we need. Every transport failure surfaces as a RetryableError so
// the caller's retry loop decides; JSON-RPC error objects are returned per call, because
// some of them (method not found) are answers, not faults.
import WebSocket from 'ws';
import { RetryableError } from './backoff';
import { createPostAgent, PostError } from './http-post';

export interface RpcCall {
  method: string;
  params: unknown[];
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export type RpcResult = { result: unknown; error?: undefined } | { result?: undefined; error: RpcErrorObject };

export interface RpcClient {
  readonly url: string;
  /** One round trip; results in call order. Throws RetryableError on transport faults. */
  batch(calls: RpcCall[]): Promise<RpcResult[]>;
  /** A single call; a JSON-RPC error becomes an RpcError. */
  request<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** ws(s) only: call `onHead` for each new head. Returns an unsubscribe function. */
  subscribeNewHeads?(onHead: (blockNumber: number) => void): Promise<() => void>;
  close(): Promise<void>;
}

export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (code ${code})`);
  }
}

export interface RpcClientOptions {
  timeoutMs?: number;
}

export function createRpcClient(url: string, options: RpcClientOptions = {}): RpcClient {
  return /^wss?:\/\//.test(url) ? new WsRpcClient(url, options) : new HttpRpcClient(url, options);
}

/** Where a request went, without any credentials that might sit in the URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

abstract class BaseClient {
  protected nextId = 1;
  abstract batch(calls: RpcCall[]): Promise<RpcResult[]>;

  async request<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const [r] = await this.batch([{ method, params }]);
    if (r!.error) throw new RpcError(method, r!.error.code, r!.error.message);
    return r!.result as T;
  }

  /** Match responses to requests by id; anything missing or malformed is the node's fault. */
  protected collect(ids: number[], body: unknown, where: string): RpcResult[] {
    const items = Array.isArray(body) ? body : [body];
    const byId = new Map<number, RpcResult>();
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const o = item as { id?: unknown; result?: unknown; error?: RpcErrorObject };
      if (typeof o.id !== 'number') {
        // A batch-level error (e.g. rate limit) has id null: retry the whole batch.
        if (o.error) throw new RetryableError(`${where} answered the batch with an error: ${o.error.message}`);
        continue;
      }
      if (o.error && typeof o.error === 'object') byId.set(o.id, { error: o.error });
      else if ('result' in o) byId.set(o.id, { result: o.result });
    }
    return ids.map((id) => {
      const r = byId.get(id);
      if (!r) throw new RetryableError(`${where} did not answer as JSON-RPC (missing response for request ${id})`);
      return r;
    });
  }
}

class HttpRpcClient extends BaseClient implements RpcClient {
  private readonly timeoutMs: number;
  private readonly agent = createPostAgent();
  constructor(
    readonly url: string,
    options: RpcClientOptions,
  ) {
    super();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async batch(calls: RpcCall[]): Promise<RpcResult[]> {
    if (calls.length === 0) return [];
    const where = redactUrl(this.url);
    const ids = calls.map(() => this.nextId++);
    const payload = calls.map((c, i) => ({ jsonrpc: '2.0', id: ids[i], method: c.method, params: c.params }));
    let res: { status: number; text: string };
    try {
      res = await this.agent.post(this.url, JSON.stringify(payload), this.timeoutMs);
    } catch (err) {
      // Anything that is not a PostError (a URL Node cannot parse) counts as unreachable too.
      const e = err instanceof PostError ? err : new PostError('unreachable', (err as Error).message);
      const why = e.why === 'timeout' ? `timed out after ${this.timeoutMs} ms` : e.why;
      throw new RetryableError(e.stage === 'unreachable' ? `${where} unreachable: ${why}` : `${where} dropped the response: ${why}`);
    }
    const { text } = res;
    if (res.status === 429 || res.status >= 500) throw new RetryableError(`${where} answered HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RetryableError(
        `${where} did not answer as JSON-RPC (HTTP ${res.status}, ${JSON.stringify(text.slice(0, 60))})`,
      );
    }
    if ((res.status < 200 || res.status > 299) && !Array.isArray(body)) throw new RetryableError(`${where} answered HTTP ${res.status}`);
    return this.collect(ids, body, where);
  }

  async close(): Promise<void> {
    this.agent.close();
  }
}

/** JSON-RPC over one websocket; reconnects lazily after a drop. */
class WsRpcClient extends BaseClient implements RpcClient {
  private socket?: Promise<WebSocket>;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly subscriptions = new Map<string, (head: number) => void>();
  private readonly timeoutMs: number;
  private closed = false;

  constructor(
    readonly url: string,
    options: RpcClientOptions,
  ) {
    super();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  private connect(): Promise<WebSocket> {
    if (this.socket) return this.socket;
    const where = redactUrl(this.url);
    this.socket = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.url);
      const fail = (err: Error) => {
        this.socket = undefined;
        for (const p of this.pending.values()) p.reject(new RetryableError(`${where}: ${err.message}`));
        this.pending.clear();
        this.subscriptions.clear();
        reject(new RetryableError(`${where} unreachable: ${err.message}`));
      };
      ws.on('open', () => resolve(ws));
      ws.on('error', (err) => fail(err));
      ws.on('close', () => fail(new Error('connection closed')));
      ws.on('message', (data) => this.onMessage(String(data)));
    });
    return this.socket;
  }

  private onMessage(text: string) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const items = Array.isArray(body) ? body : [body];
    for (const item of items as Array<Record<string, any>>) {
      if (item?.method === 'eth_subscription') {
        const cb = this.subscriptions.get(item.params?.subscription);
        const n = item.params?.result?.number;
        if (cb && typeof n === 'string') cb(parseInt(n, 16));
        continue;
      }
      const p = typeof item?.id === 'number' ? this.pending.get(item.id) : undefined;
      if (p) {
        this.pending.delete(item.id);
        p.resolve(item);
      }
    }
  }

  async batch(calls: RpcCall[]): Promise<RpcResult[]> {
    if (calls.length === 0) return [];
    const where = redactUrl(this.url);
    const ws = await this.connect();
    const ids = calls.map(() => this.nextId++);
    const answers = ids.map(
      (id) =>
        new Promise<unknown>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
        }),
    );
    ws.send(JSON.stringify(calls.map((c, i) => ({ jsonrpc: '2.0', id: ids[i], method: c.method, params: c.params }))));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RetryableError(`${where} timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const body = await Promise.race([Promise.all(answers), timeout]);
      return this.collect(ids, body, where);
    } finally {
      clearTimeout(timer);
      for (const id of ids) this.pending.delete(id);
    }
  }

  async subscribeNewHeads(onHead: (blockNumber: number) => void): Promise<() => void> {
    const id = await this.request<string>('eth_subscribe', ['newHeads']);
    this.subscriptions.set(id, onHead);
    return () => {
      this.subscriptions.delete(id);
      if (!this.closed) this.request('eth_unsubscribe', [id]).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const s = this.socket;
    this.socket = undefined;
    if (s) (await s.catch(() => undefined))?.close();
  }
}
