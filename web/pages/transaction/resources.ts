// The transaction page's own resources: its one-line summary in the page's language, its
// call tree and its state changes. Typed documents: `npm run codegen`.
import { graphql } from '../../generated';
import type { TraceFrameFieldsFragment, TxStateQuery } from '../../generated/graphql';
import { defineResource as resource, registerResources } from '../../lib/registry';

export type TraceFrame = TraceFrameFieldsFragment;
export type StateChange = NonNullable<TxStateQuery['transaction']>['stateChanges'][number];
export type { TraceStatus } from '../../generated/graphql';

graphql(`fragment TraceFrameFields on TraceFrame {
  path depth callType from to value gas gasUsed input output error revertReason
  decodedInput { name source signature args { name value } } decodedOutput { name value }
}`);

export const transactionResources = registerResources({
  txSummaryLine: resource(graphql(`query TxSummaryLine($hash: String!, $lang: Language) {
    transaction(hash: $hash) { hash summary(lang: $lang) }
  }`)),

  txTrace: resource(graphql(`query TxTrace($hash: String!) {
    transaction(hash: $hash) { hash trace { status complete frames { ...TraceFrameFields } } }
  }`)),

  txState: resource(graphql(`query TxState($hash: String!) {
    transaction(hash: $hash) {
      hash stateChangesStatus trace { complete }
      stateChanges { kind address token { ...TokenRef } tokenId slot before after delta }
    }
  }`)),
});

type TransactionResources = typeof transactionResources;
declare module '../../lib/registry' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ResourceRegistry extends TransactionResources {}
}
