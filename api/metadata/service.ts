// Token metadata, fetched by the server: read tokenURI(id) (ERC-721) or uri(id) (ERC-1155)
// at `latest` through the server's node, fetch the document it names under the limits of
// ./fetch.ts, and store the outcome with a status in token_metadata. Images are fetched
// the same way when a browser asks /media for them, and kept in a bounded memory cache.
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { Logger } from 'pino';
import type { Database, MetadataStatusName, TokenMetadataTable, TokenTypeName } from '../../db/schema';
import { RpcError, type RpcClient } from '../../indexer/rpc';
import { hostGate, limitedFetch, type FetchLimits } from './fetch';
import { imageType, locate, parseMetadata, substituteId } from './uri';

const URI_ABI = parseAbi(['function tokenURI(uint256 id) view returns (string)', 'function uri(uint256 id) view returns (string)']);

export interface MetadataOptions {
  db: Kysely<Database>;
  /** The node for tokenURI/uri; without one nothing is fetched. */
  rpc?: RpcClient;
  ipfsGateway: string;
  allowPrivate: boolean;
  /** Concurrent requests to any one host. Default 2. */
  perHost?: number;
  /** Largest metadata document. Default 256 kB. */
  maxDocumentBytes?: number;
  /** Largest image. Default 5 MB. */
  maxMediaBytes?: number;
  /** Time for one document or image, redirects included. Default 8 s. */
  timeoutMs?: number;
  /** Images kept in memory, in bytes. Default 64 MB. */
  mediaCacheBytes?: number;
  logger?: Logger;
}

export interface Media {
  type: string;
  body: Buffer;
}

type Outcome = Pick<TokenMetadataTable, 'status' | 'uri' | 'metadata' | 'image_url' | 'error'>;

const failed = (status: MetadataStatusName, error: string, uri: string | null = null): Outcome => ({ status, error, uri, metadata: null, image_url: null });

export type MetadataService = ReturnType<typeof metadataService>;

