// Source verification as a queue of jobs: a submission is checked for what can be answered at
// once (compiler installed, contract known, not verified yet), recorded as a pending job under
// a fresh guid, and compiled and matched in the background. checkverifystatus reads the job's
// row, so any API process sharing the database can answer it, and a verified contract is a
// row of its own that survives restarts.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, MatchKind } from '../../db/schema';
import { hasUnlinkedLibraries, matchCreation, matchRuntime, strip0x, weaker } from './bytecode';
import { compileStandardJson, type CompiledContract, type SolcOutput } from './compile';
import { resolveCompiler, type Compiler } from './compilers';
import { BadRequestError, prepareInput, storedSettings, type PreparedInput, type VerifyRequest } from './input';

/** Deployed code at the head, from a node: the fallback when the index holds no code for the address. */
export type RuntimeCodeSource = (address: string) => Promise<string | undefined>;

/** A submission refused at once; the message is the reason, in Etherscan's words where it has them. */
export class SubmissionError extends Error {
  override name = 'SubmissionError';
}

export type JobStatus =
  | { state: 'pending' }
  | { state: 'pass'; matchKind: MatchKind }
  | { state: 'fail'; reason: string }
  | { state: 'unknown' };

interface Verdict {
  kind: MatchKind;
  constructorArgs: string;
  contract: CompiledContract;
  path: string;
}

interface Creation {
  txHash: string;
  input: string;
}

