// A transaction list's scope (an address's, a block's, or all) and its filter, checked once
// into a typed form the query builder (tx-list.ts) trusts. The same checks serve GraphQL
// arguments and the CSV export's query string, so both refuse the same input the same way.
// Pure.
import type { TransactionFilter, TxDirection, TxKind } from '../generated/graphql';
import { TimestampScalar } from '../scalars';
import { selectorsNamed } from '../decode/decoder';
import { badInput } from '../errors';
import * as v from '../validate';

/** Whose transactions: an address's, one block's, or (neither) the whole chain's. */
export interface TxScope {
  address?: string;
  block?: number;
}

/** A checked filter. Block and time bounds are inclusive; a method is the selectors it stands for. */
export interface TxFilter {
  kind: TxKind;
  direction?: TxDirection;
  method?: string[];
  fromBlock?: number;
  toBlock?: number;
  since?: number;
  until?: number;
  counterparty?: string;
}

const KINDS: readonly TxKind[] = ['NORMAL', 'INTERNAL', 'TOKEN'];
const DIRECTIONS: readonly TxDirection[] = ['IN', 'OUT', 'SELF'];

export function txScope(args: { address?: string | null; block?: number | null }): TxScope {
  if (args.address != null && args.block != null) throw badInput('give address or block, not both');
  if (args.address != null) return { address: v.address(args.address) };
  if (args.block != null) return { block: v.blockNumber(args.block) };
  return {};
}

function method(value: string): string[] {
  const m = value.trim();
  if (/^0x[0-9a-fA-F]{8}$/.test(m)) return [m.toLowerCase()];
  if (!/^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/.test(m)) throw badInput('method must be a 4-byte selector (0x + 8 hex digits) or a function name');
  const selectors = selectorsNamed(m);
  if (!selectors.length) throw badInput(`no function named ${m} is known (the registry's or a well-known one): give its 4-byte selector`);
  return selectors;
}

/** Check a filter against its list; BAD_USER_INPUT says what is wrong. */
export function txFilter(input: TransactionFilter | null | undefined, scope: TxScope): TxFilter {
  const f: TxFilter = { kind: input?.kind ?? 'NORMAL' };
  if (!input) return f;
  if (!KINDS.includes(f.kind)) throw badInput(`kind must be one of ${KINDS.join(', ')}`);
  if (input.direction != null) {
    if (!DIRECTIONS.includes(input.direction)) throw badInput(`direction must be one of ${DIRECTIONS.join(', ')}`);
    if (scope.address === undefined) throw badInput("direction needs an address's list: it says which way transactions go from that address");
    f.direction = input.direction;
  }
  if (input.method != null && input.method !== '') f.method = method(input.method);
  if (input.fromBlock != null) f.fromBlock = v.blockNumber(input.fromBlock, 'fromBlock');
  if (input.toBlock != null) f.toBlock = v.blockNumber(input.toBlock, 'toBlock');
  if (f.fromBlock !== undefined && f.toBlock !== undefined && f.fromBlock > f.toBlock) throw badInput('fromBlock must not be after toBlock');
  if (input.since != null) f.since = Number(input.since);
  if (input.until != null) f.until = Number(input.until);
  if (f.since !== undefined && f.until !== undefined && f.since > f.until) throw badInput('since must not be after until');
  if (input.counterparty != null && input.counterparty !== '') f.counterparty = v.address(input.counterparty, 'counterparty');
  return f;
}

const one = (q: Record<string, unknown>, key: string): string | undefined => {
  const value = q[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badInput(`${key} must be given once`);
  return value;
};

const whole = (value: string | undefined, key: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw badInput(`${key} must be a whole number ≥ 0`);
  return Number(value);
};

const time = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : (TimestampScalar.parseValue(/^\d+$/.test(value) ? Number(value) : value) as number);

function choice<T extends string>(value: string | undefined, key: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase() as T;
  if (!allowed.includes(upper)) throw badInput(`${key} must be one of ${allowed.map((a) => a.toLowerCase()).join(', ')}`);
  return upper;
}

/**
 * A list and its filter from a URL's query string (the CSV export; the web app writes the
 * same names): address, block, method, direction, kind, fromBlock, toBlock, since, until,
 * counterparty. Enum values in any case; times as unix seconds or ISO-8601.
 */
export function txListFromQuery(q: Record<string, unknown>): { scope: TxScope; filter: TxFilter } {
  const scope = txScope({ address: one(q, 'address'), block: whole(one(q, 'block'), 'block') });
  const filter = txFilter(
    {
      method: one(q, 'method'),
      direction: choice(one(q, 'direction'), 'direction', DIRECTIONS),
      kind: choice(one(q, 'kind'), 'kind', KINDS),
      fromBlock: whole(one(q, 'fromBlock'), 'fromBlock'),
      toBlock: whole(one(q, 'toBlock'), 'toBlock'),
      since: time(one(q, 'since')),
      until: time(one(q, 'until')),
      counterparty: one(q, 'counterparty'),
    },
    scope,
  );
  return { scope, filter };
}