export function metadataService(options: MetadataOptions) {
  const { db, rpc } = options;
  const gate = hostGate(options.perHost ?? 2);
  const limits = (maxBytes: number): FetchLimits => ({ maxBytes, timeoutMs: options.timeoutMs ?? 8000, allowPrivate: options.allowPrivate });
  // The IPFS gateway is the operator's own setting (often a node on the same host), so its
  // address is trusted; every URL a token names is not.
  const trusting = (l: FetchLimits, viaGateway: boolean | undefined): FetchLimits => (viaGateway ? { ...l, allowPrivate: true } : l);
  const documentLimits = limits(options.maxDocumentBytes ?? 256 * 1024);
  const mediaLimits = limits(options.maxMediaBytes ?? 5 * 1024 * 1024);
  const inflight = new Map<string, Promise<void>>();
  const media = new LRUCache<string, Media>({ maxSize: options.mediaCacheBytes ?? 64 * 1024 * 1024, sizeCalculation: (m) => Math.max(1, m.body.length) });
  let generation = 0;

  async function readUri(token: string, type: TokenTypeName, tokenId: string): Promise<{ found: string } | Outcome> {
    const functionName = type === 'ERC1155' ? 'uri' : 'tokenURI';
    const data = encodeFunctionData({ abi: URI_ABI, functionName, args: [BigInt(tokenId)] });
    let result: Hex;
    try {
      result = await rpc!.request<Hex>('eth_call', [{ to: token, data }, 'latest']);
    } catch (err) {
      // A revert is the contract's answer (no such id); anything else is the node failing.
      if (err instanceof RpcError && /revert/i.test(err.message)) return failed('NOT_FOUND', `${functionName}(${tokenId}) reverted`);
      return failed('ERROR', `the node failed: ${(err as Error).message}`);
    }
    let uri: string;
    try {
      uri = decodeFunctionResult({ abi: URI_ABI, functionName, data: result });
    } catch {
      return failed(result === '0x' ? 'NOT_FOUND' : 'INVALID', result === '0x' ? `${functionName} returned nothing` : `${functionName} did not return a string`);
    }
    if (uri.trim() === '') return failed('NOT_FOUND', `${functionName} returned an empty URI`);
    return { found: type === 'ERC1155' ? substituteId(uri, tokenId) : uri };
  }

  async function fetchMetadata(token: string, type: TokenTypeName, tokenId: string): Promise<Outcome> {
    const read = await readUri(token, type, tokenId);
    if (!('found' in read)) return read;
    const uri = read.found;
    const where = locate(uri, options.ipfsGateway);
    let body: Buffer;
    if (where.kind === 'invalid') return failed('INVALID', `the URI is ${where.reason}`, uri);
    if (where.kind === 'data') {
      if (where.bytes.length > documentLimits.maxBytes) return failed('TOO_LARGE', `more than ${documentLimits.maxBytes} bytes`, uri);
      body = where.bytes;
    } else {
      const got = await limitedFetch(where.url, trusting(documentLimits, where.viaGateway), gate);
      if (!got.ok) return failed(got.status, got.reason, uri);
      body = got.body;
    }
    const json = body.toString('utf8');
    const parsed = parseMetadata(json);
    if (!parsed) return failed('INVALID', 'the document is not a JSON object', uri);
    return { status: 'OK', uri, metadata: json, image_url: parsed.image, error: null };
  }

  async function store(token: string, tokenId: string, outcome: Outcome): Promise<void> {
    const row: TokenMetadataTable = { token, token_id: tokenId, ...outcome, fetched_at: Math.floor(Date.now() / 1000) };
    await db.insertInto('token_metadata').values(row)
      .onConflict((oc) => oc.columns(['token', 'token_id']).doUpdateSet({
        status: row.status, uri: row.uri, metadata: row.metadata, image_url: row.image_url, error: row.error, fetched_at: row.fetched_at,
      }))
      .execute();
    generation++;
  }

  return {
    /** Whether metadata can be fetched at all (the server has a node). */
    available: rpc !== undefined,
    /** Changes whenever a stored outcome changes, so cached API answers that showed the old one are dropped. */
    get generation() {
      return generation;
    },
    /** Fetch and store one token id's metadata (once at a time per id); resolves when stored. */
    fetch(token: string, type: TokenTypeName, tokenId: string): Promise<void> {
      if (!rpc) return Promise.resolve();
      const key = `${token}|${tokenId}`;
      let p = inflight.get(key);
      if (!p) {
        p = fetchMetadata(token, type, tokenId)
          .catch((err: Error): Outcome => failed('ERROR', err.message))
          .then((outcome) => store(token, tokenId, outcome))
          .catch((err: Error) => options.logger?.warn({ err, token, tokenId }, 'storing token metadata failed'))
          .finally(() => inflight.delete(key));
        inflight.set(key, p);
      }
      return p;
    },
    /** The image of a stored OK document, fetched (or from the cache) and checked to be an image. */
    async media(row: Pick<TokenMetadataTable, 'status' | 'image_url'>): Promise<Media | { status: number; reason: string }> {
      if (row.status !== 'OK' || !row.image_url) return { status: 404, reason: 'this token id has no image' };
      const cached = media.get(row.image_url);
      if (cached) return cached;
      const where = locate(row.image_url, options.ipfsGateway);
      let body: Buffer;
      let declared: string | undefined;
      if (where.kind === 'invalid') return { status: 404, reason: `the image URI is ${where.reason}` };
      if (where.kind === 'data') {
        body = where.bytes;
        declared = where.mime;
        if (body.length > mediaLimits.maxBytes) return { status: 413, reason: `the image is larger than ${mediaLimits.maxBytes} bytes` };
      } else {
        const got = await limitedFetch(where.url, trusting(mediaLimits, where.viaGateway), gate);
        if (!got.ok) return { status: got.status === 'NOT_FOUND' ? 404 : got.status === 'TOO_LARGE' ? 413 : got.status === 'BLOCKED' ? 403 : 502, reason: got.reason };
        body = got.body;
        declared = got.contentType;
      }
      const type = imageType(declared, body);
      if (!type) return { status: 415, reason: 'the image is not an image type yuscan serves' };
      const m = { type, body };
      media.set(row.image_url, m);
      return m;
    },
  };
}
