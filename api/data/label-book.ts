// The operator's labels (LABELS_FILE) as the API looks them up: by address, and in file
// order for search. A leaf, so the request context can carry it.
import type { OperatorLabel } from '../../config/labels';

export interface LabelBook {
  byAddress: Map<string, OperatorLabel>;
  entries: OperatorLabel[];
}

export function labelBook(entries: OperatorLabel[] = []): LabelBook {
  return { byAddress: new Map(entries.map((e) => [e.address, e])), entries };
}
