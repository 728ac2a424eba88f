// Source verification as a queue of jobs, shared by /api (Etherscan), /sourcify/ and the web.
// A submission is checked for what can be answered at once (size, compiler installed, the
// client's limits, contract known, not verified yet), recorded in the database as a pending
// job with its request, and compiled and matched in the background, one job at a time. Any API
// process sharing the database can answer a job's status; a job still pending when the server
// stops is resumed by the next start, so a guid once given out always answers.
import { randomUUID } from 'node:crypto';
import { sleep } from '../../indexer/backoff';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from '../../config/constants';
import type { Database, MatchKind } from '../../db/schema';
import { linkFromChain, matchCreation, matchRuntime, strip0x, weaker } from './bytecode';
import { CompileAbortedError, CompileTimeoutError, compileStandardJson, type CompiledContract, type SolcOutput } from './compile';
import { Compilers, UnknownCompilerError, type Compiler } from './compilers';
import { creationFrame, type CallFrame } from './creation';
import { BadRequestError, prepareInput, storedSettings, type PreparedInput, type VerifyRequest } from './input';

/** Deployed code at the head, from a node: the fallback when the index holds no code for the address. */
export type RuntimeCodeSource = (address: string) => Promise<string | undefined>;
/** A transaction's callTracer root frame, from a node (debug_traceTransaction). */
export type TraceSource = (txHash: string) => Promise<CallFrame | undefined>;

/**
 * Why a submission was refused at once. `message` is the reason, in Etherscan's words where
 * it has them; `code` lets each API answer in its own way (HTTP status, error code).
 */
export class SubmissionError extends Error {
  override name = 'SubmissionError';
  constructor(
    readonly code: 'invalid' | 'not_found' | 'already_verified' | 'busy' | 'duplicate',
    message: string,
  ) {
    super(message);
  }
}

export const ALREADY_VERIFIED = 'Contract source code already verified';

export interface JobView {
  guid: string;
  address: string;
  state: 'pending' | 'pass' | 'fail';
  /** pass: how well it matched; `alreadyVerified` when another job had verified it fully first. */
  matchKind?: MatchKind;
  creationMatch?: MatchKind;
  runtimeMatch?: MatchKind;
  alreadyVerified?: boolean;
  reason?: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  compileMs?: number;
}

interface Creation {
  txHash: string;
  /** The init code the creating frame ran, constructor arguments appended. */
  input: string;
}

/** What a job row keeps, so that a restarted server can run it. */
interface StoredRequest {
  req: VerifyRequest;
  creation: Creation;
}

interface Verdict {
  kind: MatchKind;
  creation: MatchKind;
  runtime?: MatchKind;
  constructorArgs: string;
  contract: CompiledContract;
  path: string;
  libraries: Record<string, string>;
}

const now = () => Math.floor(Date.now() / 1000);
// Etherscan's guids are 50 characters; a UUID's hex without dashes and a suffix keeps that
// length and is unique without coordination between server processes.
const newGuid = () => `${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '').slice(0, 18)}`;
const ALREADY_REASON = 'already verified';

export interface VerifierOptions {
  runtimeCode?: RuntimeCodeSource;
  trace?: TraceSource;
  logger?: Logger;
  limits?: Partial<VerifyLimits>;
  compilers?: Compilers;
}

