/** The EIP-1193 surface the devnet uses; hardhat's provider satisfies it. */
export interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}
