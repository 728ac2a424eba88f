// A tiny HTTP proxy in front of the devnet that the fault and crash tests control: it can
// go down (connections refused) and come back on the same port, and it can slow the node
// down so a backfill lasts long enough to be interrupted.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RpcProxy {
  url: string;
  /** Requests forwarded so far. */
  requests: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Added to every request, and requests are served one at a time: a slow, single-threaded node. Mutable: a test may slow the node down or speed it up mid-run. */
  delayMs?: number;
}

export async function startRpcProxy(target: string, opts: ProxyOptions = {}): Promise<RpcProxy> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  let chain = Promise.resolve();
  const proxy: RpcProxy = {
    url: '',
    requests: 0,
    async down() {
      const s = server;
      server = undefined;
      if (!s) return;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        for (const sock of sockets) sock.destroy();
      });
    },
    async up() {
      const s = createServer((req, res) => void handle(req, res));
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
      port = (s.address() as AddressInfo).port;
      proxy.url = `http://127.0.0.1:${port}`;
      server = s;
    },
    close: () => proxy.down(),
  };

  async function forward(body: Buffer): Promise<{ status: number; text: string }> {
    const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(body) });
    return { status: r.status, text: await r.text() };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const parts: Buffer[] = [];
    for await (const p of req) parts.push(p as Buffer);
    const body = Buffer.concat(parts);
    const run = async () => {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      proxy.requests++;
      return forward(body);
    };
    try {
      const result = opts.delayMs ? await serialised(run) : await run();
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(result.text);
    } catch {
      res.destroy();
    }
  }

  // One request at a time, in arrival order.
  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const p = chain.then(fn);
    chain = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  }

  await proxy.up();
  return proxy;
}
