// The `yuscan audit` command that recomputes the dashboard's figures from a node. Pure.

/** At one block, for one plan period; the node is the reader's own, from $RPC_URL. */
export function auditCommand(o: { registry: string; period?: string; block: number }): string {
  return ['yuscan audit --rpc "$RPC_URL"', `--registry ${o.registry}`, o.period ? `--period ${o.period}` : '', `--at ${o.block}`].filter(Boolean).join(' ');
}
