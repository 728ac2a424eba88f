// The shapes the trace resolvers pass around (codegen mappers): a call frame, a call tree with
// where it came from, and one state change. A leaf, so the generated types may import it.
import type { StateChangeKind, TraceStatus } from '../generated/enums';

export interface FrameModel {
  path: string;
  depth: number;
  callType: string;
  from: string;
  to: string | null;
  /** Wei, decimal. */
  value: string;
  gas: string | null;
  gasUsed: string;
  input: string | null;
  output: string | null;
  error: string | null;
  revertReason: string | null;
}

export interface TraceModel {
  status: TraceStatus;
  complete: boolean;
  frames: FrameModel[];
}

export interface StateChangeModel {
  kind: StateChangeKind;
  address: string;
  token: string | null;
  tokenId: string | null;
  slot: string | null;
  before: string | null;
  after: string | null;
  delta: string | null;
}
