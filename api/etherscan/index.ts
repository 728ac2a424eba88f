// Mounts /api on the server's express app: the Etherscan-compatible API and the verifier
// behind it. The only writer in `yuscan serve`, to its own tables (verified_contracts,
// verification_jobs).
import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect';
import type { RpcClient } from '../../indexer/rpc';
import type { HeadTracker } from '../head';
import type { NodeBalances } from '../balances/account-balance';
import { Verifier } from '../verify/verifier';
import { etherscanRouter } from './router';

export interface EtherscanMount {
  verifier: Verifier;
}

export function mountEtherscanApi(
  app: Express,
  options: { db: Db; head: HeadTracker; rpc?: RpcClient; nodeBalances?: NodeBalances; logger?: Logger; limiter?: RequestHandler },
): EtherscanMount {
  const { rpc } = options;
  const verifier = new Verifier(options.db.db, {
    logger: options.logger,
    // The indexer stores every created contract's code; the node is asked only for an index that predates that.
    runtimeCode: rpc && (async (address) => rpc.request<string>('eth_getCode', [address, 'latest'])),
  });
  app.use(
    '/api',
    etherscanRouter({ db: options.db.db, sqlite: options.db.sqlite, head: () => options.head.current.indexedHead, nodeBalances: options.nodeBalances, verifier, logger: options.logger, limiter: options.limiter }),
  );
  return { verifier };
}
