// Fetching token metadata and media from the hosts tokens name, behind limits: a size cap
// (the body is cut off, not buffered whole), a time cap for the whole exchange, a cap on
// concurrent requests per host, a few redirects each checked again, and no private,
// loopback or link-local address unless allowed. The address is checked where the socket
// connects (a custom DNS lookup), so DNS cannot hand out 127.0.0.1 behind a public name.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './address';

export type FetchOutcome =
  | { ok: true; body: Buffer; contentType: string | undefined }
  | { ok: false; status: 'NOT_FOUND' | 'ERROR' | 'BLOCKED' | 'TOO_LARGE'; reason: string };

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

const MAX_REDIRECTS = 3;

class Blocked extends Error {}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) return callback(new Blocked(`${hostname} resolves to a private address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** At most `perHost` requests at a time to any one host; the rest wait their turn. */
export function hostGate(perHost: number) {
  const hosts = new Map<string, { active: number; waiting: Array<() => void> }>();
  return async <T>(host: string, work: () => Promise<T>): Promise<T> => {
    let h = hosts.get(host);
    if (!h) hosts.set(host, (h = { active: 0, waiting: [] }));
    const slot = h;
    if (slot.active >= perHost) await new Promise<void>((ok) => slot.waiting.push(ok));
    slot.active++;
    try {
      return await work();
    } finally {
      slot.active--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.active === 0) hosts.delete(host);
    }
  };
}
export type HostGate = ReturnType<typeof hostGate>;

function once(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<FetchOutcome | { redirect: string }> {
  return new Promise((resolve) => {
    const literal = isIP(url.hostname.replace(/^\[|\]$/g, ''));
    if (literal && !limits.allowPrivate && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
      return resolve({ ok: false, status: 'BLOCKED', reason: `${url.hostname} is a private address` });
    }
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, { method: 'GET', signal, lookup: guardedLookup(limits.allowPrivate), headers: { accept: '*/*', 'user-agent': 'yuscan-metadata' } }, (res) => {
      const code = res.statusCode ?? 0;
      if (code >= 300 && code < 400 && res.headers.location) {
        res.resume();
        return resolve({ redirect: new URL(res.headers.location, url).toString() });
      }
      if (code === 404 || code === 410) {
        res.resume();
        return resolve({ ok: false, status: 'NOT_FOUND', reason: `HTTP ${code}` });
      }
      if (code < 200 || code >= 300) {
        res.resume();
        return resolve({ ok: false, status: 'ERROR', reason: `HTTP ${code}` });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        res.destroy();
        return resolve({ ok: false, status: 'TOO_LARGE', reason: `${declared} bytes, more than ${limits.maxBytes}` });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          res.destroy();
          resolve({ ok: false, status: 'TOO_LARGE', reason: `more than ${limits.maxBytes} bytes` });
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks), contentType: res.headers['content-type'] }));
      res.on('error', (err) => resolve({ ok: false, status: 'ERROR', reason: err.message }));
    });
    req.on('error', (err) => {
      if (err instanceof Blocked || (err as { cause?: unknown }).cause instanceof Blocked) return resolve({ ok: false, status: 'BLOCKED', reason: err.message });
      resolve({ ok: false, status: 'ERROR', reason: signal.aborted ? `no answer within ${limits.timeoutMs} ms` : err.message });
    });
    req.end();
  });
}

/** GET an http(s) URL under the limits, following up to three redirects. */
export async function limitedFetch(url: string, limits: FetchLimits, gate: HostGate): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') return { ok: false, status: 'ERROR', reason: `a redirect to ${current.protocol}` };
    const target = current;
    const r = await gate(target.host, () => once(target, limits, signal));
    if (!('redirect' in r)) return r;
    current = new URL(r.redirect);
  }
  return { ok: false, status: 'ERROR', reason: `more than ${MAX_REDIRECTS} redirects` };
}