export class Verifier {
  private readonly running = new Set<Promise<void>>();
  /** Bumped whenever this process stores a verification: decoded answers may change. */
  generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { runtimeCode?: RuntimeCodeSource; logger?: Logger } = {},
  ) {}

  private async creationOf(address: string): Promise<Creation | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .innerJoin('transactions', 'transactions.hash', 'accounts.creation_tx')
      .select(['transactions.hash', 'transactions.input'])
      .where('accounts.address', '=', address)
      .where('accounts.is_contract', '=', 1)
      .executeTakeFirst();
    return row && { txHash: row.hash, input: row.input };
  }

  /**
   * The runtime code the indexer stored for the address's latest creation; undefined when it
   * has none (an index older than the contract_code table).
   */
  private async storedCode(address: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('contract_code')
      .select('code')
      .where('address', '=', address)
      .orderBy('block_number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.code;
  }

  /** Check what can be checked at once; then queue the compilation and return its guid. */
  async submit(req: VerifyRequest): Promise<string> {
    const address = req.address.toLowerCase();
    let compiler: Compiler;
    let prepared: PreparedInput;
    try {
      compiler = resolveCompiler(req.compilerVersion);
      prepared = prepareInput(req);
    } catch (err) {
      throw new SubmissionError((err as Error).message);
    }
    const creation = await this.creationOf(address);
    if (!creation) throw new SubmissionError(`Unable to locate ContractCode at ${address}: no contract creation with that address is indexed`);
    const existing = await this.db.selectFrom('verified_contracts').select('match_kind').where('address', '=', address).executeTakeFirst();
    if (existing?.match_kind === 'full') throw new SubmissionError('Contract source code already verified');

    const guid = randomBytes(25).toString('hex').slice(0, 50);
    await this.db
      .insertInto('verification_jobs')
      .values({ guid, address, state: 'pending', reason: null, match_kind: null, created_at: Math.floor(Date.now() / 1000), finished_at: null })
      .execute();
    const job = this.run(guid, address, req, compiler, prepared, creation).finally(() => this.running.delete(job));
    this.running.add(job);
    return guid;
  }

  async status(guid: string): Promise<JobStatus> {
    const row = await this.db.selectFrom('verification_jobs').selectAll().where('guid', '=', guid).executeTakeFirst();
    if (!row) return { state: 'unknown' };
    if (row.state === 'pass') return { state: 'pass', matchKind: row.match_kind ?? 'partial' };
    if (row.state === 'fail') return { state: 'fail', reason: row.reason ?? 'unknown reason' };
    return { state: 'pending' };
  }

  /** Wait for every queued job (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async finish(guid: string, outcome: { matchKind: MatchKind } | { reason: string }) {
    await this.db
      .updateTable('verification_jobs')
      .set('reason' in outcome
        ? { state: 'fail', reason: outcome.reason, finished_at: Math.floor(Date.now() / 1000) }
        : { state: 'pass', match_kind: outcome.matchKind, finished_at: Math.floor(Date.now() / 1000) })
      .where('guid', '=', guid)
      .execute();
  }

  private async run(guid: string, address: string, req: VerifyRequest, compiler: Compiler, prepared: PreparedInput, creation: Creation) {
    try {
      const output = await compileStandardJson(compiler, JSON.stringify(prepared.input));
      const verdict = await this.match(address, req, prepared, output, creation);
      if ('reason' in verdict) return await this.finish(guid, { reason: verdict.reason });
      await this.store(address, req, compiler, prepared, verdict, creation);
      await this.finish(guid, { matchKind: verdict.kind });
    } catch (err) {
      this.options.logger?.warn({ err, guid }, 'verification failed');
      const reason = err instanceof BadRequestError ? err.message : `internal error while verifying: ${(err as Error).message}`;
      await this.finish(guid, { reason }).catch(() => undefined);
    }
  }

  private async match(address: string, req: VerifyRequest, prepared: PreparedInput, output: SolcOutput, creation: Creation): Promise<Verdict | { reason: string }> {
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length) return { reason: `compilation failed: ${(errors[0]!.formattedMessage ?? errors[0]!.message).trim()}` };
    const found = findContract(output, prepared);
    if (typeof found === 'string') return { reason: found };
    const { contract } = found;
    if (hasUnlinkedLibraries(contract.evm.bytecode.object)) return { reason: 'contracts that link external libraries are not supported yet' };
    const created = matchCreation(contract.evm.bytecode.object, creation.input);
    if (!created) return { reason: `the compiled creation code of ${prepared.name} does not match the input of creation transaction ${creation.txHash}` };
    const given = req.constructorArgs.replace(/^0x/i, '').toLowerCase();
    if (given && given !== created.constructorArgs) {
      return { reason: 'the constructor arguments given do not match those of the creation transaction' };
    }
    const deployed = (await this.storedCode(address)) ?? (await this.options.runtimeCode?.(address));
    let runtime: MatchKind | undefined;
    if (deployed !== undefined) {
      if (strip0x(deployed) === '') return { reason: `there is no runtime code at ${address}: its creation failed or it self-destructed` };
      runtime = matchRuntime(contract.evm.deployedBytecode.object, deployed, contract.evm.deployedBytecode.immutableReferences);
      if (!runtime) return { reason: `the compiled runtime code of ${prepared.name} does not match the code deployed at ${address}` };
    }
    return { kind: weaker(created.kind, runtime), constructorArgs: created.constructorArgs, contract, path: found.path };
  }

  private async store(
    address: string,
    req: VerifyRequest,
    compiler: Compiler,
    prepared: PreparedInput,
    verdict: Verdict,
    creation: Creation,
  ) {
    const row = {
      address,
      contract_name: prepared.name,
      fully_qualified_name: `${verdict.path}:${prepared.name}`,
      compiler_version: compiler.longVersion,
      match_kind: verdict.kind,
      abi: JSON.stringify(verdict.contract.abi),
      settings: JSON.stringify(storedSettings(prepared.input)),
      sources: JSON.stringify(prepared.sources),
      constructor_args: verdict.constructorArgs,
      creation_tx: creation.txHash,
      license: req.licenseType ?? null,
      verified_at: Math.floor(Date.now() / 1000),
    };
    // A full match replaces a partial one; nothing replaces a full one.
    await this.db
      .insertInto('verified_contracts')
      .values(row)
      .onConflict((oc) => oc.column('address').doUpdateSet(row).where('verified_contracts.match_kind', '=', 'partial'))
      .execute();
    this.generation++;
  }
}

/** The requested contract in solc's output, or why it is not there. */
export function findContract(output: SolcOutput, prepared: Pick<PreparedInput, 'path' | 'name'>): { path: string; contract: CompiledContract } | string {
  const all = output.contracts ?? {};
  const paths = prepared.path ? [prepared.path] : Object.keys(all);
  const hits = paths.flatMap((p) => (all[p]?.[prepared.name] ? [{ path: p, contract: all[p]![prepared.name]! }] : []));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) return `${prepared.name} is defined in ${hits.map((h) => h.path).join(' and ')}; name it as path:${prepared.name}`;
  return `the sources define no contract named ${prepared.name}${prepared.path ? ` in ${prepared.path}` : ''}`;
}
