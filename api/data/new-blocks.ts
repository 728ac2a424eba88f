// The newBlock subscription: an async stream over the head tracker's block fan-out.
import type { HeadTracker } from '../head';
import type { BlockRow } from '../models';

export async function* newBlocks(head: HeadTracker): AsyncGenerator<{ newBlock: BlockRow }> {
  const queue: BlockRow[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = head.subscribe((b) => {
    queue.push(b);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length) yield { newBlock: queue.shift()! };
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    unsubscribe();
  }
}
