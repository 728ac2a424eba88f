// One HTTP POST with a string body, answered as status + text. The indexer's batches come
// back as multi-megabyte JSON; Node's http client hands them over as plain Buffers, where
// fetch (undici) pushes them through web streams, an AbortSignal and a TextDecoder, which
// cost the main thread as much as the JSON.parse (docs/performance.md).
import http from 'node:http';
import https from 'node:https';

/** Why a POST failed: before any response (`unreachable`), or while reading it (`dropped`). */
export class PostError extends Error {
  override name = 'PostError';
  constructor(
    readonly stage: 'unreachable' | 'dropped',
    /** A system error code (ECONNREFUSED…), 'timeout', or the error's message. */
    readonly why: string,
  ) {
    super(`${stage}: ${why}`);
  }
}

export interface PostAgent {
  post(url: string, body: string, timeoutMs: number): Promise<{ status: number; text: string }>;
  close(): void;
}

/** A keep-alive agent, so pipelined batches reuse their connections as fetch's did. */
export function createPostAgent(): PostAgent {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return {
    post(url, body, timeoutMs) {
      return new Promise((resolve, reject) => {
        const u = new URL(url);
        const tls = u.protocol === 'https:';
        let responded = false;
        const fail = (why: string) => reject(new PostError(responded ? 'dropped' : 'unreachable', why));
        const req = (tls ? https : http).request(
          u,
          {
            method: 'POST',
            agent: tls ? agents.https : agents.http,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            responded = true;
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', (err) => fail((err as NodeJS.ErrnoException).code ?? err.message));
            res.on('close', () => {
              clearTimeout(timer);
              if (!res.complete) return fail('connection closed mid-response');
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
            });
          },
        );
        // Covers the whole exchange, body included, like AbortSignal.timeout on fetch.
        const timer = setTimeout(() => {
          fail('timeout');
          req.destroy();
        }, timeoutMs);
        req.on('error', (err) => {
          clearTimeout(timer);
          fail((err as NodeJS.ErrnoException).code ?? err.message);
        });
        req.end(body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
