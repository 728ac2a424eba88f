// module=logs&action=getLogs: logs by address and topics over a block range, Etherscan's
// shape (numbers as 0x-hex). Topic pairs combine with topicA_B_opr=and|or, as on Etherscan.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import { decodeLog } from '../decode/decoder';
import { loadVerifiedAbis } from '../decode/verified';
import { ApiInputError, address, block, int, MAX_OFFSET, MAX_WINDOW, str, topic, type Params } from './params';
import { list, type EtherscanAnswer } from './respond';
import type { ApiDeps } from './account';

/** Widest block range one getLogs call may scan when no address narrows it. */
export const MAX_UNFILTERED_RANGE = 10_000;

const TOPIC_COLUMNS = ['topic0', 'topic1', 'topic2', 'topic3'] as const;
const hex = (n: number | string) => `0x${BigInt(n).toString(16)}`;

export async function getLogs({ db, head }: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const h = head();
  const fromBlock = block(str(params, 'fromBlock') ?? str(params, 'fromblock'), 'fromBlock', 0, h);
  const toBlock = block(str(params, 'toBlock') ?? str(params, 'toblock'), 'toBlock', h, h);
  if (fromBlock > toBlock) throw new ApiInputError('Error! fromBlock is after toBlock');
  const addrRaw = str(params, 'address');
  const addr = addrRaw === undefined ? undefined : address(addrRaw);
  const topics = TOPIC_COLUMNS.map((_, i) => {
    const v = str(params, `topic${i}`);
    return v === undefined ? undefined : topic(v, `topic${i}`);
  });
  if (!addr && topics.every((t) => t === undefined)) throw new ApiInputError('Error! Missing address or topic0: getLogs takes an address, topics, or both');
  if (!addr && toBlock - Math.min(fromBlock, toBlock) > MAX_UNFILTERED_RANGE) {
    throw new ApiInputError(`Error! Without an address, the block range may span at most ${MAX_UNFILTERED_RANGE} blocks`);
  }
  const page = int(str(params, 'page'), 'page', 1, 1, MAX_WINDOW);
  const offset = int(str(params, 'offset'), 'offset', MAX_OFFSET, 1, MAX_OFFSET);
  if (page * offset > MAX_WINDOW) throw new ApiInputError(`Result window is too large, PageNo x Offset size must be less than or equal to ${MAX_WINDOW}`);

  // Each given topic is a condition; adjacent ones join with their topicA_B_opr (default and).
  const where = (eb: ExpressionBuilder<Database & { l: Database['logs'] }, 'l'>): Expression<SqlBool> => {
    const present = TOPIC_COLUMNS.flatMap((c, i) => (topics[i] ? [{ i, cond: eb(`l.${c}`, '=', topics[i]!) }] : []));
    if (present.length === 0) return sql<SqlBool>`1 = 1`;
    let acc: Expression<SqlBool> = present[0]!.cond;
    for (let k = 1; k < present.length; k++) {
      const a = present[k - 1]!.i;
      const b = present[k]!.i;
      const opr = str(params, `topic${a}_${b}_opr`) ?? 'and';
      if (opr !== 'and' && opr !== 'or') throw new ApiInputError(`Error! Invalid topic${a}_${b}_opr: it takes and or or`);
      acc = opr === 'and' ? eb.and([acc, present[k]!.cond]) : eb.or([acc, present[k]!.cond]);
    }
    return acc;
  };

  let q = db
    .selectFrom('logs as l')
    .innerJoin('transactions as t', (j) => j.onRef('t.block_number', '=', 'l.block_number').onRef('t.tx_index', '=', 'l.tx_index'))
    .select(['l.address', 'l.topic0', 'l.topic1', 'l.topic2', 'l.topic3', 'l.data', 'l.block_number', 'l.log_index', 't.hash as tx_hash', 'l.tx_index',
      'l.event_name', 'l.event_args', 't.timestamp', 't.effective_gas_price', 't.gas_used'])
    .where('l.block_number', '>=', fromBlock)
    .where('l.block_number', '<=', toBlock)
    .where(where);
  if (addr) q = q.where('l.address', '=', addr);
  const rows = await q.orderBy('l.block_number').orderBy('l.log_index').limit(offset).offset((page - 1) * offset).execute();
  const abis = await loadVerifiedAbis(db, rows.map((r) => r.address));
  return list(
    rows.map((r) => {
      const decoded = decodeLog(r, abis.get(r.address));
      return {
        address: r.address,
        topics: [r.topic0, r.topic1, r.topic2, r.topic3].filter((t): t is string => t != null),
        data: r.data,
        blockNumber: hex(r.block_number),
        timeStamp: hex(r.timestamp),
        gasPrice: hex(r.effective_gas_price),
        gasUsed: hex(r.gas_used),
        logIndex: hex(r.log_index),
        transactionHash: r.tx_hash,
        transactionIndex: hex(r.tx_index),
        ...(decoded ? { eventName: decoded.signature ?? decoded.name } : {}),
      };
    }),
    'No records found',
  );
}
