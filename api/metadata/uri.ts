// Token metadata URIs and documents: pure. What tokenURI/uri returned becomes a fetchable
// location (data:, http(s), or ipfs:// through the configured gateway); a fetched document
// becomes the fields the API serves.

export type Location =
  | { kind: 'data'; mime: string; bytes: Buffer }
  | { kind: 'http'; url: string; viaGateway?: true }
  | { kind: 'invalid'; reason: string };

/** Where yuscan serves a token id's image (api/http/media.ts). */
export const mediaPath = (token: string, tokenId: string) => `/media/${token}/${tokenId}`;

/** ERC-1155's `{id}`: the id as 64 lowercase hex digits, no 0x. */
export function substituteId(uri: string, tokenId: string): string {
  return uri.replaceAll('{id}', BigInt(tokenId).toString(16).padStart(64, '0'));
}

/** A data: URI's media type and bytes (RFC 2397); null when it is not one. */
export function parseDataUri(uri: string): { mime: string; bytes: Buffer } | null {
  const m = /^data:([^,]*?),(.*)$/is.exec(uri);
  if (!m) return null;
  const params = m[1]!.split(';').map((p) => p.trim());
  const base64 = params.includes('base64');
  const mime = (params[0] && params[0].includes('/') ? params[0] : 'text/plain').toLowerCase();
  const body = m[2]!;
  if (base64) return { mime, bytes: Buffer.from(decodeURIComponent(body).replace(/\s+/g, ''), 'base64') };
  try {
    return { mime, bytes: Buffer.from(decodeURIComponent(body), 'utf8') };
  } catch {
    return { mime, bytes: Buffer.from(body, 'utf8') };
  }
}

/** Where to read a URI from. ipfs://CID/path (and ipfs://ipfs/CID/path) go through the gateway. */
export function locate(uri: string, ipfsGateway: string): Location {
  const u = uri.trim();
  if (/^data:/i.test(u)) {
    const d = parseDataUri(u);
    return d ? { kind: 'data', ...d } : { kind: 'invalid', reason: 'a malformed data: URI' };
  }
  if (/^ipfs:\/\//i.test(u)) {
    const path = u.slice('ipfs://'.length).replace(/^ipfs\//i, '');
    if (!/^[A-Za-z0-9]+(\/.*)?$/.test(path)) return { kind: 'invalid', reason: 'a malformed ipfs:// URI' };
    return { kind: 'http', url: new URL(`ipfs/${path}`, ipfsGateway).toString(), viaGateway: true };
  }
  if (/^https?:\/\//i.test(u)) {
    try {
      return { kind: 'http', url: new URL(u).toString() };
    } catch {
      return { kind: 'invalid', reason: 'a malformed URL' };
    }
  }
  return { kind: 'invalid', reason: `an unsupported URI scheme (${u.slice(0, 16)})` };
}

export interface Attribute {
  traitType: string | null;
  value: string;
  displayType: string | null;
}

export interface ParsedMetadata {
  name: string | null;
  description: string | null;
  /** The image as the document gives it (image, else image_url, else image_data as an SVG data: URI). */
  image: string | null;
  attributes: Attribute[];
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);

/** The fields of a metadata document; null when it is not a JSON object. */
export function parseMetadata(json: string): ParsedMetadata | null {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const d = doc as Record<string, unknown>;
  const imageData = text(d.image_data);
  const image = text(d.image) ?? text(d.image_url) ?? (imageData ? `data:image/svg+xml;utf8,${encodeURIComponent(imageData)}` : null);
  const attributes: Attribute[] = [];
  if (Array.isArray(d.attributes)) {
    for (const a of d.attributes) {
      if (typeof a !== 'object' || a === null) continue;
      const r = a as Record<string, unknown>;
      const value = text(r.value);
      if (value === null) continue;
      attributes.push({ traitType: text(r.trait_type), value, displayType: text(r.display_type) });
    }
  }
  return { name: text(d.name), description: text(d.description), image, attributes };
}

/** Image types served from /media; anything else (HTML, scripts) never is. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml', 'image/bmp'];

/** The image type to serve a body as: from its declared type, else its first bytes; null when it is no image. */
export function imageType(declared: string | undefined, bytes: Buffer): string | null {
  const t = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.includes(t)) return t;
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
