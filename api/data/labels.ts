// Names for addresses: the best one each address has, from the operator's labels
// (LABELS_FILE), the alliance's members, tokens, verified contracts and registered validator
// nodes, in that order. One loader per request, so a page of addresses costs a fixed
// handful of statements whatever its length.
import DataLoader from 'dataloader';
import type { OperatorLabel } from '../../config/labels';
import type { LabelSource } from '../generated/enums';
import type { Context } from '../context';
import { loaders as accountLoaders } from './accounts';
import type { LabelBook } from './label-book';


export interface AccountName {
  label: string;
  source: LabelSource;
}

const perRequest = new WeakMap<Context, DataLoader<string, AccountName | null>>();

/** The best name of each address (lowercase), or null. */
export function nameLoader(ctx: Context): DataLoader<string, AccountName | null> {
  let l = perRequest.get(ctx);
  if (l) return l;
  l = new DataLoader<string, AccountName | null>(async (addresses) => {
    const list = [...addresses];
    const [state, tokens, contracts, nodes] = await Promise.all([
      ctx.head.allianceState(),
      accountLoaders(ctx).token.loadMany(list),
      ctx.loaders.verifiedContract.loadMany(list),
      ctx.db.selectFrom('node_events').select(['node', 'kind', 'label']).where('node', 'in', list)
        .where('block_number', '<=', ctx.head.current.indexedHead).orderBy('block_number').orderBy('log_index').execute(),
    ]);
    // The latest event of each node decides: a deregistered node no longer names its address.
    const nodeLabels = new Map<string, string | null>();
    for (const n of nodes) nodeLabels.set(n.node, n.kind === 'registered' ? n.label : null);
    return list.map((a, i): AccountName | null => {
      const operator = ctx.labels?.byAddress.get(a);
      if (operator) return { label: operator.label, source: 'OPERATOR' };
      const member = state.members.get(a);
      if (member) return { label: member.name, source: 'MEMBER' };
      const token = tokens[i];
      if (token && !(token instanceof Error) && (token.name || token.symbol)) return { label: (token.name || token.symbol)!, source: 'TOKEN' };
      const contract = contracts[i];
      if (contract && !(contract instanceof Error)) return { label: contract.contract_name, source: 'CONTRACT' };
      const node = nodeLabels.get(a);
      if (node) return { label: node, source: 'VALIDATOR' };
      return null;
    });
  });
  perRequest.set(ctx, l);
  return l;
}

const NO_MATCH = 3;

/** Operator labels matching a query, best first: exact, then prefix, then substring (case-insensitive). */
export function labelsMatching(book: LabelBook | undefined, query: string, limit: number): OperatorLabel[] {
  if (!book) return [];
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const rank = (e: OperatorLabel) => {
    const l = e.label.toLowerCase();
    return l === needle ? 0 : l.startsWith(needle) ? 1 : l.includes(needle) ? 2 : NO_MATCH;
  };
  return book.entries
    .map((e, i) => ({ e, r: rank(e), i }))
    .filter((x) => x.r < NO_MATCH)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.e);
}
