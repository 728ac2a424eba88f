// Sourcify's API v2 at /sourcify/, over the same verifier and store as /api, so that
// `forge verify-contract --verifier sourcify --verifier-url http://HOST/sourcify/` and Hardhat
// 3's Sourcify provider work: submit (standard JSON or metadata) -> 202 { verificationId },
// poll the job, look the contract up. Errors carry Sourcify's { customCode, message, errorId }.
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { getAddress } from 'viem';
import type { Database, MatchKind, VerifiedContractsTable } from '../../db/schema';
import { BadRequestError, type VerifyRequest } from '../verify/input';
import { SubmissionError, type JobView, type Verifier } from '../verify/verifier';
import { standardJsonFromMetadata } from './metadata';

export interface SourcifyRouterOptions {
  db: Kysely<Database>;
  verifier: Verifier;
  /** The indexed chain's id (0 before the indexer has written it). */
  chainId(): number;
  logger?: Logger;
  limiter?: RequestHandler;
  maxBodyBytes?: number;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly customCode: string,
    message: string,
  ) {
    super(message);
  }
}

const sendError = (res: Response, status: number, customCode: string, message: string) =>
  res.status(status).json({ customCode, message, errorId: randomUUID() });

/** Sourcify's words for a match: exact_match (bytecode and metadata equal), match (metadata differs). */
const matchWord = (kind: MatchKind | null | undefined) => (kind === 'full' ? 'exact_match' : kind === 'partial' ? 'match' : null);
const iso = (seconds: number | undefined) => (seconds === undefined ? undefined : new Date(seconds * 1000).toISOString());

const SUBMISSION_STATUS: Record<SubmissionError['code'], [number, string]> = {
  invalid: [400, 'invalid_parameter'],
  not_found: [404, 'cannot_fetch_bytecode'],
  already_verified: [409, 'already_verified'],
  busy: [429, 'too_many_requests'],
  duplicate: [429, 'duplicate_verification_request'],
};

/** A failed job's reason as one of Sourcify's error codes. */
function failureCode(reason: string): string {
  if (reason.startsWith('compilation failed')) return 'compiler_error';
  if (reason.startsWith('compilation ran longer')) return 'compilation_timeout';
  if (/does not match/.test(reason)) return 'no_match';
  if (/no contract named|is defined in/.test(reason)) return 'contract_not_found_in_compiler_output';
  return 'internal_error';
}

function jobBody(job: JobView, chainId: number) {
  const done = job.state !== 'pending';
  const matched = job.state === 'pass';
  return {
    isJobCompleted: done,
    verificationId: job.guid,
    jobStartTime: iso(job.startedAt ?? job.createdAt),
    ...(done ? { jobFinishTime: iso(job.finishedAt) } : {}),
    ...(job.compileMs !== undefined ? { compilationTime: String(job.compileMs) } : {}),
    contract: {
      match: matched ? matchWord(job.matchKind) : null,
      creationMatch: matched ? matchWord(job.creationMatch) : null,
      runtimeMatch: matched ? matchWord(job.runtimeMatch) : null,
      chainId: String(chainId),
      address: getAddress(job.address),
    },
    ...(job.alreadyVerified
      ? { error: { customCode: 'already_verified', message: `Contract ${getAddress(job.address)} on chain ${chainId} is already verified`, errorId: randomUUID() } }
      : job.state === 'fail'
        ? { error: { customCode: failureCode(job.reason!), message: job.reason!, errorId: randomUUID() } }
        : {}),
  };
}

const FIELDS = ['abi', 'sources', 'compilation', 'stdJsonInput', 'deployment'] as const;
type Field = (typeof FIELDS)[number];

function contractFields(row: VerifiedContractsTable, wanted: Set<Field>) {
  const sources = JSON.parse(row.sources) as Record<string, string>;
  const settings = JSON.parse(row.settings) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (wanted.has('abi')) out.abi = JSON.parse(row.abi);
  if (wanted.has('sources')) out.sources = Object.fromEntries(Object.entries(sources).map(([p, content]) => [p, { content }]));
  if (wanted.has('compilation')) {
    out.compilation = {
      language: 'Solidity', compiler: 'solc', compilerVersion: row.compiler_version.replace(/^v/, ''), compilerSettings: settings,
      name: row.contract_name, fullyQualifiedName: row.fully_qualified_name,
    };
  }
  if (wanted.has('stdJsonInput')) out.stdJsonInput = { language: 'Solidity', sources: out.sources ?? Object.fromEntries(Object.entries(sources).map(([p, content]) => [p, { content }])), settings };
  if (wanted.has('deployment')) out.deployment = { transactionHash: row.creation_tx };
  return out;
}

