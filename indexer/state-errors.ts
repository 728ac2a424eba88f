// A node that keeps no historical state answers a read at an old block with an error, in
// words that differ by client. Such an answer is final for that block: it is not an outage,
// and retrying it would only wait out the retry budget (100 s) before failing anyway.

/** geth "missing trie node" / "header not found", Besu "world state not available", anvil "BlockOutOfRangeError", Erigon/Nethermind/reth variants. */
const STATE_UNAVAILABLE = [
  /missing trie node/i,
  /header not found/i,
  /block ?out ?of ?range/i,
  /world state (is )?not available/i,
  /state (is )?not available/i,
  /state (histories|history) (haven't|have not) been fully indexed/i,
  /required historical state unavailable/i,
  /historical state .*(not available|unavailable|pruned)/i,
  /pruned/i,
];

export function isStateUnavailable(message: string): boolean {
  return STATE_UNAVAILABLE.some((re) => re.test(message));
}
