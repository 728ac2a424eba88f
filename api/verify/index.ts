// The one verifier a server process runs, behind /api, /sourcify/ and the web: the only writer
// in `yuscan serve`, to its own tables (verified_contracts, verification_jobs). A node, when
// serve has one, supplies deployed code the index lacks and the traces of factory creations.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { VerifyLimits } from '../../config/constants';
import type { Database } from '../../db/schema';
import type { RpcClient } from '../../indexer/rpc';
import { Compilers } from './compilers';
import type { CallFrame } from './creation';
import { Verifier } from './verifier';

export interface VerifySettings {
  limits?: Partial<VerifyLimits>;
  /** The operator's folder of soljson-v*.js compilers, besides the npm ones. */
  compilersDir?: string;
}

export function createVerifier(db: Kysely<Database>, opts: VerifySettings & { rpc?: RpcClient; logger?: Logger }): Verifier {
  const { rpc } = opts;
  return new Verifier(db, {
    logger: opts.logger,
    limits: opts.limits,
    compilers: new Compilers(opts.compilersDir),
    // The indexer stores every created contract's code; the node is asked only for an index that predates that.
    runtimeCode: rpc && ((address) => rpc.request<string>('eth_getCode', [address, 'latest'])),
    trace: rpc && ((txHash) => rpc.request<CallFrame>('debug_traceTransaction', [txHash, { tracer: 'callTracer' }])),
  });
}
