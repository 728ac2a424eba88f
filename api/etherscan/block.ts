// module=block&action=getblocknumberbytime: the last block at or before a time, or the first
// at or after it, as Etherscan answers it (the number as a decimal string).
import { ApiInputError, int, required, str, type Params } from './params';
import { ok, type EtherscanAnswer } from './respond';
import type { ApiDeps } from './account';

export async function getblocknumberbytime({ db }: ApiDeps, params: Params): Promise<EtherscanAnswer> {
  const timestamp = int(required(params, 'timestamp', 'unix seconds'), 'timestamp', 0, 0, 253_402_300_799);
  const closest = str(params, 'closest') ?? 'before';
  if (closest !== 'before' && closest !== 'after') throw new ApiInputError('Error! Invalid closest: it takes before or after');
  const row =
    closest === 'before'
      ? await db.selectFrom('blocks').select('number').where('timestamp', '<=', timestamp).orderBy('timestamp', 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst()
      : await db.selectFrom('blocks').select('number').where('timestamp', '>=', timestamp).orderBy('timestamp', 'asc').orderBy('number', 'asc').limit(1).executeTakeFirst();
  if (!row) throw new ApiInputError('Error! No closest block found');
  return ok(String(row.number));
}
