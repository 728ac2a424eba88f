// Sourcify's metadata verification: solc's metadata.json names the compiler, the settings and
// the compilation target, and lists every source by keccak256. Turned here into the standard
// JSON the verifier compiles. Pure.
import { keccak256, stringToBytes } from 'viem';
import { BadRequestError } from '../verify/input';

interface Metadata {
  language?: string;
  compiler?: { version?: string };
  settings?: { compilationTarget?: Record<string, string>; libraries?: Record<string, string>; [k: string]: unknown };
  sources?: Record<string, { keccak256?: string; content?: string }>;
}

export interface FromMetadata {
  standardJson: string;
  contractIdentifier: string;
  compilerVersion: string;
}

/** Standard JSON from a metadata.json (object or text) and the sources sent beside it. */
export function standardJsonFromMetadata(raw: unknown, given: Record<string, string>): FromMetadata {
  let m: Metadata;
  try {
    m = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Metadata;
  } catch {
    throw new BadRequestError('metadata is not valid JSON');
  }
  if (!m || typeof m !== 'object' || m.language !== 'Solidity') throw new BadRequestError('metadata must be a Solidity compiler metadata.json');
  const version = m.compiler?.version;
  if (typeof version !== 'string') throw new BadRequestError('metadata has no compiler.version');
  const targets = Object.entries(m.settings?.compilationTarget ?? {});
  if (targets.length !== 1) throw new BadRequestError('metadata must name exactly one settings.compilationTarget');
  const [targetPath, targetName] = targets[0]!;

  // Sources are found by their keccak256, whatever names the client gave them.
  const byHash = new Map(Object.values(given).filter((c) => typeof c === 'string').map((c) => [keccak256(stringToBytes(c)), c]));
  const sources: Record<string, { content: string }> = {};
  const missing: string[] = [];
  for (const [path, src] of Object.entries(m.sources ?? {})) {
    const content = src.content ?? (src.keccak256 ? byHash.get(src.keccak256.toLowerCase() as `0x${string}`) : undefined);
    if (content === undefined) missing.push(path);
    else sources[path] = { content };
  }
  if (missing.length) throw new BadRequestError(`the sources sent do not include ${missing.join(', ')} (matched by keccak256, as the metadata lists them)`);

  const { compilationTarget: _target, libraries, ...settings } = m.settings ?? {};
  void _target;
  // metadata writes libraries as { "path:Name": address }; standard JSON as { path: { Name: address } }.
  const linked: Record<string, Record<string, string>> = {};
  for (const [fqn, address] of Object.entries(libraries ?? {})) {
    const at = fqn.lastIndexOf(':');
    (linked[at >= 0 ? fqn.slice(0, at) : ''] ??= {})[at >= 0 ? fqn.slice(at + 1) : fqn] = address;
  }
  const standard = { language: 'Solidity', sources, settings: Object.keys(linked).length ? { ...settings, libraries: linked } : settings };
  return { standardJson: JSON.stringify(standard), contractIdentifier: `${targetPath}:${targetName}`, compilerVersion: version };
}
