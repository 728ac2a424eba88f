// What a verification request asks for, turned into a solc standard-JSON input. Pure.
//
// Etherscan's verifysourcecode takes either the standard JSON a build tool produced
// (codeformat=solidity-standard-json-input, contractname "path:Name") or a single source file
// (codeformat=solidity-single-file, contractname "Name", optimizer and EVM version as fields).

export type CodeFormat = 'solidity-standard-json-input' | 'solidity-single-file';

export interface VerifyRequest {
  address: string;
  codeFormat: CodeFormat;
  sourceCode: string;
  contractName: string;
  compilerVersion: string;
  /** Hex, with or without 0x; empty when the client sent none. */
  constructorArgs: string;
  /** Single file only. */
  optimizationUsed?: boolean;
  runs?: number;
  evmVersion?: string;
  licenseType?: string;
  /** The creating transaction, when the client names it (Sourcify's creationTransactionHash). */
  creationTxHash?: string;
}

export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

interface StandardJson {
  language: string;
  sources: Record<string, { content?: string }>;
  settings?: Record<string, unknown>;
}

/** Every output matching needs; whatever the client selected is replaced. */
const OUTPUT_SELECTION = {
  '*': {
    '*': [
      'abi', 'metadata', 'evm.bytecode.object', 'evm.bytecode.linkReferences',
      'evm.deployedBytecode.object', 'evm.deployedBytecode.linkReferences', 'evm.deployedBytecode.immutableReferences',
    ],
  },
};

export interface PreparedInput {
  /** The standard JSON to compile. */
  input: StandardJson;
  /** Source path and contract name to pick from the output; path empty = search every file. */
  path: string;
  name: string;
  /** { path: content } to store. */
  sources: Record<string, string>;
}

function splitName(contractName: string): { path: string; name: string } {
  const at = contractName.lastIndexOf(':');
  const name = at >= 0 ? contractName.slice(at + 1) : contractName;
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) {
    throw new BadRequestError('contractname must be a Solidity contract name, or path:Name for standard JSON input');
  }
  return { path: at >= 0 ? contractName.slice(0, at) : '', name };
}

function parseStandardJson(text: string): StandardJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError('sourceCode is not valid JSON; solidity-standard-json-input takes solc standard JSON input');
  }
  const json = parsed as Partial<StandardJson> | null;
  if (!json || typeof json !== 'object' || json.language !== 'Solidity' || !json.sources || typeof json.sources !== 'object') {
    throw new BadRequestError('sourceCode must be solc standard JSON with "language": "Solidity" and "sources"');
  }
  const files = Object.entries(json.sources);
  if (files.length === 0) throw new BadRequestError('standard JSON input has no sources');
  for (const [path, file] of files) {
    if (!file || typeof file.content !== 'string') {
      throw new BadRequestError(`source ${path} has no "content"; URLs are not fetched, inline every file`);
    }
  }
  if (json.settings !== undefined && (typeof json.settings !== 'object' || json.settings === null)) {
    throw new BadRequestError('"settings" of the standard JSON input must be an object');
  }
  return json as StandardJson;
}

export function prepareInput(req: VerifyRequest): PreparedInput {
  const { path, name } = splitName(req.contractName);
  if (req.codeFormat === 'solidity-standard-json-input') {
    const json = parseStandardJson(req.sourceCode);
    if (path && !json.sources[path]) throw new BadRequestError(`contractname names ${path}, which is not among the sources`);
    const settings = { ...(json.settings ?? {}), outputSelection: OUTPUT_SELECTION };
    const sources = Object.fromEntries(Object.entries(json.sources).map(([p, f]) => [p, f.content!]));
    return { input: { language: 'Solidity', sources: json.sources, settings }, path, name, sources };
  }
  if (!req.sourceCode.trim()) throw new BadRequestError('sourceCode is empty');
  const file = path || `${name}.sol`;
  const settings: Record<string, unknown> = {
    optimizer: { enabled: req.optimizationUsed ?? false, runs: req.runs ?? 200 },
    outputSelection: OUTPUT_SELECTION,
  };
  if (req.evmVersion && req.evmVersion !== 'default') settings.evmVersion = req.evmVersion;
  return { input: { language: 'Solidity', sources: { [file]: { content: req.sourceCode } }, settings }, path: file, name, sources: { [file]: req.sourceCode } };
}

/** The settings to store and show: what was compiled, minus our output selection. */
export function storedSettings(input: PreparedInput['input']): Record<string, unknown> {
  const { outputSelection: _omit, ...rest } = input.settings ?? {};
  void _omit;
  return rest;
}
