// Which transactions a JSON-RPC request sent, as its answer names them: what the devnet's
// front waits on before it answers a send (node.ts). Pure: bodies in, hashes out.

const SENDS = new Set(['eth_sendTransaction', 'eth_sendRawTransaction']);

type Id = string | number;

/**
 * For a request body (one call or a batch) holding transaction sends: a function that reads
 * the node's answer and returns the hashes of the sends that succeeded. null for any other
 * request, decided without parsing most of them.
 */
export function sentHashes(body: string): ((answer: string) => string[]) | null {
  if (!body.includes('eth_send')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const calls = (Array.isArray(parsed) ? parsed : [parsed]) as { method?: unknown; id?: unknown }[];
  const ids = new Set<Id>();
  for (const c of calls) if (SENDS.has(c?.method as string) && (typeof c.id === 'string' || typeof c.id === 'number')) ids.add(c.id);
  if (ids.size === 0) return null;
  return (answer) => {
    let items: unknown;
    try {
      items = JSON.parse(answer);
    } catch {
      return [];
    }
    return ((Array.isArray(items) ? items : [items]) as { id?: Id; result?: unknown }[])
      .filter((r) => r && r.id !== undefined && ids.has(r.id) && typeof r.result === 'string')
      .map((r) => r.result as string);
  };
}
