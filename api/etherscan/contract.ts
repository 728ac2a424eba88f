// module=contract: verification (verifysourcecode, checkverifystatus) and what it publishes
// (getabi, getsourcecode), in Etherscan's shapes and words so unmodified clients work.
import type { VerifiedContractsTable } from '../../db/schema';
import { BadRequestError, type CodeFormat } from '../verify/input';
import { SubmissionError, type Verifier } from '../verify/verifier';
import { address, ApiInputError, int, required, str, type Params } from './params';
import { notOk, ok, type EtherscanAnswer } from './respond';
import type { ApiDeps } from './account';
import type { ProxyResolver } from '../proxy/resolve';

export interface ContractDeps extends ApiDeps {
  verifier: Verifier;
  proxies: ProxyResolver;
}

const NOT_VERIFIED = 'Contract source code not verified';
const FORMATS: CodeFormat[] = ['solidity-standard-json-input', 'solidity-single-file'];

async function verified({ db }: ApiDeps, params: Params) {
  const addr = address(required(params, 'address', 'a 0x-prefixed 20-byte hex address'));
  return { addr, row: await db.selectFrom('verified_contracts').selectAll().where('address', '=', addr).executeTakeFirst() };
}

export async function getabi(deps: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const { row } = await verified(deps, params);
  return row ? ok(row.abi) : notOk(NOT_VERIFIED);
}

/** Etherscan's SourceCode: a single file as is; several as standard JSON wrapped in an extra pair of braces. */
function sourceCodeField(row: VerifiedContractsTable): string {
  const sources = JSON.parse(row.sources) as Record<string, string>;
  const files = Object.entries(sources);
  if (files.length === 1) return files[0]![1];
  const input = { language: 'Solidity', sources: Object.fromEntries(files.map(([p, content]) => [p, { content }])), settings: JSON.parse(row.settings) };
  return `{${JSON.stringify(input)}}`;
}

/** Etherscan's Library field: "Name:address" pairs, separated by ";". */
function libraryField(settings: { libraries?: Record<string, Record<string, string>> }): string {
  return Object.values(settings.libraries ?? {}).flatMap((byName) => Object.entries(byName).map(([name, addr]) => `${name}:${addr.replace(/^0x/, '')}`)).join(';');
}

export async function getsourcecode(deps: ContractDeps, params: Params): Promise<EtherscanAnswer> {
  const { addr, row } = await verified(deps, params);
  const proxy = await deps.proxies.resolve(addr, deps.head());
  const proxyFields = { Proxy: proxy ? '1' : '0', Implementation: proxy?.implementation ?? '' };
  if (!row) {
    // Etherscan answers an unverified address with OK and empty fields.
    return ok([{ SourceCode: '', ABI: 'Contract source code not verified', ContractName: '', CompilerVersion: '', OptimizationUsed: '', Runs: '',
      ConstructorArguments: '', EVMVersion: '', Library: '', LicenseType: '', ...proxyFields, SwarmSource: '' }]);
  }
  const settings = JSON.parse(row.settings) as { optimizer?: { enabled?: boolean; runs?: number }; evmVersion?: string; libraries?: Record<string, Record<string, string>> };
  return ok([{
    SourceCode: sourceCodeField(row),
    ABI: row.abi,
    ContractName: row.contract_name,
    CompilerVersion: row.compiler_version,
    OptimizationUsed: settings.optimizer?.enabled ? '1' : '0',
    Runs: String(settings.optimizer?.runs ?? 200),
    ConstructorArguments: row.constructor_args,
    EVMVersion: settings.evmVersion ?? 'Default',
    Library: libraryField(settings),
    LicenseType: row.license ?? '',
    ...proxyFields,
    SwarmSource: '',
    // Not in Etherscan's answer: how much of the bytecode the source accounts for.
    MatchKind: row.match_kind,
  }]);
}

