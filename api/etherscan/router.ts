// The Etherscan-compatible REST API at /api: GET (and POST, which verifysourcecode needs)
// with module and action, answered in Etherscan's shapes. Every failure, including a body
// that does not parse, is a NOTOK answer with a reason; nothing here answers 500 or leaks a
// stack trace.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { txlist } from './account';
import { getblocknumberbytime } from './block';
import { checkproxyverification, checkverifystatus, getabi, getsourcecode, verifyproxycontract, verifysourcecode, type ContractDeps } from './contract';
import { getLogs } from './logs';
import { balance, balancemulti, token1155tx, tokennfttx, tokentx, txlistinternal } from './tokens';
import { OPENAPI } from './openapi';
import { ApiInputError, type Params } from './params';
import { notOk, type EtherscanAnswer } from './respond';

/** `client` is who asks (the address express trusts), for verification's per-client limits. */
export type Action = (deps: ContractDeps, params: Params, client: string) => Promise<EtherscanAnswer>;

export interface EtherscanRouterOptions extends ContractDeps {
  logger?: Logger;
  /** Runs before any action (the server's per-IP rate limiter). */
  limiter?: RequestHandler;
  /** Largest POST body: verification carries whole source trees. Default 8 MB. */
  maxBodyBytes?: number;
  /** The indexed chain's id (0 before the indexer has written it): a `chainid` must be this one. */
  chainId(): number;
}

const ACTIONS: Record<string, Record<string, Action>> = {
  account: { balance, balancemulti, txlist, txlistinternal, tokentx, tokennfttx, token1155tx },
  block: { getblocknumberbytime },
  logs: { getLogs },
  contract: { getabi, getsourcecode, verifysourcecode, checkverifystatus, verifyproxycontract, checkproxyverification },
};

export function etherscanRouter(options: EtherscanRouterOptions): express.Router {
  const router = express.Router();
  const actions = ACTIONS;
  const send = (res: Response, answer: EtherscanAnswer) => {
    res.setHeader('cache-control', 'no-cache');
    res.status(200).json(answer);
  };

  router.get('/openapi.json', (_req, res) => res.json(OPENAPI));
  if (options.limiter) router.use(options.limiter);
  const limit = options.maxBodyBytes ?? 8 * 1024 * 1024;
  router.use(express.urlencoded({ extended: false, limit, parameterLimit: 200 }), express.json({ limit }));
  router.all('/', async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST') return send(res, notOk('Error! Use GET or POST'));
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Params) : {};
    const params: Params = { ...(req.query as Params), ...body };
    const module = params.module;
    const action = params.action;
    const byAction = typeof module === 'string' ? actions[module] : undefined;
    if (!byAction || !Object.hasOwn(actions, module as string)) return send(res, notOk('Error! Missing Or invalid Module name'));
    const handler = typeof action === 'string' && Object.hasOwn(byAction, action) ? byAction[action] : undefined;
    if (!handler) return send(res, notOk('Error! Missing Or invalid Action name'));
    // Etherscan API v2 names the chain on every call; this server answers for one chain only.
    const chainId = options.chainId();
    if (params.chainid !== undefined && params.chainid !== '' && chainId !== 0 && params.chainid !== String(chainId)) {
      return send(res, notOk(`Missing or unsupported chainid parameter (required for v2 api), this server answers for chainid ${chainId} only`));
    }
    try {
      send(res, await handler(options, params, req.ip ?? 'unknown'));
    } catch (err) {
      if (err instanceof ApiInputError) return send(res, notOk(err.message));
      options.logger?.error({ err, module, action }, '/api action failed');
      send(res, notOk('Error! The server could not answer; try again later'));
    }
  });
  router.use((_req, res) => send(res, notOk('Error! No such API path; use /api?module=…&action=…')));
  router.use((err: Error & { type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    if (res.headersSent) return;
    if (err.type === 'entity.too.large') return send(res, notOk(`Error! Request body too large (the limit is ${limit} bytes)`));
    if (err.type === 'entity.parse.failed') return send(res, notOk('Error! The request body could not be parsed'));
    if (err.type === 'parameters.too.many') return send(res, notOk('Error! Too many parameters'));
    options.logger?.warn({ err }, '/api request refused');
    send(res, notOk('Error! Bad request'));
  });
  return router;
}
