// The indexer's part in naming sealers: per batch, who sealed each block (by the chain's
// consensus, detected once), the validator set and votes the headers state, and the
// NodeRegistered/NodeDeregistered events of the configured registry (already decoded, and
// only for that address, by buildRows). Kept apart from rows.ts/writer.ts, which call in here
// through two small hooks.
import type { Insertable } from 'kysely';
import type { Db, Q } from '../db/engine';
import type { BlockSealersTable, NodeEventsTable, ValidatorSetsTable, ValidatorVotesTable } from '../db/schema';
import type { FetchedBlock } from './fetch';
import type { BatchRows } from './rows';
import type { HeaderFields } from './sealer/header';
import { detectScheme, sealingOf, type SealScheme } from './sealer/index';

const COLUMNS = {
  block_sealers: ['block_number', 'timestamp', 'sealer'],
  node_events: ['block_number', 'log_index', 'tx_hash', 'member', 'node', 'kind', 'label', 'at'],
  validator_sets: ['block_number', 'validators'],
  validator_votes: ['block_number', 'proposer', 'candidate', 'add'],
} as const;

export interface SealRows {
  sealers: Insertable<BlockSealersTable>[];
  nodeEvents: Insertable<NodeEventsTable>[];
  /** The first stated set of the batch and every change after it (the API folds repeats). */
  sets: Insertable<ValidatorSetsTable>[];
  votes: Insertable<ValidatorVotesTable>[];
  /** Set when this batch decided the chain's scheme. */
  detected: { scheme: SealScheme; block: number } | null;
}

const HEADER_KEYS = ['extraData', 'mixHash', 'nonce', 'sha3Uncles', 'stateRoot', 'transactionsRoot', 'receiptsRoot', 'logsBloom', 'difficulty'] as const;

/** The fetched block as header fields; eth_getBlockByNumber returns them all. */
function header(block: FetchedBlock['block']): HeaderFields {
  const h = block as unknown as HeaderFields;
  for (const k of HEADER_KEYS) if (typeof h[k] !== 'string') throw new Error(`block ${parseInt(block.number, 16)}: the node returned no ${k}`);
  return h;
}

/** Registry node events among the batch's decoded logs. */
export function nodeEventRows(logs: BatchRows['logs']): Insertable<NodeEventsTable>[] {
  const out: Insertable<NodeEventsTable>[] = [];
  for (const l of logs) {
    if (l.event_name !== 'NodeRegistered' && l.event_name !== 'NodeDeregistered') continue;
    const a = JSON.parse(l.event_args!) as { member: string; node: string; label?: string; at: string };
    out.push({
      block_number: l.block_number,
      log_index: l.log_index,
      tx_hash: l.tx_hash,
      member: a.member,
      node: a.node,
      kind: l.event_name === 'NodeRegistered' ? 'registered' : 'deregistered',
      label: a.label ?? null,
      at: Number(a.at),
    });
  }
  return out;
}

export class SealTracker {
  private scheme: SealScheme | null | undefined;

  constructor(private readonly db: Db) {}

  private async knownScheme(): Promise<SealScheme | null> {
    if (this.scheme === undefined) {
      const row = await this.db.db.selectFrom('consensus').select('scheme').where('id', '=', 1).executeTakeFirst();
      this.scheme = (row?.scheme as SealScheme | undefined) ?? null;
    }
    return this.scheme;
  }

  async rows(blocks: FetchedBlock[], logs: BatchRows['logs']): Promise<SealRows> {
    const out: SealRows = { sealers: [], nodeEvents: nodeEventRows(logs), sets: [], votes: [], detected: null };
    let scheme = await this.knownScheme();
    let lastSet: string | null = null;
    for (const { block } of blocks) {
      const h = header(block);
      const number = parseInt(block.number, 16);
      if (number === 0) continue; // genesis is not sealed by anyone
      if (!scheme) {
        scheme = this.scheme = detectScheme(h);
        out.detected = { scheme, block: number };
      }
      const s = await sealingOf(scheme ?? 'COINBASE', h);
      out.sealers.push({ block_number: number, timestamp: parseInt(block.timestamp, 16), sealer: s.sealer });
      if (s.validators) {
        const set = JSON.stringify(s.validators);
        if (set !== lastSet) out.sets.push({ block_number: number, validators: set });
        lastSet = set;
      }
      if (s.vote) out.votes.push({ block_number: number, proposer: s.sealer, candidate: s.vote.address, add: s.vote.add ? 1 : 0 });
    }
    return out;
  }
}

/** Write a batch's seal rows; call inside the batch's transaction. */
export async function writeSealRows(trx: Q, { engine }: Pick<Db, 'engine'>, rows: SealRows): Promise<void> {
  const insert = engine.inserter(trx);
  if (rows.sealers.length) await insert('block_sealers', COLUMNS.block_sealers, rows.sealers);
  if (rows.nodeEvents.length) await insert('node_events', COLUMNS.node_events, rows.nodeEvents);
  if (rows.sets.length) await insert('validator_sets', COLUMNS.validator_sets, rows.sets);
  if (rows.votes.length) await insert('validator_votes', COLUMNS.validator_votes, rows.votes);
  if (rows.detected) {
    await trx
      .insertInto('consensus')
      .values({ id: 1, scheme: rows.detected.scheme, detected_at_block: rows.detected.block })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