export async function verifysourcecode(deps: ContractDeps, params: Params, client = 'unknown'): Promise<EtherscanAnswer> {
  const codeFormat = (str(params, 'codeformat') ?? 'solidity-single-file') as CodeFormat;
  if (!FORMATS.includes(codeFormat)) throw new ApiInputError(`Error! Invalid codeformat: it takes ${FORMATS.join(' or ')}`);
  const addr = address(required(params, 'contractaddress', 'the 0x address of the contract to verify'), 'contractaddress');
  const optimization = str(params, 'optimizationUsed');
  if (optimization !== undefined && optimization !== '0' && optimization !== '1') throw new ApiInputError('Error! Invalid optimizationUsed: it takes 0 or 1');
  // Etherscan spells the constructor-arguments field "constructorArguements"; take both.
  const args = str(params, 'constructorArguements') ?? str(params, 'constructorArguments') ?? '';
  if (!/^(0x)?([0-9a-fA-F]{2})*$/.test(args)) throw new ApiInputError('Error! Invalid constructorArguements: it takes ABI-encoded hex');
  try {
    const guid = await deps.verifier.submit({
      address: addr,
      codeFormat,
      sourceCode: required(params, 'sourceCode', 'the source: standard JSON input or a single Solidity file'),
      contractName: required(params, 'contractname', 'the contract name, path:Name for standard JSON input'),
      compilerVersion: required(params, 'compilerversion', 'a compiler version such as v0.8.24+commit.e11b9ed9'),
      constructorArgs: args,
      optimizationUsed: optimization === undefined ? undefined : optimization === '1',
      runs: int(str(params, 'runs'), 'runs', 200, 0, 4_294_967_295),
      evmVersion: str(params, 'evmversion'),
      licenseType: str(params, 'licenseType'),
    }, client);
    return ok(guid);
  } catch (err) {
    if (err instanceof SubmissionError || err instanceof BadRequestError) return notOk(err.message);
    throw err;
  }
}

export async function checkverifystatus(deps: ContractDeps, params: Params): Promise<EtherscanAnswer> {
  const guid = required(params, 'guid', 'the guid verifysourcecode returned');
  if (!/^[0-9a-zA-Z]{1,64}$/.test(guid)) throw new ApiInputError('Error! Invalid guid format');
  const job = await deps.verifier.job(guid);
  // The results are Etherscan's exact words, which clients compare; the reason rides beside them.
  if (!job) return notOk('Unknown UID');
  if (job.state === 'pending') return notOk('Pending in queue');
  if (job.state === 'fail') return { ...notOk('Fail - Unable to verify'), reason: job.reason } as EtherscanAnswer;
  if (job.alreadyVerified) return ok('Already Verified');
  return { ...ok('Pass - Verified'), matchKind: job.matchKind } as EtherscanAnswer;
}

/**
 * Etherscan's proxy verification: detect the proxy's implementation now (optionally checking it
 * is the one expected) and answer the outcome under a guid, in Etherscan's words.
 */
export async function verifyproxycontract(deps: ContractDeps, params: Params, client = 'unknown'): Promise<EtherscanAnswer> {
  const addr = address(required(params, 'address', 'the 0x address of the proxy'));
  const expectedRaw = str(params, 'expectedimplementation');
  const expected = expectedRaw === undefined ? undefined : address(expectedRaw, 'expectedimplementation');
  const proxy = await deps.proxies.resolve(addr, deps.head());
  const found = proxy?.implementation ?? undefined;
  const outcome = !found
    ? { ok: false, message: 'A corresponding implementation contract was unfortunately not detected for the proxy address.' }
    : expected && expected !== found
      ? { ok: false, message: `The implementation contract found at ${found} does not match the expected implementation ${expected}.` }
      : { ok: true, message: `The proxy's (${addr}) implementation contract is found at ${found} and is successfully updated.` };
  return ok(await deps.verifier.record(addr, client, outcome));
}

export async function checkproxyverification(deps: ContractDeps, params: Params): Promise<EtherscanAnswer> {
  const guid = required(params, 'guid', 'the guid verifyproxycontract returned');
  if (!/^[0-9a-zA-Z]{1,64}$/.test(guid)) throw new ApiInputError('Error! Invalid guid format');
  const job = await deps.verifier.job(guid);
  if (!job || job.state === 'pending') return notOk('Unknown UID');
  return job.state === 'pass' ? ok(job.reason ?? 'Pass - Verified') : notOk(job.reason ?? 'Fail - Unable to verify');
}
