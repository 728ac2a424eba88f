// The ABIs of verified contracts, for read-time decoding. Parsed ABIs are kept per
// (address, verification time), so a re-verification is picked up and a popular contract's
// ABI is parsed once, while the rows themselves are read per request (another API process
// may have verified a contract since).
import type { Kysely } from 'kysely';
import type { Abi } from 'viem';
import type { Database } from '../../db/schema';

const parsed = new Map<string, Abi>();
const MAX_PARSED = 2000;

export async function loadVerifiedAbis(db: Kysely<Database>, addresses: readonly string[]): Promise<Map<string, Abi>> {
  const out = new Map<string, Abi>();
  if (addresses.length === 0) return out;
  const rows = await db.selectFrom('verified_contracts').select(['address', 'abi', 'verified_at']).where('address', 'in', [...new Set(addresses)]).execute();
  for (const r of rows) {
    const key = `${r.address}:${r.verified_at}`;
    let abi = parsed.get(key);
    if (!abi) {
      abi = JSON.parse(r.abi) as Abi;
      parsed.set(key, abi);
      if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    }
    out.set(r.address, abi);
  }
  return out;
}
