// Mounts /api on the server's express app: the Etherscan-compatible API over the shared verifier.
import type { Express, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect';
import type { HeadTracker } from '../head';
import type { NodeBalances } from '../balances/account-balance';
import type { ProxyResolver } from '../proxy/resolve';
import type { Verifier } from '../verify/verifier';
import { etherscanRouter } from './router';

export function mountEtherscanApi(
  app: Express,
  options: { db: Db; head: HeadTracker; verifier: Verifier; proxies: ProxyResolver; nodeBalances?: NodeBalances; logger?: Logger; limiter?: RequestHandler },
): void {
  const { head } = options;
  app.use(
    '/api',
    etherscanRouter({
      db: options.db.db, engine: options.db.engine, head: () => head.current.indexedHead, chainId: () => head.current.chainId,
      verifier: options.verifier, proxies: options.proxies, nodeBalances: options.nodeBalances, logger: options.logger, limiter: options.limiter,
    }),
  );
}
