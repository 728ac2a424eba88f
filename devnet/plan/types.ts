// The shapes of a planned history, shared by the planners (devnet/plan/*) and by what runs
// and extends a plan (simulate.ts, tokens.ts, sealers.ts, through devnet/plan.ts).

export type Hex = `0x${string}`;

export interface PlannedTx {
  from: Hex;
  /** Absent: contract creation. */
  to?: Hex;
  data?: Hex;
  value?: bigint;
  gas: bigint;
  /** Type 0 with a gas price, else type 2. */
  legacy: boolean;
  /** Priority fee (type 2), or the premium over 1 gwei (type 0). */
  tip: bigint;
  /** Sent on purpose to revert, so the explorer has failures to show. */
  expectRevert?: boolean;
}

export interface PlannedBlock {
  timestamp: number;
  txs: PlannedTx[];
  /** The sealing node (anvil_setCoinbase), when sealers.ts has scheduled one. */
  coinbase?: Hex;
}

export interface HistoryPlan {
  owner: Hex;
  registry: Hex;
  /** Blocks after block 1 (the registry deployment, at LAUNCH_TIMESTAMP). */
  blocks: PlannedBlock[];
  /** Members admitted and not removed when the history ends. */
  finalMembers: Hex[];
  counts: {
    blocks: number;
    txs: number;
    admissions: number;
    removals: number;
    patents: number;
    patentsInPhase1: number;
    scenarios: number;
    inDepthAtPhase1End: number;
    outputReports: number;
    corrections: number;
    outputInPhase1: bigint;
    transfers: number;
    deployments: number;
    reverts: number;
  };
}

/** A call to the registry: who sends it, its gas limit and calldata, and whether it must fail. */
export type RegistryCall = (from: Hex, gas: bigint, data: Hex, expectRevert?: boolean) => PlannedTx;

/** Who takes part in the history, as every planner sees it. */
export interface PlanContext {
  /** The alliance's secretariat, owner of the registry. */
  owner: Hex;
  /** Member accounts by ENTERPRISES index, whether or not admitted yet. */
  members: readonly Hex[];
  /** Accounts that are never members. */
  users: readonly Hex[];
  call: RegistryCall;
}
