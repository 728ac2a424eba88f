// Planned transactions: who sends them, how a registry call is planned, and how any planned
// transaction is sent with every field fixed.
import type { DevnetAccounts } from '../accounts';
import type { Hex, PlanContext, PlannedTx, RegistryCall } from './types';

export const GWEI = 1_000_000_000n;

/** JSON-RPC eth_sendTransaction params for a planned tx. Every field fixed: no estimation, no defaults. */
export function encodeTx(tx: PlannedTx): Record<string, string> {
  const hex = (n: bigint) => `0x${n.toString(16)}`;
  const out: Record<string, string> = { from: tx.from, gas: hex(tx.gas) };
  if (tx.to) out.to = tx.to;
  if (tx.data) out.data = tx.data;
  if (tx.value) out.value = hex(tx.value);
  // Fees stay far above the base fee, which only falls on this lightly used chain.
  if (tx.legacy) out.gasPrice = hex(GWEI + tx.tip);
  else {
    out.maxFeePerGas = hex(2n * GWEI + tx.tip);
    out.maxPriorityFeePerGas = hex(tx.tip);
  }
  return out;
}

/** Calls to the registry at `registry`: type 2 with a tenth of a gwei tip. */
export function registryCall(registry: Hex): RegistryCall {
  return (from, gas, data, expectRevert = false) => ({
    from,
    to: registry,
    data,
    gas,
    legacy: false,
    tip: GWEI / 10n,
    expectRevert,
  });
}

/** The planners' view of the accounts, with calls to the registry at `registry`. */
export function planContext(accounts: DevnetAccounts, registry: Hex): PlanContext {
  return {
    owner: accounts.owner.address,
    members: accounts.members.map((m) => m.address),
    users: accounts.users.map((u) => u.address),
    call: registryCall(registry),
  };
}