export class Verifier {
  /** Bumped whenever this process stores a verification: decoded answers may change. */
  generation = 0;
  readonly limits: VerifyLimits;
  readonly compilers: Compilers;
  private readonly queue: string[] = [];
  private pumping?: Promise<void>;
  private stopped = false;
  private readonly abort = new AbortController();
  /** Submissions are checked and recorded one at a time, so two cannot both pass a limit. */
  private admitting: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: VerifierOptions = {},
  ) {
    this.limits = { ...DEFAULT_VERIFY_LIMITS, ...options.limits };
    this.compilers = options.compilers ?? new Compilers();
  }

  /** Resume the jobs a previous process left pending. */
  /**
   * Resume the pending jobs. A database that does not answer yet (a replica started during a
   * failover) is asked again with back-off until it does or the verifier stops: the server
   * serves meanwhile, and /healthz says the database is unreachable.
   */
  async start(): Promise<void> {
    let rows: { guid: string; request: string | null }[] | undefined;
    for (let delayMs = 500; !rows; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        rows = await this.db.selectFrom('verification_jobs').select(['guid', 'request']).where('state', '=', 'pending').orderBy('created_at').execute();
      } catch (err) {
        this.options.logger?.warn({ err: (err as Error).message, retryInMs: delayMs }, 'verification jobs not resumed yet: the database did not answer');
        await sleep(delayMs, this.abort.signal);
        if (this.stopped) return;
      }
    }
    for (const row of rows) {
      if (row.request) this.queue.push(row.guid);
      else await this.finish(row.guid, { reason: 'the server restarted before this job ran, and the job did not keep its request; submit it again' });
    }
    if (rows.length) this.options.logger?.info({ resumed: this.queue.length }, 'verification jobs resumed');
    this.pump();
  }

  /** Stop at once: a running compilation is killed; pending jobs stay in the database for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.pumping;
  }

  /** Jobs waiting or running in this process. */
  get queued(): number {
    return this.queue.length + (this.pumping ? 1 : 0);
  }

  /**
   * Check what can be checked at once; then record the job and queue it. Returns its guid.
   * `client` is whom the per-client limits count against; `refuseIfRunning` refuses a second
   * job for an address that has one pending (Sourcify's rule; Etherscan queues it).
   */
  async submit(req: VerifyRequest, client: string, opts: { refuseIfRunning?: boolean } = {}): Promise<string> {
    if (this.stopped) throw new SubmissionError('busy', 'Max rate limit reached: the server is stopping; retry later');
    const size = Buffer.byteLength(req.sourceCode, 'utf8');
    if (size > this.limits.maxSourceBytes) {
      throw new SubmissionError('invalid', `Error! The source is ${size} bytes; this server compiles at most ${this.limits.maxSourceBytes} bytes`);
    }
    try {
      prepareInput(req);
      await this.compilers.resolve(req.compilerVersion);
    } catch (err) {
      if (err instanceof BadRequestError || err instanceof UnknownCompilerError) throw new SubmissionError('invalid', err.message);
      throw err;
    }
    const address = req.address.toLowerCase();
    const admitted = this.admitting.then(() => this.admit(address, req, client, opts));
    this.admitting = admitted.catch(() => undefined);
    return admitted;
  }

  private async count(filter: { state?: 'pending'; client?: string; since?: number }): Promise<number> {
    let q = this.db.selectFrom('verification_jobs').select((eb) => eb.fn.countAll<number | string>().as('n'));
    if (filter.state) q = q.where('state', '=', filter.state);
    if (filter.client !== undefined) q = q.where('client', '=', filter.client);
    if (filter.since !== undefined) q = q.where('created_at', '>=', filter.since);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  private async admit(address: string, req: VerifyRequest, client: string, opts: { refuseIfRunning?: boolean }): Promise<string> {
    const { pendingPerClient, submissionsPerMinute, queueSize } = this.limits;
    if ((await this.count({ state: 'pending' })) >= queueSize) {
      throw new SubmissionError('busy', `Max rate limit reached: the verification queue is full (${queueSize} jobs); the server is busy, retry later`);
    }
    if ((await this.count({ state: 'pending', client })) >= pendingPerClient) {
      throw new SubmissionError('busy', `Max rate limit reached: you have ${pendingPerClient} verifications pending, the most one client may have; wait for them to finish`);
    }
    if ((await this.count({ client, since: now() - 60 })) >= submissionsPerMinute) {
      throw new SubmissionError('busy', `Max rate limit reached: at most ${submissionsPerMinute} verification submissions a minute per client; retry later`);
    }
    const existing = await this.db.selectFrom('verified_contracts').select('match_kind').where('address', '=', address).executeTakeFirst();
    if (existing?.match_kind === 'full') throw new SubmissionError('already_verified', ALREADY_VERIFIED);
    if (opts.refuseIfRunning && (await this.db.selectFrom('verification_jobs').select('guid').where('address', '=', address).where('state', '=', 'pending').executeTakeFirst())) {
      throw new SubmissionError('duplicate', `Contract ${address} is already being verified`);
    }
    const creation = await this.locateCreation(address, req.creationTxHash);

    const guid = newGuid();
    const request: StoredRequest = { req: { ...req, address }, creation };
    await this.db
      .insertInto('verification_jobs')
      .values({ guid, address, state: 'pending', reason: null, match_kind: null, created_at: now(), finished_at: null, client, request: JSON.stringify(request), started_at: null, compile_ms: null })
      .execute();
    this.queue.push(guid);
    this.pump();
    return guid;
  }

  /**
   * Record a job that is answered at once (Etherscan's verifyproxycontract): its guid then
   * answers like any other. `message` is what the status check returns.
   */
  async record(address: string, client: string, outcome: { ok: boolean; message: string }): Promise<string> {
    const guid = newGuid();
    await this.db
      .insertInto('verification_jobs')
      .values({
        guid, address, state: outcome.ok ? 'pass' : 'fail', reason: outcome.message, match_kind: null, created_at: now(), finished_at: now(), client, request: null, started_at: now(), compile_ms: null,
      })
      .execute();
    return guid;
  }

  /**
   * The creating transaction's hash and the init code its creating frame ran: the transaction's
   * input for a contract created by an account; for one created by another contract (a
   * factory's CREATE or CREATE2), the frame's input from the node's trace.
   */
  private async locateCreation(address: string, givenTx?: string): Promise<Creation> {
    const direct = await this.db
      .selectFrom('accounts')
      .innerJoin('transactions', 'transactions.hash', 'accounts.creation_tx')
      .select(['transactions.hash', 'transactions.input', 'transactions.to_address'])
      .where('accounts.address', '=', address)
      .where('accounts.is_contract', '=', 1)
      .executeTakeFirst();
    if (direct && !direct.to_address && (!givenTx || givenTx.toLowerCase() === direct.hash)) return { txHash: direct.hash, input: direct.input };
    const internal = givenTx
      ? undefined
      : await this.db
          .selectFrom('internal_transactions')
          .select('tx_hash')
          .where('to_address', '=', address)
          .where('call_type', 'in', ['CREATE', 'CREATE2'])
          .where('error', 'is', null)
          .orderBy('block_number', 'desc')
          .executeTakeFirst();
    const txHash = givenTx?.toLowerCase() ?? internal?.tx_hash;
    if (!txHash) throw new SubmissionError('not_found', `Unable to locate ContractCode at ${address}: no contract creation with that address is indexed`);
    if (!this.options.trace) {
      throw new SubmissionError('not_found', `Unable to locate ContractCode at ${address}: it was created inside transaction ${txHash}, and reading a creation from a trace needs a node (serve --rpc)`);
    }
    const frame = creationFrame(await this.options.trace(txHash), address);
    if (!frame) throw new SubmissionError('not_found', `Unable to locate ContractCode at ${address}: transaction ${txHash} does not create it`);
    return { txHash, input: frame.input };
  }

  async job(guid: string): Promise<JobView | undefined> {
    const row = await this.db.selectFrom('verification_jobs').selectAll().where('guid', '=', guid).executeTakeFirst();
    if (!row) return undefined;
    const contract = row.state === 'pass'
      ? await this.db.selectFrom('verified_contracts').select(['creation_match', 'runtime_match']).where('address', '=', row.address).executeTakeFirst()
      : undefined;
    return {
      guid, address: row.address, state: row.state,
      matchKind: row.match_kind ?? undefined,
      creationMatch: contract?.creation_match ?? row.match_kind ?? undefined,
      runtimeMatch: contract?.runtime_match ?? row.match_kind ?? undefined,
      alreadyVerified: row.state === 'pass' && row.reason === ALREADY_REASON,
      reason: row.state === 'fail' ? (row.reason ?? 'unknown reason') : (row.reason ?? undefined),
      createdAt: Number(row.created_at),
      startedAt: row.started_at === null ? undefined : Number(row.started_at),
      finishedAt: row.finished_at === null ? undefined : Number(row.finished_at),
      compileMs: row.compile_ms === null ? undefined : Number(row.compile_ms),
    };
  }

  private pump(): void {
    if (this.pumping || this.stopped || !this.queue.length) return;
    this.pumping = (async () => {
      while (!this.stopped && this.queue.length) await this.runJob(this.queue.shift()!);
    })().finally(() => {
      this.pumping = undefined;
      this.pump();
    });
  }

  private async finish(guid: string, outcome: { matchKind: MatchKind; reason?: string } | { reason: string }, compileMs?: number) {
    await this.db
      .updateTable('verification_jobs')
      .set('matchKind' in outcome
        ? { state: 'pass', match_kind: outcome.matchKind, reason: outcome.reason ?? null, finished_at: now(), compile_ms: compileMs ?? null }
        : { state: 'fail', reason: outcome.reason, finished_at: now(), compile_ms: compileMs ?? null })
      .where('guid', '=', guid)
      .execute();
  }

  /**
   * Take the job for this process. Several processes share the database (replicas, `--workers`)
   * and each resumes the pending jobs when it starts; the one whose update marks the job started
   * runs it. A job whose run began longer ago than any run may last (its process died) can be
   * taken again.
   */
  private async claim(guid: string): Promise<boolean> {
    const stale = now() - Math.ceil(this.limits.compileTimeoutMs / 1000) - 60;
    const r = await this.db
      .updateTable('verification_jobs')
      .set({ started_at: now() })
      .where('guid', '=', guid)
      .where('state', '=', 'pending')
      .where((eb) => eb.or([eb('started_at', 'is', null), eb('started_at', '<', stale)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async runJob(guid: string): Promise<void> {
    const row = await this.db.selectFrom('verification_jobs').select(['address', 'request', 'state']).where('guid', '=', guid).executeTakeFirst();
    if (!row || row.state !== 'pending' || !row.request) return;
    const { req, creation } = JSON.parse(row.request) as StoredRequest;
    if (!(await this.claim(guid))) return;
    let compileMs: number | undefined;
    try {
      const existing = await this.db.selectFrom('verified_contracts').select('match_kind').where('address', '=', row.address).executeTakeFirst();
      if (existing?.match_kind === 'full') return await this.finish(guid, { matchKind: 'full', reason: ALREADY_REASON });
      const compiler = await this.compilers.resolve(req.compilerVersion);
      const prepared = prepareInput(req);
      const t0 = performance.now();
      const output = await compileStandardJson(compiler.build, JSON.stringify(prepared.input), { timeoutMs: this.limits.compileTimeoutMs, signal: this.abort.signal });
      compileMs = Math.round(performance.now() - t0);
      const verdict = await this.match(row.address, req, prepared, output, creation);
      if ('reason' in verdict) return await this.finish(guid, { reason: verdict.reason }, compileMs);
      await this.store(row.address, req, compiler, prepared, verdict, creation);
      await this.finish(guid, { matchKind: verdict.kind }, compileMs);
    } catch (err) {
      // Stopping: the job stays pending and unclaimed, and the next start runs it again from its request.
      if (err instanceof CompileAbortedError) {
        await this.db.updateTable('verification_jobs').set({ started_at: null }).where('guid', '=', guid).execute().catch(() => undefined);
        return;
      }
      if (!(err instanceof CompileTimeoutError)) this.options.logger?.warn({ err, guid }, 'verification failed');
      const known = err instanceof BadRequestError || err instanceof UnknownCompilerError || err instanceof CompileTimeoutError;
      const reason = known ? (err as Error).message : `internal error while verifying: ${(err as Error).message}`;
      await this.finish(guid, { reason }, compileMs).catch(() => undefined);
    }
  }

  private async match(address: string, req: VerifyRequest, prepared: PreparedInput, output: SolcOutput, creation: Creation): Promise<Verdict | { reason: string }> {
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length) return { reason: `compilation failed: ${(errors[0]!.formattedMessage ?? errors[0]!.message).trim()}` };
    const found = findContract(output, prepared);
    if (typeof found === 'string') return { reason: found };
    const { contract } = found;
    const linkedCreation = linkFromChain(contract.evm.bytecode.object, creation.input, contract.evm.bytecode.linkReferences);
    const created = linkedCreation && matchCreation(linkedCreation.code, creation.input);
    if (!created) return { reason: `the compiled creation code of ${prepared.name} does not match the input of creation transaction ${creation.txHash}` };
    const given = req.constructorArgs.replace(/^0x/i, '').toLowerCase();
    if (given && given !== created.constructorArgs) {
      return { reason: 'the constructor arguments given do not match those of the creation transaction' };
    }
    const deployed = (await this.storedCode(address)) ?? (await this.options.runtimeCode?.(address));
    let runtime: MatchKind | undefined;
    if (deployed !== undefined) {
      if (strip0x(deployed) === '') return { reason: `there is no runtime code at ${address}: its creation failed or it self-destructed` };
      const linked = linkFromChain(contract.evm.deployedBytecode.object, deployed, contract.evm.deployedBytecode.linkReferences);
      runtime = linked && matchRuntime(linked.code, deployed, contract.evm.deployedBytecode.immutableReferences);
      if (!runtime) return { reason: `the compiled runtime code of ${prepared.name} does not match the code deployed at ${address}` };
    }
    return {
      kind: weaker(created.kind, runtime), creation: created.kind, runtime, constructorArgs: created.constructorArgs,
      contract, path: found.path, libraries: linkedCreation.libraries,
    };
  }

  /** The runtime code the indexer stored for the address's latest creation; undefined when it has none. */
  private async storedCode(address: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('contract_code').select('code').where('address', '=', address).orderBy('block_number', 'desc').limit(1).executeTakeFirst();
    return row?.code;
  }

  private async store(address: string, req: VerifyRequest, compiler: Compiler, prepared: PreparedInput, verdict: Verdict, creation: Creation) {
    const settings = storedSettings(prepared.input);
    // The libraries read from the chain, in standard JSON's own form: { file: { Name: address } }.
    if (Object.keys(verdict.libraries).length) {
      const libraries: Record<string, Record<string, string>> = {};
      for (const [fqn, addr] of Object.entries(verdict.libraries)) {
        const at = fqn.lastIndexOf(':');
        (libraries[fqn.slice(0, at)] ??= {})[fqn.slice(at + 1)] = addr;
      }
      settings.libraries = libraries;
    }
    const row = {
      address,
      contract_name: prepared.name,
      fully_qualified_name: `${verdict.path}:${prepared.name}`,
      compiler_version: compiler.longVersion,
      match_kind: verdict.kind,
      creation_match: verdict.creation,
      runtime_match: verdict.runtime ?? null,
      abi: JSON.stringify(verdict.contract.abi),
      settings: JSON.stringify(settings),
      sources: JSON.stringify(prepared.sources),
      constructor_args: verdict.constructorArgs,
      creation_tx: creation.txHash,
      license: req.licenseType ?? null,
      verified_at: now(),
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
