// The devnet's node: anvil in a child process (anvil.ts), started from a genesis file we
// write, behind a front port of our own. The front answers every request with a "starting"
// JSON-RPC error while the devnet builds its history; then it hands HTTP requests to anvil
// as they are, and websocket connections byte for byte.
//
// One thing the front adds: with automining on, anvil answers eth_sendTransaction as soon as
// the transaction is in its pool and mines it a moment later, on another thread. A script
// (or test) that sends and then reads the receipt or the head could read either. The front
// answers a send only once anvil has mined it, as the automining dev nodes people know do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createRpcClient, RpcError, type RpcClient } from '../indexer/rpc';
import { startAnvil, type AnvilProcess } from './anvil';
import type { BatchProvider } from './eip1193';
import { gethGenesis, type GenesisSpec } from './genesis';
import { sentHashes } from './sends';
import { startingResponse } from './starting';

export type { BatchProvider, Eip1193 } from './eip1193';

export interface NodeOptions {
  host: string;
  port: number;
  genesis: GenesisSpec;
  /** As anvil.ts: how many recent blocks' state the node keeps (absent: all). */
  recentStates?: number;
}

export interface RunningNode {
  /** Straight to anvil, for the devnet's own calls. */
  provider: BatchProvider;
  /** The front: what users and the indexer talk to. */
  rpcUrl: string;
  port: number;
  /** The genesis JSON anvil started from; removed by close(). */
  genesisFile: string;
  /** What "starting" answers say the node is doing. */
  setStatus(text: string): void;
  /** Serve requests from now on; until then each gets a "starting" JSON-RPC error. */
  ready(): void;
  close(): Promise<void>;
}

/** How long a send's answer may wait for its block; anvil mines within milliseconds. */
const MINED_WITHIN_MS = 10_000;

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new Error(`port ${port} is already in use`));
      else if (err.code === 'EACCES') reject(new Error(`port ${port} needs more privileges than this process has`));
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Resolves once every transaction is in a block (or after MINED_WITHIN_MS: the client then polls, as for any node). */
async function untilMined(rpc: RpcClient, hashes: string[]): Promise<void> {
  const deadline = Date.now() + MINED_WITHIN_MS;
  let waiting = hashes;
  while (waiting.length > 0 && Date.now() < deadline) {
    const receipts = await rpc.batch(waiting.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })));
    waiting = waiting.filter((_, k) => !receipts[k]!.result);
    if (waiting.length > 0) await new Promise((r) => setTimeout(r, 2));
  }
}

export async function startNode(opts: NodeOptions): Promise<RunningNode> {
  let ready = false;
  let status = 'starting node';
  let anvil: AnvilProcess | undefined;
  let rpc: RpcClient | undefined;
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };

  const forward = async (req: IncomingMessage, res: ServerResponse, node: AnvilProcess, client: RpcClient) => {
    const body = await readBody(req);
    const upstream = httpRequest({
      host: '127.0.0.1', port: node.port, path: req.url, method: req.method, agent,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json', 'content-length': body.length },
    });
    upstream.on('error', () => res.destroy());
    upstream.on('response', async (answer) => {
      const hashes = sentHashes(body.toString('utf8'));
      if (hashes === null) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const text = (await readBody(answer)).toString('utf8');
      try {
        const sent = hashes(text);
        if (sent.length > 0 && (await client.request<boolean>('anvil_getAutomine'))) await untilMined(client, sent);
      } catch {
        // The answer itself is what matters; a client that finds the receipt missing polls for it.
      }
      res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
      res.end(text);
    });
    upstream.end(body);
  };

  const front = createServer((req, res) => {
    if (ready && anvil && rpc) return void forward(req, res, anvil, rpc).catch(() => res.destroy());
    // One "starting" answer per request, and the connection closed after it, so that a
    // client's kept-alive connection does not stay on this path once anvil serves.
    void readBody(req).then((body) => {
      res.writeHead(200, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' });
      res.end(startingResponse(body.toString('utf8'), status));
    });
  });
  front.on('connection', track);
  // 1013: "try again later", the websocket close code for exactly this.
  const wss = new WebSocketServer({ noServer: true });
  front.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (!ready || !anvil) return void wss.handleUpgrade(req, socket, head, (ws) => ws.close(1013, 'devnet is starting'));
    const upstream = connect(anvil.port, '127.0.0.1');
    track(upstream);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', drop);
    upstream.on('error', drop);
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  // The port first, so that a busy port fails at once, before anvil is even started.
  await listen(front, opts.port, opts.host);

  const dir = mkdtempSync(join(tmpdir(), 'yuscan-devnet-'));
  const genesisFile = join(dir, 'genesis.json');
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      ready = false;
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      agent.destroy();
      await rpc?.close();
      await anvil?.stop();
      rmSync(dir, { recursive: true, force: true });
    })();
    return closed;
  };

  try {
    writeFileSync(genesisFile, `${JSON.stringify(gethGenesis(opts.genesis), null, 1)}\n`);
    anvil = await startAnvil({ genesisFile, gasLimit: opts.genesis.gasLimit, cachePath: join(dir, 'states'), recentStates: opts.recentStates });
    const client = createRpcClient(anvil.url);
    rpc = client;
    const port = (front.address() as AddressInfo).port;
    const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    return {
      provider: {
        request: ({ method, params }) => client.request(method, params ?? []),
        async batch(calls) {
          const results = await client.batch(calls);
          return results.map((r, k) => {
            if (r.error) throw new RpcError(calls[k]!.method, r.error.code, r.error.message);
            return r.result;
          });
        },
      },
      rpcUrl: `http://${urlHost}:${port}`,
      port,
      genesisFile,
      setStatus(text) {
        status = text;
      },
      ready() {
        ready = true;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
