// What the devnet answers while it is still starting (building its history, deploying the
// registry): a JSON-RPC error per request, at once, so a client polling for readiness gets
// a clear "not yet" instead of a connection that hangs. Pure: body in, body out.

/** Server-error range (-32000 to -32099); clients that retry on server errors retry this. */
export const STARTING_CODE = -32000;

type Id = string | number | null;

function idOf(item: unknown): Id {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** The JSON-RPC response to `body` (one request or a batch) while the node is starting. */
export function startingResponse(body: string, status: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
  }
  const error = { code: STARTING_CODE, message: `devnet is starting (${status}); retry shortly` };
  const answer = (item: unknown) => ({ jsonrpc: '2.0', id: idOf(item), error });
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(answer) : answer(parsed));
}
