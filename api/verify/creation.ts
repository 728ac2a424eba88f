// A contract created by another contract: its init code is the input of the CREATE or CREATE2
// frame that made it, found in the creating transaction's callTracer trace. Pure.

/** A geth callTracer frame, as much of it as is read here. */
export interface CallFrame {
  type: string;
  to?: string;
  input: string;
  error?: string;
  calls?: CallFrame[];
}

/** The successful CREATE/CREATE2 frame that made `address`, searched depth first. */
export function creationFrame(root: CallFrame | undefined, address: string): CallFrame | undefined {
  if (!root) return undefined;
  const stack = [root];
  while (stack.length) {
    const f = stack.pop()!;
    if ((f.type === 'CREATE' || f.type === 'CREATE2') && !f.error && f.to?.toLowerCase() === address.toLowerCase()) return f;
    if (f.calls) stack.push(...f.calls);
  }
  return undefined;
}
