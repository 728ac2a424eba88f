// View calls against the node `yuscan serve --rpc` was given, under a process-wide budget.
import type { Abi } from 'viem';
import type { RpcClient } from '../../indexer/rpc';
import { callBudget, decodeRead, encodeRead, ReadError } from './read';

/** Default: 20 calls a second across all clients, bursts of 40 (on top of the per-IP API limit). */
const READS_PER_SECOND = 20;

export interface ContractReads {
  read(address: string, abi: Abi, fn: string, args: string[], blockNumber: number): Promise<Array<{ name: string; value: string }>>;
}

export function contractReads(rpc: RpcClient, perSecond = READS_PER_SECOND): ContractReads {
  const take = callBudget(perSecond, perSecond * 2);
  return {
    async read(address, abi, fn, args, blockNumber) {
      const call = encodeRead(abi, fn, args);
      if (!take()) throw new ReadError('too many contract reads right now; retry in a second');
      let result: `0x${string}`;
      try {
        result = await rpc.request<`0x${string}`>('eth_call', [{ to: address, data: call.data }, `0x${blockNumber.toString(16)}`]);
      } catch (err) {
        throw new ReadError(`the call failed: ${(err as Error).message}`);
      }
      return decodeRead(call, result);
    },
  };
}
