// Query limits for a public API: depth, aliases and an estimated cost, measured on the parsed
// operation with its variables (so `first: $n` counts). Pure.
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql/index.js'; // the CommonJS build Apollo and graphql-ws load, so one graphql instance exists under vitest too

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 12, maxAliases: 30, maxCost: 50_000 };

/** Fields that return a page; they default to 20 items when `first` is not given. */
const PAGED = new Set(['blocks', 'transactions', 'members', 'patents', 'scenarios', 'outputReports', 'evidence', 'reports']);

export interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

export function measure(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const m: Measure = { depth: 0, aliases: 0, cost: 0 };
  const seenAliasFragments = new Set<string>();

  const walk = (set: SelectionSetNode, depth: number, multiplier: number, path: Set<string>, countAliases: boolean) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias && countAliases) m.aliases++;
        if (sel.name.value.startsWith('__')) continue;
        m.cost += multiplier;
        if (depth + 1 > m.depth) m.depth = depth + 1;
        if (sel.selectionSet) {
          let factor = 1;
          if (PAGED.has(sel.name.value)) {
            const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
            const n = firstArg ? valueOf(firstArg.value, variables) : 20;
            factor = typeof n === 'number' && n > 0 ? Math.min(n, 100) : 20;
          }
          walk(sel.selectionSet, depth + 1, Math.min(multiplier * factor, 1e9), path, countAliases);
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, depth, multiplier, path, countAliases);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || path.has(name)) continue; // cycles are rejected by validation anyway
        const first = !seenAliasFragments.has(name);
        seenAliasFragments.add(name);
        walk(frag.selectionSet, depth, multiplier, new Set([...path, name]), countAliases && first);
      }
      if (m.cost > 1e9) return;
    }
  };
  walk(operation.selectionSet, 0, 1, new Set(), true);
  return m;
}

/** The first limit the operation breaks, as a GraphQL error, or undefined. */
export function checkLimits(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, limits: Limits = DEFAULT_LIMITS): GraphQLError | undefined {
  const m = measure(document, operation, variables ?? {});
  const fail = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...m } });
  if (m.depth > limits.maxDepth) return fail(`query is nested ${m.depth} levels deep; the limit is ${limits.maxDepth}`);
  if (m.aliases > limits.maxAliases) return fail(`query uses ${m.aliases} aliases; the limit is ${limits.maxAliases}`);
  if (m.cost > limits.maxCost) return fail(`query would cost about ${m.cost} field resolutions; the limit is ${limits.maxCost}`);
  return undefined;
}