export function sourcifyRouter(options: SourcifyRouterOptions): express.Router {
  const { verifier, db } = options;
  const router = express.Router();
  if (options.limiter) router.use(options.limiter);
  router.use(express.json({ limit: options.maxBodyBytes ?? 8 * 1024 * 1024 }));

  const checkTarget = (req: Request) => {
    const chainId = options.chainId();
    if (req.params.chainId !== String(chainId)) throw new ApiError(400, 'unsupported_chain', `Chain ${req.params.chainId} is not supported: this server verifies chain ${chainId} only`);
    const address = String(req.params.address);
    if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new ApiError(400, 'invalid_parameter', `${address} is not a 0x-prefixed 20-byte hex address`);
    return address.toLowerCase();
  };
  const creationTx = (body: Record<string, unknown>) => {
    const h = body.creationTransactionHash;
    if (h === undefined || h === null) return undefined;
    if (typeof h !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(h)) throw new ApiError(400, 'invalid_parameter', 'creationTransactionHash must be a 0x-prefixed 32-byte hex hash');
    return h.toLowerCase();
  };
  const submit = async (req: Request, res: Response, request: VerifyRequest) => {
    const verificationId = await verifier.submit(request, req.ip ?? 'unknown', { refuseIfRunning: true });
    res.status(202).json({ verificationId });
  };
  const handle = (fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler => (req, res, next) => {
    fn(req, res).catch(next);
  };

  router.post('/v2/verify/metadata/:chainId/:address', handle(async (req, res) => {
    const address = checkTarget(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!body.metadata) throw new ApiError(400, 'invalid_parameter', 'metadata is required');
    if (!body.sources || typeof body.sources !== 'object') throw new ApiError(400, 'invalid_parameter', 'sources is required: { path: content }');
    const m = standardJsonFromMetadata(body.metadata, body.sources as Record<string, string>);
    await submit(req, res, {
      address, codeFormat: 'solidity-standard-json-input', sourceCode: m.standardJson, contractName: m.contractIdentifier,
      compilerVersion: m.compilerVersion, constructorArgs: '', creationTxHash: creationTx(body),
    });
  }));

  router.post('/v2/verify/:chainId/:address', handle(async (req, res) => {
    const address = checkTarget(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { stdJsonInput, compilerVersion, contractIdentifier } = body;
    if (!stdJsonInput || typeof stdJsonInput !== 'object') throw new ApiError(400, 'invalid_parameter', 'stdJsonInput is required: the solc standard JSON input');
    if (typeof compilerVersion !== 'string') throw new ApiError(400, 'invalid_parameter', 'compilerVersion is required, e.g. 0.8.24+commit.e11b9ed9');
    if (typeof contractIdentifier !== 'string') throw new ApiError(400, 'invalid_parameter', 'contractIdentifier is required: path:ContractName');
    await submit(req, res, {
      address, codeFormat: 'solidity-standard-json-input', sourceCode: JSON.stringify(stdJsonInput), contractName: contractIdentifier,
      compilerVersion, constructorArgs: '', creationTxHash: creationTx(body),
    });
  }));

  router.get('/v2/verify/:verificationId', handle(async (req, res) => {
    const id = String(req.params.verificationId);
    const job = /^[0-9a-zA-Z-]{1,64}$/.test(id) ? await verifier.job(id) : undefined;
    if (!job) throw new ApiError(404, 'job_not_found', `No verification job found for id ${id}`);
    res.json(jobBody(job, options.chainId()));
  }));

  router.get('/v2/contract/:chainId/:address', handle(async (req, res) => {
    const address = checkTarget(req);
    const row = await db.selectFrom('verified_contracts').selectAll().where('address', '=', address).executeTakeFirst();
    const chainId = String(options.chainId());
    if (!row) {
      res.status(404).json({ match: null, creationMatch: null, runtimeMatch: null, chainId, address: getAddress(address) });
      return;
    }
    const list = (q: unknown) => (typeof q === 'string' && q ? q.split(',') : []);
    const fields = list(req.query.fields);
    const omit = new Set(list(req.query.omit));
    const wanted = new Set<Field>(fields.includes('all') || omit.size ? FIELDS.filter((f) => !omit.has(f)) : FIELDS.filter((f) => fields.includes(f)));
    res.json({
      match: matchWord(row.match_kind),
      creationMatch: matchWord(row.creation_match ?? row.match_kind),
      runtimeMatch: matchWord(row.runtime_match ?? row.match_kind),
      chainId,
      address: getAddress(address),
      verifiedAt: iso(Number(row.verified_at)),
      ...contractFields(row, wanted),
    });
  }));

  router.use((req, res) => sendError(res, 404, 'route_not_found', `No such route: ${req.method} ${req.baseUrl}${req.path}`));
  router.use((err: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    if (res.headersSent) return;
    if (err instanceof ApiError) return sendError(res, err.status, err.customCode, err.message);
    if (err instanceof SubmissionError) {
      const [status, code] = SUBMISSION_STATUS[err.code];
      return sendError(res, status, code, err.message);
    }
    if (err instanceof BadRequestError) return sendError(res, 400, 'invalid_parameter', err.message);
    if (err.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the request body is not valid JSON');
    if (err.type === 'entity.too.large') return sendError(res, 413, 'invalid_parameter', 'the request body is too large');
    options.logger?.error({ err }, '/sourcify request failed');
    sendError(res, 500, 'internal_error', 'the server could not answer; try again later');
  });
  return router;
}
